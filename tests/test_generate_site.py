"""A generated large site is a valid one: pages render, the tree holds, comments thread."""

import io
from collections import defaultdict

import pytest
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from wagtail.models import Page

from articles.models import ArticlePage, Person, Topic
from articles.publishing import article_problems
from tests.html import soup, text

ARTICLES, COMMENTS = 20, 100


def generate(**options):
    call_command("generate_site", stdout=io.StringIO(), **options)


@pytest.fixture
def generated(index):
    generate(articles=ARTICLES, comments=COMMENTS, seed=3, batch=8)
    return list(ArticlePage.objects.child_of(index).order_by("path"))


def article_comments():
    article_type = ContentType.objects.get_for_model(ArticlePage)
    return XtdComment.objects.filter(content_type=article_type)


def test_generated_articles_render_with_their_sections(generated, client):
    assert len(generated) == ARTICLES
    assert Topic.objects.count() == 3 and Person.objects.count() == 4
    for article in generated[:6]:
        page = soup(client.get(article.url))
        assert text(page.find("h1")) == article.title
        assert "Generated content" in text(page)
        anchors = [s.anchor for s in article.contents]
        assert "safety" in anchors and "bottom-line" in anchors
        for anchor in anchors:
            assert page.find(id=anchor) is not None, (article.url, anchor)
        assert "Medically reviewed" in text(page)


def test_generated_articles_pass_the_publishing_gate(generated):
    for article in generated:
        live = article.live_revision.as_object()
        assert article_problems(live) == [], article.url
        assert article.live_content_reviewed
        assert article.references.exists() and article.authors.exists()


def test_the_page_tree_stays_consistent(generated, index):
    assert Page.find_problems() == ([], [], [], [], [])
    index.refresh_from_db()
    assert index.numchild == len(generated)
    assert {a.url_path for a in generated} == {
        f"{index.url_path}{a.slug}/" for a in generated
    }


def test_comments_are_public_and_threaded_as_xtd_threads_them(generated):
    comments = list(article_comments().order_by("thread_id", "order"))
    assert len(comments) == COMMENTS
    assert all(c.is_public and not c.is_removed for c in comments)
    by_pk = {c.pk: c for c in comments}
    max_level = max_thread_level_for_content_type(comments[0].content_type)
    threads = defaultdict(list)
    for c in comments:
        threads[c.thread_id].append(c)
        parent = by_pk[c.parent_id]
        assert parent.object_pk == c.object_pk
        assert c.level == (0 if parent is c else parent.level + 1) <= max_level
    replies = sum(1 for c in comments if c.level)
    assert 0 < replies < COMMENTS
    for thread in threads.values():
        assert [c.order for c in thread] == list(range(1, len(thread) + 1))
        for c in thread:
            below = [d for d in thread if d.order > c.order]
            subtree = next(
                (n for n, d in enumerate(below) if d.level <= c.level), len(below)
            )
            assert c.nested_count == subtree


def test_the_busiest_article_shows_its_comments(generated, client):
    counts = defaultdict(int)
    for object_pk in article_comments().values_list("object_pk", flat=True):
        counts[int(object_pk)] += 1
    busiest = max(generated, key=lambda a: counts[a.pk])
    page = soup(client.get(busiest.url))
    assert f"{counts[busiest.pk]} comments" in text(page)


def test_search_and_the_admin_find_generated_articles(generated, client, editor):
    article = generated[0]
    found = soup(client.get("/search/", {"q": article.title}))
    assert found.find("a", href=article.url) is not None
    client.force_login(editor)
    explorer = client.get(f"/admin/pages/{article.get_parent().pk}/")
    assert explorer.status_code == 200
    assert article.title in explorer.content.decode()


def test_a_second_run_is_refused_and_changes_nothing(generated):
    before = (Page.objects.count(), article_comments().count(), Topic.objects.count())
    with pytest.raises(CommandError, match="already has generated content"):
        generate(articles=5, comments=10, seed=4)
    after = (Page.objects.count(), article_comments().count(), Topic.objects.count())
    assert after == before


def test_bad_sizes_and_a_missing_index_are_explained(db, index):
    with pytest.raises(CommandError, match="at least one article"):
        generate(articles=0)
    with pytest.raises(CommandError, match="no negative number of comments"):
        generate(articles=5, comments=-1)
    index.delete()
    with pytest.raises(CommandError, match="load the demo content first"):
        generate(articles=5, comments=0)
    assert not ArticlePage.objects.exists()
