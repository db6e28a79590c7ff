"""A reader browses the list of articles: newest first, by topic, a page at a time."""

import datetime
from urllib.parse import urljoin

from django.utils import timezone

from wagtail.models import PageViewRestriction

from articles.builders import build_topic
from tests.html import soup, text


def day(n):
    return timezone.make_aware(datetime.datetime(2024, 1, n, 9))


def card_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def test_articles_are_listed_newest_first(client, index, article_factory):
    article_factory("Middle", first_published_at=day(2))
    article_factory("Newest", first_published_at=day(3))
    article_factory("Oldest", first_published_at=day(1))
    page = soup(client.get(index.url))
    assert text(page.find("h1")) == index.title
    assert card_titles(page) == ["Newest", "Middle", "Oldest"]


def test_card_links_to_the_article_and_shows_its_summary(
    client, index, article_factory
):
    article = article_factory("Testamol for back pain", summary="Short answer: no.")
    card = soup(client.get(index.url)).select_one("article.article-card")
    link = card.select_one("h2.article-card__title a")
    assert link["href"] == article.url
    assert "Short answer: no." in text(card)


def test_twelve_articles_per_page(client, index, article_factory):
    for n in range(13):
        article_factory(f"Article {n:02}", first_published_at=day(n + 1))
    first = soup(client.get(index.url))
    assert len(card_titles(first)) == 12
    assert card_titles(first)[0] == "Article 12"
    pagination = first.select_one('nav.pagination[aria-label="Pagination"]')
    assert pagination is not None
    next_link = pagination.find("a", rel="next")
    second = soup(client.get(urljoin(index.url, next_link["href"])))
    assert card_titles(second) == ["Article 00"]


# A missing, malformed or out-of-range page number shows the first or the last page.
BAD_PAGE_NUMBERS = {
    "abc": "first",
    "0": "last",
    "-1": "last",
    "999999": "last",
    "\x00": "first",
    "1" * 400: "last",
    "2.5": "first",
}


def test_bad_page_number_shows_a_real_page(client, index, article_factory):
    # One set of articles for every number: building them is the slow part.
    for n in range(13):
        article_factory(f"Article {n:02}", first_published_at=day(n + 1))
    for page_number, shows in BAD_PAGE_NUMBERS.items():
        response = client.get(index.url, {"page": page_number})
        titles = card_titles(soup(response))
        if shows == "last":
            assert titles == ["Article 00"], page_number
        else:
            assert len(titles) == 12, page_number
            assert titles[0] == "Article 12", page_number


def test_topic_filter_shows_only_that_topic(client, index, article_factory, topic):
    sleep = build_topic("Sleep", "sleep")
    article_factory("About backs", topics=[topic])
    article_factory("About sleep", topics=[sleep])
    page = soup(client.get(index.url, {"topic": "back-pain"}))
    assert card_titles(page) == ["About backs"]
    current = page.select_one(".topic-filter a[aria-current=page]")
    assert text(current) == "Back pain"
    assert current["href"].endswith("/topics/back-pain/")
    assert page.find("a", href=lambda h: h and h.endswith("/topics/sleep/"))


def test_unknown_topic_shows_every_article(client, index, article_factory, topic):
    article_factory("About backs", topics=[topic])
    article_factory("Untagged")
    for slug in ("no-such-topic", "<script>", "x" * 500, "back\x00pain"):
        titles = card_titles(soup(client.get(index.url, {"topic": slug})))
        assert sorted(titles) == ["About backs", "Untagged"]


def test_drafts_and_private_articles_are_not_listed(
    client, index, article_factory, topic
):
    article_factory("Published", topics=[topic])
    article_factory("Draft", publish=False, topics=[topic])
    private = article_factory("Private", topics=[topic])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert card_titles(soup(client.get(index.url))) == ["Published"]
    assert card_titles(soup(client.get(index.url, {"topic": "back-pain"}))) == [
        "Published"
    ]


def test_topic_used_only_by_drafts_is_not_offered(client, index, article_factory):
    hidden = build_topic("Hidden", "hidden")
    shown = build_topic("Shown", "shown")
    article_factory("Draft", publish=False, topics=[hidden])
    article_factory("Published", topics=[shown])
    page = soup(client.get(index.url))
    assert page.find("a", href=index.topic_url(shown)) is not None
    assert page.find("a", href=index.topic_url(hidden)) is None


def test_empty_index_says_so(client, index):
    page = soup(client.get(index.url))
    assert card_titles(page) == []
    assert page.find("main") is not None
