"""Pages that list articles cost the same number of queries however many articles exist.

The numbers were measured on SQLite and PostgreSQL. If one rises, a template or view
has started to query once per article: find it rather than raise the number.
"""

import pytest

from articles.builders import build_topic, feature
from articles.models import ARTICLES_PER_PAGE
from articles.shell import LATEST_COUNT
from search.pagination import RESULTS_PER_PAGE
from tests.content import (
    alternatives,
    bottom_line,
    efficacy,
    evidence,
    linked_options,
    make_image,
    overview,
    reference,
    safety,
)

HOME = 10
HOME_WITH_FEATURED = 12
INDEX = 12
INDEX_BY_TOPIC = 13  # one more: the chosen topic
ARTICLE = 25  # with its authors and its medical review record
# A new search also fetches editors' promotions (its hit is counted in the cache).
SEARCH_RESULTS = 7
SEARCH_RESULTS_LATER_PAGE = 6
SEARCH_EMPTY = 2


@pytest.fixture
def assert_queries(client, django_assert_num_queries):
    def check(url, expected):
        assert client.get(url).status_code == 200  # warm caches: site, renditions
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200

    return check


@pytest.fixture
def make_articles(article_factory, topic):
    other = build_topic("Sleep", "sleep")

    def make(count):
        return [article_factory(topics=[topic, other]) for _ in range(count)]

    return make


def test_home_page_queries_do_not_grow_with_articles(
    home, make_articles, assert_queries
):
    make_articles(1)
    assert_queries("/", HOME)
    make_articles(LATEST_COUNT + 1)
    assert_queries("/", HOME)


def test_home_page_with_featured_queries_do_not_grow(
    home, make_articles, assert_queries
):
    articles = make_articles(2)
    feature(home, articles[:1])
    assert_queries("/", HOME_WITH_FEATURED)
    articles += make_articles(LATEST_COUNT + 1)
    feature(home, articles[:6])
    assert_queries("/", HOME_WITH_FEATURED)


INDEX_QUERIES = ["", "?topic=back-pain", "?page=2", "?page=abc"]


def test_article_index_queries_do_not_grow(index, make_articles, assert_queries):
    def check():
        for query in INDEX_QUERIES:
            expected = INDEX_BY_TOPIC if "topic" in query else INDEX
            assert_queries(index.url + query, expected)

    make_articles(1)
    check()
    make_articles(ARTICLES_PER_PAGE + 1)  # a full first page and a second
    check()


def test_search_queries_do_not_grow(make_articles, assert_queries):
    make_articles(1)
    assert_queries("/search/?q=treatment", SEARCH_RESULTS)
    assert_queries("/search/", SEARCH_EMPTY)
    make_articles(2 * RESULTS_PER_PAGE + 1)  # three pages
    assert_queries("/search/?q=treatment", SEARCH_RESULTS)
    assert_queries("/search/?q=treatment&page=3", SEARCH_RESULTS_LATER_PAGE)


@pytest.mark.parametrize("size", [1, 10])
def test_article_page_queries_do_not_grow_with_its_content(
    article_factory, assert_queries, settings, tmp_path, size
):
    """References, topics, linked alternatives and images are fetched in bulk."""
    settings.MEDIA_ROOT = tmp_path
    image = make_image()
    linked = [article_factory() for _ in range(size)]
    keys = [f"ref{n}" for n in range(size)]
    body = [
        overview(),
        efficacy(items=[evidence(references=key) for key in keys]),
        safety(),
        alternatives(options=linked_options(keys, linked)),
        bottom_line(),
        *[
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "A", "decorative": False},
                    "caption": "",
                },
            }
        ]
        * size,
    ]
    article = article_factory(
        body=body,
        references=[reference(key) for key in keys],
        topics=[build_topic(f"Topic {n}", f"topic-{n}") for n in range(size)],
        hero_image=image,
        hero_image_alt="A physiotherapist",
    )
    assert_queries(article.url, ARTICLE)
