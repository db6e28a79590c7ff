"""An article page costs a few queries, whatever its length and however many comments.

What every reader sees is kept in the cache under the content version
(articles/fragment_cache.py), so a page that is not served whole from the page cache
is still cheap; and every change a reader could see shows at once, because any
change moves the version on. Nothing personal is kept: a signed-in reader's links,
an editor's preview.
"""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from articles.builders import build_topic, publish_reviewed
from articles.comments import decisions
from articles.editorial import Correction
from articles.models import ArticlePage
from articles.related import RelatedArticle
from home import clock, page_cache
from tests.comments_fixtures import build_comment
from tests.content import (
    alternatives,
    bottom_line,
    deciding,
    efficacy,
    evidence,
    guideline,
    guidelines,
    linked_options,
    overview,
    reference,
    safety,
    urgent_help,
)
from tests.html import soup, text

# The whole page, as an anonymous reader gets it when the page cache has no copy.
ARTICLE_QUERIES = 12
LONG = 6  # items in each of the long article's lists; the short one has one


@pytest.fixture(autouse=True)
def cached_as_in_production(parts_cached):
    """Every test here runs with parts of pages cached (tests/conftest.py)."""


def medicine_facts(keys):
    return {
        "type": "medicine_facts",
        "value": {
            "heading": "",
            "how_to_take": "As tablets.",
            "pregnancy": "Talk to your doctor first.",
            "driving": "It can make you drowsy.",
            "check_first": [f"Condition {key}" for key in keys],
            "references": ", ".join(keys),
        },
    }


def body(keys, linked):
    """Every kind of section, with one item per reference key in each list."""
    return [
        urgent_help(emergency=[f"Red flag {key}" for key in keys]),
        overview(),
        efficacy(items=[evidence(f"Finding {key}.", references=key) for key in keys]),
        guidelines([guideline(recommendation=f"Advice {key}.") for key in keys]),
        safety(
            warnings=[
                {"title": f"Warning {key}", "text": "Take care.", "references": key}
                for key in keys
            ],
            interactions=[
                {
                    "substance": f"Medicine {key}",
                    "severity": "serious",
                    "effect": "Drowsiness.",
                    "advice": "Ask first.",
                    "references": key,
                }
                for key in keys
            ],
        ),
        medicine_facts(keys),
        alternatives(options=linked_options(keys, linked)),
        deciding(),
        bottom_line(),
    ]


def article_of_length(article_factory, topic, title, length):
    """An article with `length` of everything: items, references, topics, corrections."""
    linked = [article_factory(topics=[topic]) for _ in range(length)]
    keys = [f"ref{n}" for n in range(length)]
    return article_factory(
        title,
        body=body(keys, linked),
        references=[reference(key) for key in keys],
        topics=[
            topic,
            *[build_topic(f"Topic {n}", f"topic-{n}") for n in range(length)],
        ],
        corrections=[
            Correction(date=datetime.date(2025, 1, n + 1), text=f"Fixed {n}.")
            for n in range(length)
        ],
    )


def queries(client, url):
    """(queries with the article's parts stored, queries right after any change)."""
    for _ in range(2):  # the first read of a site creates its settings rows
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as stored:
        assert client.get(url).status_code == 200
    page_cache.bump()  # as any change anywhere does: every part is worked out again
    assert client.get(url).status_code == 200  # the site's caches (renditions) warm
    page_cache.bump()
    with CaptureQueriesContext(connection) as afresh:
        assert client.get(url).status_code == 200
    return len(stored), len(afresh)


def test_an_article_costs_the_same_few_queries_however_long(
    client, article_factory, topic, django_assert_max_num_queries
):
    short_article = article_of_length(article_factory, topic, "Short", 1)
    long_article = article_of_length(article_factory, topic, "Long", LONG)

    short = queries(client, short_article.url)
    long = queries(client, long_article.url)

    assert short == long
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        client.get(long_article.url)


def add_comments(page, count, team_member):
    """`count` comments in threads three deep, some by the team, removed or held."""
    for n in range(0, count, 4):
        top = build_comment(page, f"Top {n}", url="https://reader.example")
        reply = build_comment(page, "Team reply", parent=top, user=team_member)
        build_comment(page, "Deeper", parent=reply, is_removed=n % 20 == 0)
        build_comment(page, "Held", parent=top, is_public=False)


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_many_comments_cost_no_more_queries_than_none(
    client,
    article_factory,
    staff_user,
    comment_moderator,
    django_assert_max_num_queries,
    who,
):
    quiet = article_factory("Quiet")
    busy = article_factory("Busy")
    add_comments(busy, 60, staff_user)
    if who == "moderator":
        client.force_login(comment_moderator)

    assert queries(client, quiet.url) == queries(client, busy.url)
    if who == "anonymous":
        with django_assert_max_num_queries(ARTICLE_QUERIES):
            page = soup(client.get(busy.url))
        assert text(page.select_one(".comment-count")) == "42 comments"


