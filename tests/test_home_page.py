"""A reader lands on the home page: introduction, featured and latest articles, topics."""

import datetime
from urllib.parse import urljoin

from django.utils import timezone

from articles.builders import build_topic, feature
from tests.html import soup, text


def day(n):
    return timezone.make_aware(datetime.datetime(2024, 1, n, 9))


def titles(section):
    return [
        text(h) for h in section.select("article.article-card .article-card__title")
    ]


def test_home_page_shows_its_introduction(client, home):
    page = soup(client.get("/"))
    assert text(page.find("h1")) == home.title
    assert "Plain answers about treatments." in text(page.find("main"))


def test_featured_articles_appear_in_the_chosen_order(client, home, article_factory):
    first = article_factory("Chosen first", first_published_at=day(1))
    second = article_factory("Chosen second", first_published_at=day(3))
    article_factory("Not featured", first_published_at=day(2))
    feature(home, [first, second])
    page = soup(client.get("/"))
    featured = page.select_one("section.featured")
    assert titles(featured) == ["Chosen first", "Chosen second"]
    links = [a["href"] for a in featured.select(".article-card__title a")]
    assert links == [first.url, second.url]
    assert titles(page.select_one("section.latest")) == ["Not featured"]


def test_latest_articles_are_newest_first_and_at_most_six(
    client, home, article_factory
):
    for n in range(8):
        article_factory(f"Article {n}", first_published_at=day(n + 1))
    page = soup(client.get("/"))
    assert page.select_one("section.featured") is None
    assert titles(page.select_one("section.latest")) == [
        f"Article {n}" for n in range(7, 1, -1)
    ]


def test_topics_link_to_their_topic_pages(client, index, article_factory, topic):
    build_topic("Unused", "unused")
    article_factory("About backs", topics=[topic])
    article_factory("Untagged")
    topics = soup(client.get("/")).select_one("section.topics")
    links = topics.find_all("a")
    assert [text(a) for a in links] == ["Back pain"]
    listing = soup(client.get(urljoin("/", links[0]["href"])))
    assert text(listing.find("h1")) == "Back pain"
    assert titles(listing) == ["About backs"]


def test_drafts_never_appear_on_the_home_page(client, home, article_factory, topic):
    draft = article_factory("Secret draft", publish=False, topics=[topic])
    article_factory("Published")
    feature(home, [draft])
    page = soup(client.get("/"))
    assert "Secret draft" not in text(page)
    assert page.select_one("section.featured") is None
    assert page.select_one("section.topics") is None
    assert titles(page.select_one("section.latest")) == ["Published"]


def test_unpublished_featured_article_drops_out(client, home, article_factory):
    featured = article_factory("Was featured")
    kept = article_factory("Still featured")
    feature(home, [featured, kept])
    featured.unpublish()
    page = soup(client.get("/"))
    assert titles(page.select_one("section.featured")) == ["Still featured"]
    assert "Was featured" not in text(page)
