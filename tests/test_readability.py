"""Editors see how easy an article is to read, in the editor, as guidance."""

import pytest

from django.urls import reverse

from articles.models import ArticlePage
from articles.readability import (
    MIN_GRADED_WORDS,
    TARGET_GRADE,
    article_text,
    grade_sections,
    measure,
)
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


# Reading grade per section


def graded_rows(panel):
    return {
        text(row.find("th")): (
            text(row.find("td")),
            "readability-panel__section--hard" in row["class"],
        )
        for row in panel.select("table.readability-panel__sections tbody tr")
    }


def test_each_section_shows_its_grade_and_the_hard_one_is_marked(
    panel, article_factory
):
    found = panel(
        article_factory(
            summary="A short guide.",
            body=[
                overview(what_it_is=EASY),
                efficacy(introduction=HARD),
                safety(),
                bottom_line(),
            ],
        )
    )
    caption = text(found.select_one("table.readability-panel__sections caption"))
    assert (
        caption == f"Reading grade by section (aim for grade {TARGET_GRADE} or lower)"
    )
    rows = graded_rows(found)
    assert list(rows) == [
        "What it is",
        "How well does it work?",
        "What are the risks?",
        "The bottom line",
    ]
    easy, marked = rows["What it is"]
    assert not marked and float(easy) <= TARGET_GRADE
    hard, marked = rows["How well does it work?"]
    assert marked and hard.endswith(f"Above grade {TARGET_GRADE}")
    assert float(hard.split()[0]) > TARGET_GRADE
    # Too few words for a grade to mean anything ("Drowsiness." alone is grade 20).
    assert rows["What are the risks?"] == (
        f"Too short to grade (under {MIN_GRADED_WORDS} words)",
        False,
    )
    hints = text(found.select_one(".readability-panel__hints"))
    assert f"Above grade {TARGET_GRADE}: “How well does it work?”." in hints


def test_plain_sections_get_no_mark(panel, article_factory):
    found = panel(article_factory(summary="A short guide.", body=body_with(EASY)))
    assert not any(marked for _, marked in graded_rows(found).values())
    assert "Above grade" not in text(found)


def test_grades_use_the_editors_heading_and_leave_it_out(article_factory):
    long_heading = (
        "Pharmacological considerations regarding musculoskeletal symptomatology"
    )
    article = article_factory(
        body=[overview(what_it_is=EASY, heading=long_heading), safety(), bottom_line()]
    )
    grades = grade_sections(ArticlePage.objects.get(pk=article.pk))
    assert grades[0].heading == long_heading
    # The heading's long words are not counted as the section's prose.
    assert grades[0].words == 24
    assert grades[0].grade <= TARGET_GRADE and not grades[0].too_hard
