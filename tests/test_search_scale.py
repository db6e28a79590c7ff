"""A search costs the same however many articles match: it shows the best of a bounded
number (SEARCH_MAX_RESULTS) and says when more matched."""

import pytest

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.builders import build_topic
from search.facets import MAX_FACETS
from tests.content import complete_body, overview
from tests.html import soup, text

SEARCH = reverse("search")
ON_POSTGRES = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]
CAP = 3


@pytest.fixture
def capped(settings):
    settings.SEARCH_MAX_RESULTS = CAP


def result_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def summary(page):
    return text(page.select_one("p.search-summary"))


def mentioning(article_factory, title, word, **kwargs):
    """An article whose body, not its title or summary, holds `word`."""
    body = complete_body()
    body[0] = overview(what_it_is=f"<p>It is like {word}.</p>")
    return article_factory(title, body=body, **kwargs)


def test_more_matches_than_the_cap_show_the_best_and_say_there_are_more(
    client, article_factory, capped
):
    for n in range(2 * CAP):
        mentioning(article_factory, f"Heat {n}", "zylofen")
    # Published last, so a pool taken in index order alone would leave it out.
    article_factory("Zylofen tablets")

    page = soup(client.get(SEARCH, {"q": "zylofen"}))

    assert summary(page) == f"{CAP}+ results for “zylofen”"
    titles = result_titles(page)
    assert len(titles) == CAP
    assert titles[0] == "Zylofen tablets"
    assert page.select_one("nav.pagination") is None


def test_as_many_matches_as_the_cap_are_counted_exactly(
    client, article_factory, capped
):
    for n in range(CAP):
        mentioning(article_factory, f"Heat {n}", "zylofen")

    page = soup(client.get(SEARCH, {"q": "zylofen"}))

    assert summary(page) == f"{CAP} results for “zylofen”"
    assert len(result_titles(page)) == CAP


def test_a_topic_filter_searches_the_topics_own_matches(
    client, article_factory, topic, capped
):
    sleep = build_topic("Sleep", "sleep")
    for n in range(2 * CAP):
        mentioning(article_factory, f"Heat {n}", "zylofen", topics=[topic])
    # Published last: none of them among the best of all the matches.
    for n in range(CAP + 1):
        mentioning(article_factory, f"Rest {n}", "zylofen", topics=[sleep])

    page = soup(client.get(SEARCH, {"q": "zylofen", "topic": "sleep"}))

    assert summary(page) == f"{CAP}+ results for “zylofen” in Sleep"
    titles = result_titles(page)
    assert len(titles) == CAP
    assert all(title.startswith("Rest ") for title in titles)


def test_topic_counts_are_lower_bounds_when_more_matched(
    client, article_factory, topic, capped
):
    sleep = build_topic("Sleep", "sleep")
    for n in range(2 * CAP):
        mentioning(article_factory, f"Heat {n}", "zylofen", topics=[topic, sleep])

    page = soup(client.get(SEARCH, {"q": "zylofen"}))

    facets = [text(a) for a in page.select("nav.search-filter a")]
    assert facets == ["All topics", f"Back pain ({CAP}+)", f"Sleep ({CAP}+)"]


def test_the_topic_filter_offers_the_topics_with_most_matches(client, article_factory):
    topics = [build_topic(f"Topic {n:02}", f"topic-{n:02}") for n in range(12)]
    for topic in topics:
        mentioning(article_factory, f"About {topic.name}", "zylofen", topics=[topic])
    # Two matches filed under the last topic, which sorts last by name.
    mentioning(article_factory, "Also topic 11", "zylofen", topics=[topics[-1]])

    page = soup(client.get(SEARCH, {"q": "zylofen"}))

    facets = [text(a) for a in page.select("nav.search-filter a")][1:]
    assert len(facets) == MAX_FACETS
    assert facets[-1] == "Topic 11 (2)"
    assert summary(page) == "13 results for “zylofen”"


def test_the_ranked_search_carries_the_bound_and_nothing_counts_every_match(
    client, article_factory, capped
):
    for n in range(2 * CAP):
        mentioning(article_factory, f"Heat {n}", "zylofen")
    client.get(SEARCH, {"q": "zylofen"})  # warm caches: the site

    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH, {"q": "zylofen"})

    statements = [q["sql"] for q in queries.captured_queries]
    ranking = [sql for sql in statements if "wagtailsearch_indexentry" in sql]
    assert len(ranking) == 1
    assert f"LIMIT {CAP + 1}" in ranking[0]
    assert not any("COUNT(" in sql.upper() for sql in statements)


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL): its full-text index"
)
def test_postgresql_answers_wagtails_match_from_an_index(db):
    """Wagtail matches `title || body`; without an index on that, every search reads
    every article's index entry."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('zylofen')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_title_body_gin" in plan
