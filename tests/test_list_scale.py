"""Lists of articles cost about the same at 10,000 articles as at 100.

What grew with the site: the topic lists joined every article and took DISTINCT over
them, the index's last pages walked past every article with OFFSET, and each topic link
worked out the index's URL afresh. Pages here hold two articles, so a deep page is
reached with a handful of articles.
"""

import datetime
import re
from unittest import mock

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import models as article_models
from articles.builders import build_topic
from articles.models import ArticleIndexPage
from tests.html import soup, text

PER_PAGE = 2
# A subquery that reads ids alone: what the rows before a page are walked past in.
IDS_ONLY = re.compile(r'IN \(SELECT \S+ AS "pk" FROM')


def day(n):
    return timezone.make_aware(datetime.datetime(2024, 1, n, 9))


def card_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


@pytest.fixture(autouse=True)
def two_per_page(monkeypatch):
    monkeypatch.setattr(article_models, "ARTICLES_PER_PAGE", PER_PAGE)


@pytest.fixture
def make_articles(article_factory, topic):
    """`count` more articles, two to a day, so that some share a publication time."""
    made = []

    def make(count):
        for _ in range(count):
            n = len(made)
            made.append(
                article_factory(
                    f"Article {n}", first_published_at=day(1 + n // 2), topics=[topic]
                )
            )
        # Newest first; among articles published together, the later made first.
        return [a.title for a in sorted(made, key=lambda a: a.pk, reverse=True)]

    return make


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_every_page_lists_its_articles_newest_first(client, index, make_articles):
    newest_first = make_articles(7)  # pages of 2, 2, 2 and 1
    for number in range(1, 5):
        page = soup(client.get(index.url, {"page": number}))
        start = (number - 1) * PER_PAGE
        assert card_titles(page) == newest_first[start : start + PER_PAGE], number
        assert f"Page {number} of 4" in text(page.select_one("nav.pagination"))
    last = soup(client.get(index.url, {"page": 99999}))
    assert card_titles(last) == newest_first[6:]


def test_topic_pages_list_their_articles_page_by_page(
    client, index, make_articles, topic
):
    newest_first = make_articles(5)
    url = f"{index.url}topics/{topic.slug}/"
    shown = [card_titles(soup(client.get(url, {"page": n}))) for n in (1, 2, 3)]
    assert shown == [newest_first[0:2], newest_first[2:4], newest_first[4:]]


def test_last_pages_are_read_from_the_far_end(client, index, make_articles):
    make_articles(7)
    for query in ("?page=4", "?page=99999"):
        sql = queries_for(client, index.url + query)
        assert not [s for s in sql if "OFFSET" in s], query


def test_rows_are_skipped_by_id_alone(client, index, make_articles):
    make_articles(7)
    for number in (2, 3):  # one read forwards, one backwards
        skipping = [
            s
            for s in queries_for(client, f"{index.url}?page={number}")
            if "OFFSET" in s
        ]
        assert len(skipping) == 1, number
        subquery = IDS_ONLY.search(skipping[0])
        assert subquery, skipping[0]
        # The skipping happens inside the subquery; the whole rows are one page's.
        assert skipping[0].count("OFFSET") == 1
        assert skipping[0].index("OFFSET") > subquery.start()


def test_queries_do_not_grow_with_articles_or_page_depth(client, index, make_articles):
    def counts():
        return [
            len(queries_for(client, index.url + query))
            for query in ("", "?page=2", "?page=3", "?page=99999")
        ]

    make_articles(5)
    client.get(index.url)  # warm caches: site, renditions
    before = counts()
    make_articles(4)
    assert counts() == before
    assert len(set(before)) == 1


@pytest.mark.parametrize("url", ["/", "index"])
def test_topic_lists_probe_each_topic_instead_of_joining_every_article(
    client, index, article_factory, topic, url
):
    article_factory("About backs", topics=[topic])
    sql = queries_for(client, index.url if url == "index" else url)
    # The topics offered, not those fetched for the article cards.
    topic_lists = [
        s for s in sql if 'FROM "articles_topic"' in s and "_prefetch" not in s
    ]
    assert topic_lists, sql
    for statement in topic_lists:
        assert "EXISTS" in statement
        assert "DISTINCT" not in statement


def test_index_url_is_worked_out_once_however_many_topics(
    client, index, article_factory
):
    calls = mock.patch.object(
        ArticleIndexPage,
        "get_url",
        autospec=True,
        side_effect=ArticleIndexPage.get_url,
    )

    def index_urls_worked_out():
        with calls as get_url:
            assert client.get(index.url).status_code == 200
        return get_url.call_count

    article_factory(topics=[build_topic("Topic 0", "topic-0")])
    client.get(index.url)  # warm caches
    with_one_topic = index_urls_worked_out()
    for n in range(1, 6):
        article_factory(topics=[build_topic(f"Topic {n}", f"topic-{n}")])
    assert index_urls_worked_out() == with_one_topic


def test_topic_lastmod_comes_from_its_listed_articles_only(
    index, article_factory, topic
):
    listed = article_factory("Listed", topics=[topic])
    withdrawn = article_factory("Withdrawn", topics=[topic])
    withdrawn.unpublish()
    draft_only = build_topic("Drafts only", "drafts-only")
    article_factory("Draft", publish=False, topics=[draft_only])
    assert withdrawn.last_published_at > listed.last_published_at
    topics = {
        url["location"]: url["lastmod"]
        for url in index.get_sitemap_urls()
        if "/topics/" in url["location"]
    }
    assert topics == {f"{index.full_url}topics/{topic.slug}/": listed.last_published_at}
