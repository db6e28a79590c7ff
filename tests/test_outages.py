"""Readers keep reading when Redis is gone or hangs, and the database fails fast."""

import json
import logging
import os
import time

import pytest
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection

from django.core.cache import cache, caches
from django.db import OperationalError
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.utils import ConnectionHandler, load_backend
from django.test import override_settings
from django.urls import reverse

import home.cache
from articles.models import ProblemReport
from settings.base import database, redis_cache
from tests.comments_fixtures import post
from tests.servers import HOST, free_port, run_python, silent_server

# A Redis call that fails waits at most a connect or read timeout (0.5 s), and a
# request makes a handful of them: well under this.
QUICK = 5.0


@pytest.fixture
def closed_port():
    return free_port()


@pytest.fixture
def silent():
    with silent_server() as (port, connections):
        yield port, connections


@pytest.fixture
def silent_port(silent):
    return silent[0]


@pytest.fixture(params=["refused", "silent"])
def dead_redis(request):
    """The site's Redis cache settings, pointed at a Redis that is down or hangs."""
    if request.param == "refused":
        port = request.getfixturevalue("closed_port")
    else:
        port = request.getfixturevalue("silent_port")
    with override_settings(
        CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}
    ):
        yield request.param


@pytest.fixture
def article(article_factory):
    return article_factory("Diazepam for back pain", slug="diazepam-for-back-pain")


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_reader_pages_serve_from_the_database_while_redis_is_down(
    client, article, dead_redis
):
    pages = {
        "/": 200,
        article.url: 200,
        article.get_parent().url: 200,
        "/api/v2/pages/": 200,
        f"/api/v2/pages/{article.pk}/": 200,
        "/feeds/rss/": 200,
        "/sitemap.xml": 200,
        "/search/?q=x": 200,
        "/no-such-page/": 404,
    }
    for url, status in pages.items():
        response, seconds = timed_get(client, url)
        assert response.status_code == status, (dead_redis, url)
        assert seconds < QUICK, (dead_redis, url, seconds)
    assert "Diazepam for back pain" in client.get(article.url).content.decode()
    assert "Page not found" in client.get("/no-such-page/").content.decode()


def test_cache_failures_are_logged_with_an_event_name(
    client, article, dead_redis, caplog
):
    with caplog.at_level(logging.WARNING, logger="healthinfo.cache"):
        assert client.get(article.url).status_code == 200
    messages = [r.getMessage() for r in caplog.records if r.name == "healthinfo.cache"]
    events = [m for m in messages if m.startswith("event=cache_unavailable")]
    assert len(events) == 1, messages
    assert "127.0.0.1" not in events[0]


def test_a_hung_redis_costs_one_timeout_then_is_skipped(client, article, silent):
    port, connections = silent
    with override_settings(
        CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}
    ):
        first, first_seconds = timed_get(client, article.url)
        tried = len(connections)
        again, again_seconds = timed_get(client, article.url)
    assert first.status_code == again.status_code == 200
    assert tried == 1
    assert len(connections) == tried, "the next request waited on the hung Redis again"
    assert first_seconds < QUICK
    assert again_seconds < QUICK


def test_redis_is_tried_again_after_a_pause(silent, monkeypatch):
    port, connections = silent
    monkeypatch.setattr(home.cache, "RETRY_AFTER", 1.0)
    with override_settings(
        CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}
    ):
        redis = caches["default"]
        tried = []
        for pause in (0, 0, 1.2):
            time.sleep(pause)
            assert redis.get("anything") is None
            time.sleep(0.2)  # for the server to count the connection
            tried.append(len(connections))
    assert tried == [1, 1, 2]  # waited, skipped, tried again


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("redis://127.0.0.1:6379/0", Connection),
        ("rediss://127.0.0.1:6380/0", SSLConnection),
        ("unix:///run/redis/redis.sock?db=0", UnixDomainSocketConnection),
    ],
)
def test_skipping_keeps_the_connection_the_address_asks_for(url, kind):
    """TLS and Unix sockets stay as the address says; only the waiting changes."""
    with override_settings(CACHES={"default": redis_cache(url)}):
        pool = caches["default"].client.get_client(write=True).connection_pool
    assert issubclass(pool.connection_class, kind)
    assert issubclass(pool.connection_class, home.cache.Skipping)


