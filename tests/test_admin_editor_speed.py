"""Opening an article in the editor costs the same few queries however long it is.

The numbers were measured on SQLite and PostgreSQL. If one rises, a panel or widget
has started to query once per author, reference, section or linked page: find it
rather than raise the number.
"""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from articles.builders import build_topic
from articles.models import (
    ArticleAuthor,
    ArticleReference,
    Correction,
    RelatedArticle,
)
from articles.workflow import assign_medical_review
from tests.content import (
    alternatives,
    bottom_line,
    deciding,
    efficacy,
    evidence,
    guidelines,
    overview,
    person,
    reference,
    safety,
    urgent_help,
    writer,
)
from tests.html import soup

# The article's own panels cost at most one query each, whatever their length; the
# rest is Wagtail's editor (session, workflow, comments, menus, editing sessions).
SUPERUSER_QUERIES = 29
# Editors and reviewers add their permission look-ups (groups, pages, collections,
# sites, whether the article may be deleted).
STAFF_QUERIES = 34


@pytest.fixture
def section(index):
    assign_medical_review(index)
    return index


@pytest.fixture
def medical_reviewer(django_user_model):
    user = django_user_model.objects.create_user(
        username="clinician", email="clinician@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    return user


@pytest.fixture
def build_article(section, article_factory):
    """A demo-like article whose every list grows with `size`."""

    def build(size, slug):
        linked = [article_factory(slug=f"{slug}-linked-{n}") for n in range(size)]
        keys = [f"{slug}{n}" for n in range(3 * size)]
        option = {
            "kind": "medicine",
            "evidence": "Helps a little.",
            "certainty": "low",
            "references": keys[0],
        }
        body = [
            urgent_help(),
            overview(),
            efficacy(items=[evidence(references=key) for key in keys]),
            guidelines(),
            safety(common_side_effects=[f"Effect {n}" for n in range(size)]),
            alternatives(
                options=[
                    {**option, "name": f"Option {n}", "page": page.pk}
                    for n, page in enumerate(linked)
                ]
            ),
            deciding(),
            bottom_line(),
        ]
        return article_factory(
            slug=slug,
            body=body,
            references=[reference(key) for key in keys],
            authors=[
                ArticleAuthor(person=writer(f"{slug}-writer-{n}", name=f"Writer {n}"))
                for n in range(size)
            ],
            medical_reviewer=person(),
            topics=[build_topic(f"{slug} {n}", f"{slug}-{n}") for n in range(size)],
            corrections=[
                Correction(date=datetime.date(2025, 1, n + 1), text=f"Fixed {n}.")
                for n in range(size)
            ],
            related_links=[
                RelatedArticle(article=page) for page in linked[: min(size, 4)]
            ],
        )

    return build


@pytest.fixture
def editor_queries(client, django_assert_max_num_queries):
    """The queries of one visit to the article's editor, within `most`."""

    def visit(user, article, most):
        client.force_login(user)
        url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
        assert client.get(url).status_code == 200  # warm caches: site, content types
        with django_assert_max_num_queries(most) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response

    return visit


def test_editor_queries_do_not_grow_with_the_article(
    build_article, editor, editor_queries
):
    short = build_article(2, "short")
    long = build_article(5, "long")
    short_count, _ = editor_queries(editor, short, SUPERUSER_QUERIES)
    long_count, _ = editor_queries(editor, long, SUPERUSER_QUERIES)
    assert long_count == short_count


@pytest.mark.parametrize("user", ["group_editor", "moderator", "medical_reviewer"])
def test_staff_editor_queries_do_not_grow(request, build_article, editor_queries, user):
    user = request.getfixturevalue(user)
    short = build_article(2, "short")
    long = build_article(5, "long")
    short_count, _ = editor_queries(user, short, STAFF_QUERIES)
    long_count, _ = editor_queries(user, long, STAFF_QUERIES)
    assert long_count == short_count


def test_the_editor_shows_what_the_article_holds(
    section, build_article, editor, editor_queries
):
    """What the bulk fetches feed the widgets is what they showed before."""
    article = build_article(3, "article")
    _, response = editor_queries(editor, article, SUPERUSER_QUERIES)
    page = soup(response)
    authors = [
        page.select_one(f"#id_authors-{n}-person-chooser [data-chooser-title]")
        for n in range(3)
    ]
    assert [a.get_text(strip=True) for a in authors] == [
        "Writer 0",
        "Writer 1",
        "Writer 2",
    ]
    related = page.select_one("#id_related_links-0-article-chooser")
    assert "Treatment" in related.select_one("[data-chooser-title]").get_text()
    # The chooser opens where the chosen article sits.
    assert f'"parentId": {section.pk}' in response.text
    keys = [page.select_one(f"#id_references-{n}-key")["value"] for n in range(9)]
    assert keys == [f"article{n}" for n in range(9)]
    reviewer = page.select_one("#id_medical_reviewer option[selected]")
    assert reviewer.get_text(strip=True).startswith("Dr Test Reviewer")
    checked = page.select("input[name=topics][checked]")
    assert len(checked) == 3
    assert "Submit to Medical review" in response.text


def references_panel(response):
    return soup(response).find(id="panel-child-content-references-content")


def test_references_from_the_cache_are_those_drawn_afresh(
    build_article, editor, client
):
    article = build_article(3, "article")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    cache.clear()
    drawn = references_panel(client.get(url))
    kept = references_panel(client.get(url))
    assert str(kept) == str(drawn)
    assert len(kept.select("[data-inline-panel-child]")) == 9


def test_a_changed_reference_shows_its_new_text(build_article, editor, client):
    article = build_article(3, "article")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    client.get(url)
    ArticleReference.objects.filter(page=article, key="article4").update(
        title="A corrected title"
    )
    panel = references_panel(client.get(url))
    assert panel.select_one("#id_references-4-title")["value"] == "A corrected title"
    assert panel.select_one("#id_references-3-title")["value"] == "Trial article3"
