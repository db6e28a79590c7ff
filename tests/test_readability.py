"""Editors see how easy an article is to read, in the editor, as guidance."""

import pytest

from django.urls import reverse

from articles.models import ArticlePage
from articles.readability import article_text, measure
from tests.content import bottom_line, efficacy, evidence, overview, reference, safety
from tests.html import soup, text

EASY = (
    "<p>This pill eases pain. Most people feel better in a week. "
    "Take it with food. Stop if you feel sick.</p>"
)
HARD = (
    "<p>Pharmacological interventions demonstrating statistically significant "
    "amelioration of chronic musculoskeletal symptomatology necessitate "
    "comprehensive evaluation, considering heterogeneous methodological "
    "characteristics, substantial publication bias and inconsistent "
    "operationalisation of clinically meaningful outcome measurements.</p>"
)


def body_with(prose):
    return [
        overview(what_it_is=prose),
        efficacy(),
        safety(),
        bottom_line(),
    ]


@pytest.fixture
def panel(client, editor):
    client.force_login(editor)

    def read(article):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        return soup(response).select_one(".readability-panel")

    return read


def score(panel):
    return int(text(panel.select_one(".readability-panel__score")))


def test_editor_sees_a_score_for_plain_text(panel, article_factory):
    found = panel(article_factory(summary="A short guide.", body=body_with(EASY)))
    assert found is not None
    assert score(found) >= 60
    shown = text(found)
    assert "Reading ease" in shown
    assert "Average sentence" in shown
    assert "updates when the draft is saved" in shown


def test_harder_text_scores_lower_and_gets_a_hint(panel, article_factory):
    easy = panel(article_factory(summary="A short guide.", body=body_with(EASY)))
    hard = panel(article_factory(summary="A short guide.", body=body_with(HARD)))
    assert score(hard) < score(easy)
    assert "Aim for 60 or more" in text(hard)
    assert "Aim for 60 or more" not in text(easy)


def test_score_follows_the_latest_draft(panel, article_factory):
    article = article_factory(summary="A short guide.", body=body_with(EASY))
    before = score(panel(article))
    draft = article.get_latest_revision_as_object()
    draft.body = body_with(HARD)
    draft.save_revision()
    assert score(panel(article)) < before


def test_create_view_loads_without_text(client, editor, index):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    found = soup(client.get(url)).select_one(".readability-panel")
    assert found is not None
    assert "No text to measure yet" in text(found)


def test_text_leaves_out_choices_and_citation_keys(article_factory):
    article = article_factory(
        summary="What the evidence says",
        body=[
            overview(what_it_is="<p>First point</p><ul><li>A list item</li></ul>"),
            efficacy(items=[evidence("It helped", references="friedman2017")]),
            safety(),
            bottom_line(),
        ],
        references=[reference("friedman2017")],
    )
    plain = article_text(ArticlePage.objects.get(pk=article.pk))
    assert plain.startswith("What the evidence says. First point. A list item.")
    assert "It helped." in plain
    assert "friedman2017" not in plain
    assert "benefit" not in plain.lower()
    assert "<" not in plain


def test_measuring_does_not_query_the_database(
    article_factory, django_assert_num_queries
):
    article = article_factory(body=body_with(EASY * 3))
    page = ArticlePage.objects.get(pk=article.pk)
    with django_assert_num_queries(0):
        assert measure(article_text(page)).words > 0


def test_nothing_to_measure():
    assert measure("") is None
