"""A request the site cannot read gets the site's own 400 page, never a bare 500."""

import io
from wsgiref.util import setup_testing_defaults

import pytest

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client

from home.middleware import CharsetGuard
from tests.html import parse, text

TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEF"
INTERNALS = ("Traceback", "BadRequest", "UTF-8 encoded", "latin", ".py", "/work/")
POST_ADDRESSES = ["/comments/post/", "/", "/search/", "/admin/login/", "/no-such-page/"]


@pytest.fixture
def browser(home):
    """A client that checks CSRF tokens as the site does in production."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    return client


def post(client, url, charset, body=f"csrfmiddlewaretoken={TOKEN}&q=caf%E9"):
    return client.generic(
        "POST",
        url,
        body.encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )


def assert_site_400(response):
    assert response.status_code == 400
    html = response.content.decode()
    page = parse(html)
    assert text(page.find("h1")) == "Request not understood"
    assert page.select_one("main#main") is not None
    assert page.find("a", href="/") is not None
    for leak in INTERNALS:
        assert leak not in html, leak


@pytest.mark.parametrize(
    "charset", ["latin-1", "iso-8859-1", "utf-16", "nonsense", "rot13", "undefined"]
)
def test_form_in_another_charset_gets_the_400_page(browser, charset):
    for url in POST_ADDRESSES:
        assert_site_400(post(browser, url, charset))


def test_form_labelled_with_a_utf8_alias_is_read(browser, db):
    response = post(
        browser,
        "/admin/login/",
        "UTF8",
        f"csrfmiddlewaretoken={TOKEN}&username=caf%C3%A9&password=wrong",
    )
    assert response.status_code == 200
    username = parse(response.content.decode()).find(
        "input", attrs={"name": "username"}
    )
    assert username["value"] == "café"


class WSGIResponse:
    def __init__(self, status, content):
        self.status_code = int(status.split()[0])
        self.content = content


def through_wsgi(method, path, query, content_type):
    """The request as a WSGI server hands it over: Django builds it from scratch."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "wsgi.input": io.BytesIO(b""),
    }
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = status

    application = CharsetGuard(get_wsgi_application())
    # As Django's test client does: keep the test's database connection open.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        content = b"".join(application(environ, start_response))
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return WSGIResponse(started["status"], content)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("charset", ["rot13", "zlib", "undefined"])
def test_query_in_a_charset_that_is_not_text_gets_the_400_page(home, method, charset):
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    assert_site_400(through_wsgi(method, "/search/", "q=pain", content_type))


def test_wsgi_guard_lets_ordinary_requests_through(home):
    response = through_wsgi("GET", "/search/", "q=pain", "text/plain; charset=utf-8")
    assert response.status_code == 200
    assert "pain" in response.content.decode()


def test_unknown_charset_on_a_plain_get_is_ignored(browser):
    response = browser.get(
        "/search/?q=pain", headers={"content-type": "text/plain; charset=nonsense"}
    )
    assert response.status_code == 200


def test_too_many_form_fields_get_the_400_page(browser, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = f"csrfmiddlewaretoken={TOKEN}&" + "&".join(f"f{n}=1" for n in range(20))
    assert_site_400(post(browser, "/comments/post/", "utf-8", body))


def test_unknown_host_gets_the_400_page(browser):
    assert_site_400(browser.get("/", headers={"host": "evil.example"}))


def test_400_handler_alone_does_not_read_the_body_again(browser, settings):
    # Django's own handler checks CSRF first, reading the body again: a bare 500.
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.startswith("home.middleware.")
    ]
    assert_site_400(post(browser, "/comments/post/", "latin-1"))


def test_the_production_wsgi_application_is_guarded():
    from settings.wsgi import application

    assert isinstance(application, CharsetGuard), (
        "settings/wsgi.py: wrap in CharsetGuard"
    )
