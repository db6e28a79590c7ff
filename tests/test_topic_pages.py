"""A reader browses a topic: its introduction and its articles, a page at a time."""

from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

from wagtail.models import PageViewRestriction

from articles.builders import build_topic
from articles.models import ARTICLES_PER_PAGE
from tests.html import soup, text

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def card_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def topic_url(index, slug):
    return f"{index.url}topics/{slug}/"


@pytest.fixture
def sleep(db):
    return build_topic("Sleep", "sleep", "Getting to sleep and staying asleep.")


def test_topic_page_introduces_and_lists_its_articles(
    client, index, article_factory, topic, sleep
):
    article_factory("Older about backs", topics=[topic])
    article_factory("About sleep", topics=[sleep])
    article_factory("Newer about backs", topics=[topic, sleep])
    page = soup(client.get(topic_url(index, "back-pain")))
    assert [text(h) for h in page.find_all("h1")] == ["Back pain"]
    assert text(page.select_one("p.topic-intro")) == "Pain in the lower back."
    assert card_titles(page) == ["Newer about backs", "Older about backs"]
    assert text(page.select_one("p.topic-count")) == "2 articles about Back pain"
    assert "Back pain" in text(page.find("title"))


def test_topic_page_gives_the_topics_other_names(client, index, article_factory, topic):
    topic.other_names = "Lumbago, Lower back pain"
    topic.save()
    article_factory("About backs", topics=[topic])
    page = soup(client.get(topic_url(index, "back-pain")))
    assert text(page.select_one("p.article-aka")) == (
        "Also known as: Lumbago, Lower back pain"
    )


def test_topic_page_links_to_other_topics(client, index, article_factory, topic, sleep):
    article_factory("About backs", topics=[topic])
    article_factory("About sleep", topics=[sleep])
    page = soup(client.get(topic_url(index, "sleep")))
    nav = page.select_one("nav.topic-filter")
    links = {text(a): a["href"] for a in nav.find_all("a")}
    assert links == {
        "All topics": index.url,
        "Back pain": topic_url(index, "back-pain"),
        "Sleep": topic_url(index, "sleep"),
    }
    assert text(nav.select_one("a[aria-current=page]")) == "Sleep"


def test_topic_page_is_paginated_twelve_at_a_time(
    client, index, article_factory, topic
):
    for n in range(14):
        article_factory(f"Article {n:02}", topics=[topic])
    first = soup(client.get(topic_url(index, "back-pain")))
    assert len(card_titles(first)) == 12
    assert card_titles(first)[0] == "Article 13"
    next_link = first.select_one("nav.pagination a[rel=next]")
    second = soup(client.get(urljoin(topic_url(index, "back-pain"), next_link["href"])))
    assert card_titles(second) == ["Article 01", "Article 00"]
    for number in ("abc", "0", "-1", "999", "\x00"):
        response = client.get(topic_url(index, "back-pain"), {"page": number})
        assert len(card_titles(soup(response))) in (2, 12)


def test_drafts_and_private_articles_are_never_listed(
    client, index, article_factory, topic
):
    article_factory("Published", topics=[topic])
    article_factory("Unique draft title", publish=False, topics=[topic])
    private = article_factory("Unique private title", topics=[topic])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(topic_url(index, "back-pain"))
    assert card_titles(soup(response)) == ["Published"]
    html = response.content.decode()
    assert "Unique draft title" not in html
    assert "Unique private title" not in html


def test_topic_without_live_articles_says_so(client, index, article_factory, sleep):
    article_factory("Draft about sleep", publish=False, topics=[sleep])
    page = soup(client.get(topic_url(index, "sleep")))
    assert text(page.find("h1")) == "Sleep"
    assert card_titles(page) == []
    assert "No articles about Sleep have been published yet" in text(page)


@pytest.mark.parametrize("slug", ["no-such-topic", "x" * 200])
def test_unknown_topic_is_not_found(client, index, slug):
    assert client.get(topic_url(index, slug)).status_code == 404


def test_topic_links_lead_to_topic_pages(client, home, index, article_factory, topic):
    article = article_factory("About backs", topics=[topic])
    expected = topic_url(index, "back-pain")
    article_page = soup(client.get(article.url))
    assert article_page.select_one(".article-topics a")["href"] == expected
    home_page = soup(client.get("/"))
    assert home_page.select_one("section.topics a")["href"] == expected
    assert home_page.select_one(".article-card__topics a")["href"] == expected
    index_page = soup(client.get(index.url))
    assert index_page.find("a", string="Back pain")["href"] == expected


def test_old_topic_filter_on_the_index_still_works(
    client, index, article_factory, topic
):
    article_factory("About backs", topics=[topic])
    article_factory("Untagged")
    page = soup(client.get(index.url, {"topic": "back-pain"}))
    assert card_titles(page) == ["About backs"]


def test_sitemap_lists_topic_pages_with_live_articles(
    client, index, article_factory, topic, sleep
):
    article_factory("About backs", topics=[topic])
    article_factory("Draft about sleep", publish=False, topics=[sleep])
    sitemap = ElementTree.fromstring(client.get("/sitemap-pages.xml").content)  # noqa: S314 (our own output)
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP_NS}loc")]
    assert "http://localhost/articles/topics/back-pain/" in locations
    assert not [loc for loc in locations if "topics/sleep" in loc]


TOPIC_PAGE_QUERIES = 13


def test_topic_page_queries_do_not_grow(
    client, index, article_factory, topic, django_assert_num_queries
):
    other = build_topic("Sleep", "sleep")
    url = topic_url(index, "back-pain")

    def check():
        for query in ("", "?page=2", "?page=abc"):
            assert client.get(url + query).status_code == 200  # warm caches
            with django_assert_num_queries(TOPIC_PAGE_QUERIES):
                assert client.get(url + query).status_code == 200

    article_factory(topics=[topic, other])
    check()
    for _ in range(ARTICLES_PER_PAGE + 1):  # a full first page and a second
        article_factory(topics=[topic, other])
    check()
