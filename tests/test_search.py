"""A reader searches the site; whatever they type, they get a page, never an error."""

import pytest

from django.urls import reverse

from tests.content import complete_body, overview
from tests.html import soup, text

SEARCH = reverse("search")


def result_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


@pytest.fixture
def articles(article_factory):
    body = complete_body()
    body[0] = overview(what_it_is="<p>Made from quibblewort root.</p>")
    return {
        "title": article_factory("Testamol for back pain", body=body),
        "other": article_factory("Heat wraps", summary="Warmth for sore muscles."),
        "draft": article_factory("Zorblatine for sleep", publish=False),
    }


def test_reader_finds_article_by_title(client, articles):
    page = soup(client.get(SEARCH, {"q": "testamol"}))
    assert text(page.find("h1")) == "Search"
    assert result_titles(page) == ["Testamol for back pain"]
    summary = text(page.select_one("p.search-summary"))
    assert summary.startswith("1 result")
    assert "testamol" in summary
    link = page.select_one(".article-card__title a")
    assert link["href"] == articles["title"].url


def test_reader_finds_article_by_body_text(client, articles):
    page = soup(client.get(SEARCH, {"q": "quibblewort"}))
    assert result_titles(page) == ["Testamol for back pain"]


def test_drafts_are_not_found(client, articles):
    page = soup(client.get(SEARCH, {"q": "zorblatine"}))
    assert result_titles(page) == []
    assert text(page.select_one("p.search-summary")).startswith("0 results")
    assert "Zorblatine for sleep" not in text(page.find("main"))


def test_empty_search_shows_a_prompt(client, articles):
    for params in ({}, {"q": ""}, {"q": "   "}):
        page = soup(client.get(SEARCH, params))
        assert result_titles(page) == []
        assert page.select_one("p.search-summary") is None
        assert page.find("input", attrs={"name": "q"}) is not None
        assert "for example" in text(page.find("main"))


def test_search_form_field_is_labelled(client, home):
    page = soup(client.get(SEARCH))
    for field in page.find_all("input", attrs={"name": "q"}):
        assert page.find("label", attrs={"for": field["id"]}) is not None


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("a" * 1000, id="1000-characters"),
        pytest.param("back\x00pain", id="nul-inside"),
        pytest.param("\x00", id="nul"),
        pytest.param(bytes(range(256)).decode("latin-1"), id="binary-junk"),
        pytest.param('"foo" AND -bar OR (', id="operators"),
        pytest.param('back " pain', id="unbalanced-quote"),
        pytest.param('"', id="lone-quote"),
        pytest.param("*", id="star"),
        pytest.param("')); DROP TABLE wagtailcore_page; --", id="sql"),
        pytest.param("back pain " * 50, id="many-words"),
        pytest.param("\u202e\ufeff\U0001f600 pain", id="unicode"),
    ],
)
def test_odd_queries_get_a_page_not_an_error(client, articles, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traceback" not in html
    assert text(soup(response).find("h1")) == "Search"


def test_long_query_is_cut_and_reader_is_told(client, articles):
    page = soup(client.get(SEARCH, {"q": "testamol " + "x" * 1000}))
    field = page.find("main").find("input", attrs={"name": "q"})
    assert field["value"].startswith("testamol x")
    assert len(field["value"]) <= 200
    assert "first 200 characters" in text(page)


@pytest.mark.parametrize("number", ["abc", "0", "-1", "999999", "\x00", "1e9"])
def test_bad_page_number_in_search_gets_a_page(client, articles, number):
    response = client.get(SEARCH, {"q": "testamol", "page": number})
    assert result_titles(soup(response)) == ["Testamol for back pain"]


def test_query_is_echoed_escaped(client, articles):
    response = client.get(SEARCH, {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;script&gt;" in html
    assert "<script>alert(1)" not in html


def test_results_are_paginated_keeping_the_query(client, article_factory):
    for n in range(12):
        article_factory(f"Testamol study {n}")
    first = soup(client.get(SEARCH, {"q": "testamol"}))
    assert len(result_titles(first)) == 10
    next_link = first.select_one("nav.pagination a[rel=next]")
    assert "q=testamol" in next_link["href"]
    assert "page=2" in next_link["href"]
    second = soup(client.get(SEARCH + next_link["href"]))
    assert len(result_titles(second)) == 2


def test_refine_form_keeps_the_query(client, articles):
    page = soup(client.get(SEARCH, {"q": "testamol"}))
    form = page.select_one("main form.search-form--page[role=search]")
    assert form["aria-label"] == "Refine"
    assert form.find("input", attrs={"name": "q"})["value"] == "testamol"