# Every change shows at once.


def read(client, page):
    return client.get(page.url).content.decode()


@pytest.fixture
def article(article_factory, topic, client):
    page = article_factory("Diazepam for back pain", slug="diazepam", topics=[topic])
    assert "Diazepam for back pain" in read(client, page)  # its parts are stored
    return page


def test_a_published_change_shows_at_once_in_the_page_and_its_json_ld(client, article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Diazepam for sudden back pain"
    page.summary = "A changed summary."
    publish_reviewed(page, page.save_revision())

    document = soup(client.get(article.url))
    assert text(document.find("h1")) == "Diazepam for sudden back pain"
    assert document.find("meta", attrs={"name": "description"})["content"] == (
        "A changed summary."
    )
    assert '"headline": "Diazepam for sudden back pain"' in str(document)


def test_a_renamed_topic_and_a_correction_show_at_once(client, article, topic):
    topic.name = "Lower back pain"
    topic.save()
    Correction.objects.create(page=article, date=datetime.date.today(), text="Fixed.")

    page = read(client, article)
    assert "Lower back pain" in page and "Fixed." in page


def test_a_newly_related_article_and_a_newly_private_one(
    client, article, article_factory, topic
):
    other = article_factory("Heat for back pain", topics=[topic])
    assert "Heat for back pain" in read(client, article)

    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.LOGIN
    )

    assert "Heat for back pain" not in read(client, article)
    RelatedArticle.objects.create(page=article, article=other)
    assert "Heat for back pain" not in read(client, article)


def test_the_review_falling_due_shows_the_next_day(client, article, monkeypatch):
    due = ArticlePage.objects.get(pk=article.pk).next_review_due
    monkeypatch.setattr(clock, "today", lambda: due)
    assert "due for review" not in read(client, article)

    monkeypatch.setattr(clock, "today", lambda: due + datetime.timedelta(days=1))

    assert "This article is due for review" in read(client, article)


def test_each_address_keeps_its_own_links(client, article):
    read(client, article)

    page = soup(client.get(article.url, secure=True))

    assert page.find("link", rel="canonical")["href"].startswith("https://")
    assert '"url": "https://' in str(page.find("script", type="application/ld+json"))


def test_comments_approved_and_removed_show_at_once(client, article, comment_moderator):
    held = build_comment(article, "Waiting for a moderator.", is_public=False)
    assert "Waiting for a moderator." not in read(client, article)

    decisions.approve([held], comment_moderator)
    assert "Waiting for a moderator." in read(client, article)

    decisions.remove([held], comment_moderator)
    page = read(client, article)
    assert "Waiting for a moderator." not in page
    assert "This comment was removed." in page


def test_a_private_article_hides_its_comments_at_once(client, article, editor):
    build_comment(article, "A reader's view.")
    client.force_login(editor)
    assert "A reader's view." in read(client, article)

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )

    page = soup(client.get(article.url))
    assert page.select_one("#comments") is None
    assert "A reader's view." not in str(page)


# Nothing personal is kept.


def test_a_moderators_links_are_never_shown_to_others(
    client, article, comment_moderator, reader_user
):
    comment = build_comment(article, "Questionable advice.")
    read(client, article)  # an anonymous reader's thread is stored
    client.force_login(comment_moderator)
    assert soup(client.get(article.url)).select("a.comment__remove")

    client.force_login(reader_user)
    page = soup(client.get(article.url))
    assert page.select("a.comment__remove") == []
    assert page.find(id=f"c{comment.pk}").select_one("a.comment__report")

    client.logout()
    page = soup(client.get(article.url))
    assert page.select("a.comment__remove, a.comment__report") == []
    assert page.find(id=f"c{comment.pk}").select_one("a.comment__reply")


def test_an_editors_preview_is_never_stored_nor_served(client, article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "A draft title"
    draft = page.save_revision().as_object()
    cache.clear()  # nothing stored: a preview that stored its parts would be seen

    preview = draft.make_preview_request().content.decode()

    assert "A draft title" in preview  # not the stored live article
    assert "A draft title" not in read(client, article)
    assert "A draft title" in draft.make_preview_request().content.decode()


def test_closed_comments_show_no_reply_links(client, article):
    comment = build_comment(article, "Earlier thoughts.")
    page = ArticlePage.objects.get(pk=article.pk)
    page.comments_open = False
    publish_reviewed(page, page.save_revision())

    element = soup(client.get(article.url)).find(id=f"c{comment.pk}")

    assert element.select(".comment__actions") == []


def test_without_redis_the_article_is_still_served(
    client, article, settings, closed_port
):
    from settings.base import redis_cache

    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port}/0")}

    response = client.get(article.url)

    assert response.status_code == 200
    assert "Diazepam for back pain" in response.content.decode()
