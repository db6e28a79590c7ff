"""A reader sees where they are: Home, then each level down to the current page."""

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import Site

from home.breadcrumbs import Crumb, page_trail
from tests.html import parse, soup, text


def crumbs(page):
    nav = page.find("nav", attrs={"aria-label": "Breadcrumb"})
    if nav is None:
        return None
    items = nav.find("ol").find_all("li")
    return [(text(li), li.find("a")["href"] if li.find("a") else None) for li in items]


def current(page):
    nav = page.find("nav", attrs={"aria-label": "Breadcrumb"})
    marked = nav.select("[aria-current]")
    assert len(marked) == 1
    assert marked[0]["aria-current"] == "page"
    assert marked[0].find_parent("li") is nav.find_all("li")[-1]
    return text(marked[0])


@pytest.fixture
def article(article_factory, topic):
    return article_factory("Testamol for back pain", topics=[topic])


def test_home_page_has_no_breadcrumbs(client, article):
    assert crumbs(soup(client.get("/"))) is None


def test_article_index(client, index, article):
    page = soup(client.get(index.url))
    assert crumbs(page) == [("Home", "/"), ("Articles", index.url)]
    assert current(page) == "Articles"


def test_article(client, index, article):
    page = soup(client.get(article.url))
    assert crumbs(page) == [
        ("Home", "/"),
        ("Articles", index.url),
        ("Testamol for back pain", article.url),
    ]
    assert current(page) == "Testamol for back pain"


def test_topic_page(client, index, article):
    url = f"{index.url}topics/back-pain/"
    page = soup(client.get(url))
    assert crumbs(page) == [("Home", "/"), ("Articles", index.url), ("Back pain", url)]
    assert current(page) == "Back pain"


def test_search(client, article):
    for params in ({}, {"q": "testamol"}):
        page = soup(client.get("/search/", params))
        assert crumbs(page) == [("Home", "/"), ("Search", "/search/")]
        assert current(page) == "Search"


def test_breadcrumbs_sit_between_header_and_main(client, article):
    page = soup(client.get(article.url))
    nav = page.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert nav.find_parent("main") is None
    assert nav.find_previous("header", attrs={"role": "banner"}) is not None
    assert nav.find_next("main") is not None


def test_titles_are_escaped(client, article_factory):
    article = article_factory("Dose <b>& timing</b>")
    html = client.get(article.url).content.decode()
    nav = html[html.index('aria-label="Breadcrumb"') :]
    assert "Dose &lt;b&gt;&amp; timing&lt;/b&gt;" in nav


def test_views_outside_the_page_tree_pass_their_own_crumbs(home):
    request = RequestFactory().get("/people/ada/")
    rendered = Template("{% load navigation_tags %}{% breadcrumbs %}").render(
        Context(
            {
                "request": request,
                "breadcrumbs": [
                    Crumb("People", "/people/"),
                    Crumb("Ada", "/people/ada/"),
                ],
            }
        )
    )
    page = parse(rendered)
    assert crumbs(page) == [
        ("Home", "/"),
        ("People", "/people/"),
        ("Ada", "/people/ada/"),
    ]
    assert current(page) == "Ada"


def test_no_page_and_no_crumbs_renders_nothing(db):
    rendered = Template("{% load navigation_tags %}{% breadcrumbs %}").render(
        Context({"request": RequestFactory().get("/")})
    )
    assert rendered.strip() == ""


def test_trail_costs_one_query_and_is_kept_for_the_request(
    article, django_assert_num_queries
):
    request = RequestFactory().get(article.url)
    # Every page has looked these up before the breadcrumbs: base.html, page routing.
    Site.find_for_request(request)
    Site.get_site_root_paths()
    with django_assert_num_queries(1):
        trail = page_trail(request, article)
    assert [c.title for c in trail] == ["Home", "Articles", "Testamol for back pain"]
    with django_assert_num_queries(0):
        assert page_trail(request, article) == trail
