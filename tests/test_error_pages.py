"""A reader who hits a missing page or a server error gets a plain, styled page."""

import pytest

from django.test import RequestFactory
from django.urls import path
from django.views import defaults

import settings.urls
from tests.html import parse, text

INTERNALS = (
    "Traceback",
    "SECRET_KEY",
    "DATABASES",
    "settings.",
    "/work/",
    ".py",
    "Exception",
)


def boom(request):
    raise RuntimeError("a database password, shown to nobody")


# A URL that fails, in front of the site's own (see test_server_error_...).
urlpatterns = [path("boom/", boom), *settings.urls.urlpatterns]


def assert_nothing_internal(html):
    for leak in INTERNALS:
        assert leak not in html, leak


def test_missing_page_gets_the_styled_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    page = parse(html)
    assert text(page.find("h1")) == "Page not found"
    assert page.select_one("main#main") is not None
    assert page.find("a", href="/") is not None
    assert_nothing_internal(html)


def test_missing_article_gets_the_styled_404(client, index):
    response = client.get(index.url + "no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_draft_article_is_not_found(client, article_factory):
    draft = article_factory("Unfinished", publish=False)
    response = client.get(draft.url)
    assert response.status_code == 404
    assert "Unfinished" not in response.content.decode()


@pytest.mark.urls(__name__)
def test_server_error_gets_the_styled_500(client, home):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert text(parse(html).find("h1")) == "Something went wrong"
    assert "a database password" not in html
    assert_nothing_internal(html)


def test_500_page_needs_no_database():
    request = RequestFactory().get("/anything/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert 'href="#main"' in html
    assert_nothing_internal(html)


def test_a_form_refused_for_its_token_gets_the_sites_page(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/report-a-problem/1/", {"details": "Kept in the browser."})
    assert response.status_code == 403
    content = response.content.decode()
    assert "<h1>Please send the form again</h1>" in content
    assert "Back button" in content
    assert "CSRF" not in content
    assert "style=" not in content and "<style" not in content
