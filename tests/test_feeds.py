"""RSS and Atom feeds of the latest articles, for the site and for each topic."""

import feedparser
import pytest

from wagtail.models import PageViewRestriction

from articles.builders import build_topic, publish_reviewed
from articles.models import ArticleAuthor, Person

FEEDS = {
    "/feeds/rss/": "rss20",
    "/feeds/atom/": "atom10",
    "/feeds/topics/back-pain/rss/": "rss20",
    "/feeds/topics/back-pain/atom/": "atom10",
}
# Site, restrictions, articles, their topics, authors and people; a topic's feed
# also looks up the topic and the index it links to.
FEED_QUERIES = {
    "/feeds/rss/": 6,
    "/feeds/atom/": 6,
    "/feeds/topics/back-pain/rss/": 9,
    "/feeds/topics/back-pain/atom/": 9,
}


def read(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def sleep(db):
    return build_topic("Sleep", "sleep")


@pytest.mark.parametrize(("url", "version"), FEEDS.items())
def test_feeds_are_valid(client, home, index, article_factory, topic, url, version):
    article_factory(topics=[topic])
    feed = read(client, url)
    assert feed.version == version
    assert feed.feed.title.startswith("Clear Health: ")
    assert feed.feed.link.startswith("http://localhost/")


def test_feed_items_carry_summary_link_dates_authors_and_topics(
    client, home, index, article_factory, topic
):
    writer = Person.objects.create(name="Sam Writer", slug="sam", role="Writer")
    article = article_factory(
        "Diazepam for back pain",
        summary="Diazepam added nothing & did harm.",
        topics=[topic],
    )
    article.authors.set([ArticleAuthor(person=writer)])
    publish_reviewed(article, article.save_revision())
    for url in ("/feeds/rss/", "/feeds/atom/"):
        (entry,) = read(client, url).entries
        assert entry.title == "Diazepam for back pain"
        assert entry.summary == "Diazepam added nothing & did harm."
        assert entry.link == article.get_full_url()
        assert (
            entry.published_parsed[:3] == article.first_published_at.utctimetuple()[:3]
        )
        if url.endswith("atom/"):  # RSS 2.0 has no element for it
            assert entry.updated_parsed
        assert entry.author == "Sam Writer"
        assert [tag.term for tag in entry.tags] == ["Back pain"]


def test_feeds_list_the_latest_twenty_newest_first(client, index, article_factory):
    articles = [article_factory() for _ in range(22)]
    entries = read(client, "/feeds/atom/").entries
    expected = [a.get_full_url() for a in reversed(articles)][:20]
    assert [e.link for e in entries] == expected


def test_topic_feed_lists_only_that_topics_articles(
    client, index, article_factory, topic, sleep
):
    back = article_factory(topics=[topic])
    article_factory(topics=[sleep])
    for url in ("/feeds/topics/back-pain/rss/", "/feeds/topics/back-pain/atom/"):
        feed = read(client, url)
        assert feed.feed.title == "Clear Health: Back pain"
        assert [e.link for e in feed.entries] == [back.get_full_url()]
        assert feed.feed.link == index.get_full_url() + "topics/back-pain/"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_unknown_topic_feed_is_not_found(client, home, kind):
    assert client.get(f"/feeds/topics/no-such-topic/{kind}/").status_code == 404


def test_feeds_never_show_drafts_private_pages_or_unpublished_changes(
    client, index, article_factory, topic
):
    article_factory("Zanzibar draft", topics=[topic], publish=False)
    private = article_factory("Private article", topics=[topic])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    changed = article_factory("Published title", topics=[topic])
    changed.title = "Quixotic retitle"
    changed.summary = "Unpublished summary"
    changed.save_revision()
    for url in FEEDS:
        content = client.get(url).content.decode()
        assert "Published title" in content
        for hidden in ("Zanzibar", "Private article", "Quixotic", "Unpublished"):
            assert hidden not in content


def test_feed_links_use_https_behind_the_proxy(
    client, index, article_factory, settings
):
    # TRUST_X_FORWARDED_PROTO=true: a proxy in front says the reader used HTTPS.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    article_factory()
    feed = read(client, "/feeds/rss/", headers={"X-Forwarded-Proto": "https"})
    assert feed.entries[0].link.startswith("https://localhost/")


@pytest.mark.parametrize("url", FEEDS)
def test_feed_queries_do_not_grow_with_articles(
    client, index, article_factory, topic, sleep, django_assert_num_queries, url
):
    writer = Person.objects.create(name="Sam Writer", slug="sam", role="Writer")

    def make(count):
        for _ in range(count):
            article = article_factory(topics=[topic, sleep])
            article.authors.set([ArticleAuthor(person=writer)])
            publish_reviewed(article, article.save_revision())

    make(1)
    client.get(url)  # warm caches: sites
    with django_assert_num_queries(FEED_QUERIES[url]):
        client.get(url)
    make(4)  # per-item queries would show at once
    with django_assert_num_queries(FEED_QUERIES[url]):
        client.get(url)