def test_reader_report_is_stored_while_redis_is_down(client, article, dead_redis):
    """The rate limit fails open: it cannot count, so it lets the reader through."""
    url = reverse("report_problem", args=[article.pk])
    for n in range(7):  # more than the five an hour the limit allows
        response = client.post(url, {"message": f"Dose in table {n} is wrong."})
        assert response.status_code == 302, n
    assert ProblemReport.objects.count() == 7


def test_reader_comments_are_taken_while_redis_is_down(client, article, dead_redis):
    for n in range(7):  # more than the five a minute the limit allows
        response = post(client, article, f"Comment number {n} about the dose.")
        assert response.status_code == 302, (n, response.status_code)


def test_rate_limit_still_counts_with_a_working_cache(client, article):
    """The same posts are refused while the cache works (Redis in CI): the limit holds."""
    url = reverse("report_problem", args=[article.pk])
    redis_url = os.environ.get("REDIS_URL")
    overrides = {"CACHES": {"default": redis_cache(redis_url)}} if redis_url else {}
    with override_settings(**overrides):
        cache.clear()
        statuses = [
            client.post(url, {"message": f"Dose in table {n} is wrong."}).status_code
            for n in range(7)
        ]
        cache.clear()
    assert statuses == [302] * 5 + [429] * 2


# The database: a server that hangs must fail the request in seconds.


@pytest.fixture
def own_connections(django_db_blocker):
    """These tests open their own connections, outside the test database."""
    with django_db_blocker.unblock():
        yield


def postgres_connection(config):
    """A Django connection to `config`, built the way Django builds DATABASES entries."""
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    # Under its own alias, or django.contrib.postgres's connection_created handler would
    # look up the suite's "default" connection (SQLite) and query pg_type there.
    settings_dict = ConnectionHandler({"default": config}).settings["default"]
    backend = load_backend(settings_dict["ENGINE"])
    return backend.DatabaseWrapper(settings_dict, alias=NO_DB_ALIAS)


def test_silent_postgres_fails_within_the_connect_timeout(silent_port, own_connections):
    config = database(f"postgres://postgres@127.0.0.1:{silent_port}/healthinfo")
    assert config["OPTIONS"]["connect_timeout"] == 5
    connection = postgres_connection(config)
    started = time.monotonic()
    with pytest.raises(OperationalError):
        connection.ensure_connection()
    seconds = time.monotonic() - started
    assert 4 <= seconds < 8, seconds


def live_postgres(**timeouts):
    """A connection with the site's options to the PostgreSQL server the suite uses."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    config = database(url, **timeouts)
    config["NAME"] = "postgres"  # the server's own database: always there
    connection = postgres_connection(config)
    try:
        connection.ensure_connection()
    except OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    return connection


def test_postgres_sessions_carry_the_statement_timeout(own_connections):
    connection = live_postgres()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "10s"
    finally:
        connection.close()


def test_a_runaway_query_is_cancelled(own_connections):
    connection = live_postgres(statement_timeout=1)
    started = time.monotonic()
    try:
        with (
            pytest.raises(OperationalError, match="statement timeout"),
            connection.cursor() as cursor,
        ):
            cursor.execute("SELECT pg_sleep(5)")
    finally:
        connection.close()
    assert time.monotonic() - started < 3


def test_reader_gets_the_styled_error_page_within_seconds(silent_port):
    """Production settings, a PostgreSQL host that never answers: a quick, styled 500."""
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    code = (
        "import json, time, django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        "t = time.monotonic()\n"
        f"r = c.get('/', HTTP_HOST='{HOST}', secure=True)\n"
        "print(json.dumps([r.status_code, r.content.decode(), time.monotonic() - t]))\n"
    )
    output, log = run_python(
        code,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{silent_port}/healthinfo",
        DATABASE_CONNECT_TIMEOUT="2",
    )
    status, html, seconds = json.loads(output)
    assert status == 500
    assert "Something went wrong" in html
    assert seconds < 5, seconds
    assert "event=database_unavailable error=OperationalError path=/" in log
