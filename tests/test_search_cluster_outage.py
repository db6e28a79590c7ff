"""Readers keep searching while the Elasticsearch or OpenSearch cluster is down or hangs:
the same search runs on the database backend kept current beside it."""

import logging

import pytest

from django.urls import reverse

from home import search_fallback
from settings.services import search as search_settings
from tests.comments_fixtures import was_contacted
from tests.html import soup, text

SEARCH = reverse("search")
SUGGEST = reverse("search_suggest")
PAGES_API = "/api/v2/pages/"
CLIENTS = {"elasticsearch9": "elasticsearch", "opensearch3": "opensearchpy"}


def cluster_backends(kind, port):
    """WAGTAILSEARCH_BACKENDS as settings/services.py builds them for a cluster on `port`."""
    pytest.importorskip(CLIENTS[kind], reason=f"the {CLIENTS[kind]} client is missing")
    config = {}
    search_settings(
        config,
        {
            "SEARCH_URL": f"http://127.0.0.1:{port}",
            "SEARCH_BACKEND": kind,
            "SEARCH_TIMEOUT": "0.5",
        },
    )
    return config["WAGTAILSEARCH_BACKENDS"]


@pytest.fixture(autouse=True)
def cluster_not_failed_yet(monkeypatch):
    """Each test starts with the cluster not yet known to be down in this process."""
    monkeypatch.setattr(search_fallback, "_down_until", 0.0)


@pytest.fixture
def articles(article_factory):
    return [
        article_factory("Diazepam for back pain"),
        article_factory("Heat wraps", summary="Warmth for sore muscles."),
    ]


@pytest.fixture(
    params=[
        ("elasticsearch9", "refused"),
        ("elasticsearch9", "silent"),
        ("opensearch3", "refused"),
        ("opensearch3", "silent"),
    ],
    ids="-".join,
)
def cluster_down(request, articles, settings):
    """The site pointed at a cluster that refuses connections or never answers.

    Articles are published first, while the database backend is the default.
    """
    kind, failure = request.param
    if failure == "refused":
        port = request.getfixturevalue("closed_port")
    else:
        port = request.getfixturevalue("silent_server").getsockname()[1]
    settings.WAGTAILSEARCH_BACKENDS = cluster_backends(kind, port)


@pytest.fixture
def cluster_hangs(articles, settings, silent_server):
    settings.WAGTAILSEARCH_BACKENDS = cluster_backends(
        "elasticsearch9", silent_server.getsockname()[1]
    )
    return silent_server


def result_titles(response):
    assert response.status_code == 200
    page = soup(response)
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def search_page(client, query):
    return soup(client.get(SEARCH, {"q": query}))


def contacted_since(server):
    """Whether anything connected to the silent cluster since last asked."""
    contacted = False
    while was_contacted(server):
        contacted = True
    return contacted


def outage_messages(caplog):
    return [
        record.getMessage()
        for record in caplog.records
        if "event=search_cluster_unavailable" in record.getMessage()
    ]


def test_reader_searching_gets_the_databases_results(client, cluster_down):
    response = client.get(SEARCH, {"q": "diazepam"})

    assert result_titles(response) == ["Diazepam for back pain"]


def test_did_you_mean_still_corrects_a_misspelling(client, cluster_down):
    page = search_page(client, "diazapam")

    assert text(page.select_one(".search-did-you-mean a")) == "diazepam"


def test_api_search_gets_the_databases_results(client, cluster_down):
    response = client.get(PAGES_API, {"search": "diazepam"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert [item["title"] for item in body["items"]] == ["Diazepam for back pain"]
    assert body["meta"]["total_count"] == 1


def test_suggestions_come_from_the_database(client, cluster_down):
    response = client.get(SUGGEST, {"q": "diaz"})

    assert response.status_code == 200
    titles = [s["title"] for s in response.json()["suggestions"]]
    assert titles == ["Diazepam for back pain"]


def test_a_hung_cluster_is_waited_for_once_then_skipped_and_logged_once(
    client, cluster_hangs, caplog
):
    with caplog.at_level(logging.WARNING, logger="healthinfo.search"):
        first = client.get(SEARCH, {"q": "diazepam"})
        tried_first = contacted_since(cluster_hangs)
        second = client.get(PAGES_API, {"search": "heat"})
        tried_second = contacted_since(cluster_hangs)

    assert result_titles(first) == ["Diazepam for back pain"]
    assert [item["title"] for item in second.json()["items"]] == ["Heat wraps"]
    assert (tried_first, tried_second) == (True, False)
    (message,) = outage_messages(caplog)
    assert "error=ConnectionTimeout" in message


def test_the_cluster_is_tried_again_once_the_wait_is_over(
    client, cluster_hangs, monkeypatch
):
    monkeypatch.setattr(search_fallback, "RETRY_AFTER", 0.0)
    client.get(SEARCH, {"q": "diazepam"})
    contacted_since(cluster_hangs)

    response = client.get(SEARCH, {"q": "heat"})

    assert result_titles(response) == ["Heat wraps"]
    assert contacted_since(cluster_hangs)
