"""sitemap.xml is an index of files of at most PageSitemap.limit pages, so a large site's
sitemap is many cheap responses, each listing its share of the pages once."""

import datetime
from xml.etree import ElementTree

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home.sitemaps import PageSitemap

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LIMIT = 2
# A file of articles: the site, the page restrictions, the pages' count for the
# paginator, the file's page ids and types, then its articles' rows.
FILE_QUERIES = 5
# The first file holds the home page and the articles index (a query per page type)
# and the index's topic pages (its restrictions and topics) in place of articles.
FIRST_FILE_QUERIES = FILE_QUERIES + 3
# The site, the page restrictions, the newest change and the pages' count.
INDEX_QUERIES = 4


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own output)


def index_entries(client):
    """{file URL: lastmod} as the index lists them."""
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    entries = [
        (
            entry.findtext("sm:loc", namespaces=NS),
            entry.findtext("sm:lastmod", namespaces=NS),
        )
        for entry in root.findall("sm:sitemap", NS)
    ]
    assert len({loc for loc, _ in entries}) == len(entries)  # each file named once
    return dict(entries)


def file_urls(client, url):
    """[(loc, lastmod)] in one file, in its order."""
    root = parse(client.get(url))
    return [
        (
            entry.findtext("sm:loc", namespaces=NS),
            entry.findtext("sm:lastmod", namespaces=NS),
        )
        for entry in root.findall("sm:url", NS)
    ]


def crawl(client):
    """Every file the index names, as a crawler reads them: {file URL: [(loc, lastmod)]}."""
    return {url: file_urls(client, url) for url in index_entries(client)}


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", LIMIT)


@pytest.fixture
def topic_articles(index, article_factory, topic):
    return [article_factory(topics=[topic]) for _ in range(3)]


def test_index_names_every_file_and_each_page_is_in_one(
    client, small_files, home, index, topic, topic_articles
):
    # home, index, three articles: three files of two pages; the topic page rides
    # along with the articles index.
    files = crawl(client)
    assert list(files) == [
        "http://localhost/sitemap-pages.xml",
        "http://localhost/sitemap-pages.xml?p=2",
        "http://localhost/sitemap-pages.xml?p=3",
    ]
    locations = [loc for urls in files.values() for loc, _ in urls]
    expected = [
        "http://localhost/",
        index.get_full_url(),
        index.get_full_url() + "topics/back-pain/",
        *(article.get_full_url() for article in topic_articles),
    ]
    assert sorted(locations) == sorted(expected)  # each exactly once
    assert [len(urls) for urls in files.values()] == [3, 2, 1]


def test_private_pages_and_drafts_are_in_no_file(
    client, small_files, index, article_factory
):
    first = article_factory(slug="first")
    draft = article_factory(slug="zanzibar-draft", publish=False)
    private = article_factory(slug="private-article")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    last = article_factory(slug="last")
    locations = [loc for urls in crawl(client).values() for loc, _ in urls]
    assert first.get_full_url() in locations
    assert last.get_full_url() in locations
    assert len(locations) == len(set(locations)) == 4  # home, index and two articles
    assert not {draft.get_full_url(), private.get_full_url()} & set(locations)


def test_lastmod_is_each_page_last_publish_and_the_index_the_newest(
    client, index, topic, topic_articles
):
    newest = max(article.last_published_at for article in topic_articles)
    [(url, lastmod)] = index_entries(client).items()
    assert datetime.datetime.fromisoformat(lastmod) == newest
    urls = dict(file_urls(client, url))
    topic_url = index.get_full_url() + "topics/back-pain/"
    assert urls[topic_url] == newest.date().isoformat()
    for article in topic_articles:
        lastmod = urls[article.get_full_url()]
        assert lastmod == article.last_published_at.date().isoformat()


def count_queries(client, url):
    """Queries for `url` once a first request has filled the process's caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_per_file_do_not_grow_with_the_site(
    client, small_files, index, topic, article_factory, django_assert_num_queries
):
    for _ in range(2):
        article_factory(topics=[topic])
    small = {
        "index": count_queries(client, "/sitemap.xml"),
        "first": count_queries(client, "/sitemap-pages.xml"),
        "last": count_queries(client, "/sitemap-pages.xml?p=2"),
    }
    for _ in range(6):
        article_factory(topics=[topic])
    assert list(crawl(client))[-1] == "http://localhost/sitemap-pages.xml?p=5"
    large = {
        "index": count_queries(client, "/sitemap.xml"),
        "first": count_queries(client, "/sitemap-pages.xml"),
        "last": count_queries(client, "/sitemap-pages.xml?p=5"),
    }
    assert (
        small
        == large
        == {
            "index": INDEX_QUERIES,
            "first": FIRST_FILE_QUERIES,
            "last": FILE_QUERIES,
        }
    )


@pytest.mark.parametrize(
    "number", ["0", "-1", "abc", "1.5", "", "01", "1e3", " 1", "3", "9" * 30, "\x00"]
)
def test_a_file_that_does_not_exist_is_not_found(client, small_files, home, number):
    # home alone: one file.
    assert client.get("/sitemap-pages.xml", {"p": number}).status_code == 404


def test_an_unknown_section_is_not_found(client, home):
    assert client.get("/sitemap-articles.xml").status_code == 404
    assert client.get("/sitemap-.xml").status_code == 404


def test_index_ignores_a_file_number(client, home):
    assert client.get("/sitemap.xml", {"p": "abc"}).status_code == 200


def test_index_gives_https_file_addresses_behind_the_proxy(client, home, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/sitemap.xml", headers={"X-Forwarded-Proto": "https"})
    [location] = [loc.text for loc in parse(response).iter(f"{{{NS['sm']}}}loc")]
    assert location == "https://localhost/sitemap-pages.xml"


def test_a_stored_file_is_served_until_content_changes(
    client, parts_cached, small_files, index, article_factory
):
    article_factory(slug="first")
    article_factory(slug="second")
    count_queries(client, "/sitemap-pages.xml?p=2")
    with CaptureQueriesContext(connection) as queries:
        urls = file_urls(client, "/sitemap-pages.xml?p=2")
    assert len(queries) == 0
    assert [loc for loc, _ in urls] == [
        "http://localhost/articles/first/",
        "http://localhost/articles/second/",
    ]
    article_factory(slug="third")
    assert "http://localhost/sitemap-pages.xml?p=3" in index_entries(client)
    urls = file_urls(client, "/sitemap-pages.xml?p=3")
    assert [loc for loc, _ in urls] == ["http://localhost/articles/third/"]
