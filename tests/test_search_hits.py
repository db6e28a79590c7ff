"""A reader's search writes nothing to the database; staff still see popular searches.

Searches are counted in the cache and written by `manage.py flush_search_hits`. Each
test runs against the in-process counter (no REDIS_URL) and against real Redis when
REDIS_URL is set (CI sets it; run locally with REDIS_URL=redis://127.0.0.1:6379/11).
"""

import datetime
import io
import os
import re
import uuid
from contextlib import contextmanager

import pytest
import redis

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from articles.builders import build_topic
from search import hits
from settings.base import redis_cache
from tests.html import soup, text
from tests.servers import free_port, silent_server

SEARCH = reverse("search")
SUGGEST = reverse("search_suggest")
REDIS_URL = os.environ.get("REDIS_URL", "")
WRITES = re.compile(
    r"^\W*(INSERT|UPDATE|DELETE|REPLACE|MERGE|CREATE|DROP|ALTER|TRUNCATE)\b", re.I
)


def redis_reachable():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["memory", "redis"])
def counter(request):
    """Where searches are counted: this process's memory, or Redis."""
    if request.param == "memory":
        hits.MEMORY.clear()
        yield request.param
        hits.MEMORY.clear()
        return
    if not REDIS_URL:
        pytest.skip("REDIS_URL is not set; CI sets it")
    if not redis_reachable():
        pytest.skip("Redis at REDIS_URL does not answer")
    prefix = f"hits-test-{uuid.uuid4().hex}"
    with override_settings(
        CACHES={"default": {**redis_cache(REDIS_URL), "KEY_PREFIX": prefix}}
    ):
        assert isinstance(hits.store(), hits.RedisStore)
        yield request.param
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=0.5)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def testamol(article_factory):
    return article_factory("Testamol for headaches")


def flush():
    out = io.StringIO()
    call_command("flush_search_hits", stdout=out)
    return out.getvalue().strip()


def daily_hits():
    return {
        (row.query.query_string, row.date): row.hits
        for row in QueryDailyHits.objects.select_related("query")
    }


def writes_during(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])]


# Reading only


def test_searching_writes_nothing_to_the_database(
    client, counter, testamol, article_factory
):
    promoted = article_factory("Heat wraps")
    topic = build_topic("Headache", "headache")
    testamol.topics.set([topic])
    SearchPromotion.objects.create(
        query=Query.get("testamol"), page=promoted, sort_order=0
    )
    urls = [
        f"{SEARCH}?q=Testamol",  # with a promotion
        f"{SEARCH}?q=never+heard+of+it",  # a new query
        f"{SEARCH}?q=testamoll",  # nothing found: "Did you mean"
        f"{SEARCH}?q=testamol&topic=headache",
        f"{SEARCH}?q=testamol&page=2",
        f"{SUGGEST}?q=test",
    ]
    for url in urls:
        assert writes_during(client, url) == [], url
    assert text(soup(client.get(SEARCH, {"q": "Testamol"})).select_one("h3 a")) == (
        "Heat wraps"
    )


# Flushing to the report


def test_searches_show_in_the_report_after_a_flush(
    client, admin_client, counter, testamol, monkeypatch
):
    yesterday = hits.today() - datetime.timedelta(days=1)
    monkeypatch.setattr(hits, "today", lambda: yesterday)
    client.get(SEARCH, {"q": "testamol"})
    monkeypatch.undo()
    for q in ("  Testamol ", "TESTAMOL", "testamol", "headache pills"):
        client.get(SEARCH, {"q": q})
    client.get(SEARCH, {"q": "testamol", "page": "2"})  # a further page, not a search
    assert not QueryDailyHits.objects.exists()

    flush()

    today = hits.today()
    assert daily_hits() == {
        ("testamol", yesterday): 1,
        ("testamol", today): 3,
        ("headache pills", today): 1,
    }
    popular = [(q.query_string, q._hits) for q in Query.get_most_popular()]
    assert popular == [("testamol", 4), ("headache pills", 1)]
    report = soup(admin_client.get(reverse("wagtailsearchpromotions:search_terms")))
    rows = [text(tr) for tr in report.select("tbody tr")]
    assert rows == ["testamol 4", "headache pills 1"]


def test_a_second_flush_adds_nothing_and_later_searches_add_on(
    client, counter, testamol
):
    for _ in range(2):
        client.get(SEARCH, {"q": "testamol"})
    assert flush() == "Wrote 2 searches."
    assert flush() == "Wrote 0 searches."
    assert daily_hits() == {("testamol", hits.today()): 2}
    client.get(SEARCH, {"q": "testamol"})
    assert flush() == "Wrote 1 searches."
    assert daily_hits() == {("testamol", hits.today()): 3}


def test_a_batch_another_flush_wrote_first_is_not_written_again(
    client, counter, testamol
):
    if counter != "redis":
        pytest.skip("flushes run in parallel only with the counts in Redis")
    client.get(SEARCH, {"q": "testamol"})
    store = hits.store()
    key = store._make_key("{search-hits}:batch:being-flushed")
    store.client.register_script(hits.TAKE)(keys=[store.live, key, store.batches])

    def write_while_another_flush_wins(batch):
        hits.write_counts(batch)
        store.client.delete(key)  # the other flush deletes the batch first

    assert store._flush_batch(key, write_while_another_flush_wins) == 0
    assert daily_hits() == {}


@contextmanager
def new_hits_refused():
    """The database refuses new daily hits rows, as a full disk would."""
    table = QueryDailyHits._meta.db_table
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(
                "CREATE FUNCTION refuse_hits() RETURNS trigger AS "
                "$$ BEGIN RAISE EXCEPTION 'no space left'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_hits BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_hits()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER refuse_hits BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'no space left'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP TRIGGER refuse_hits ON {table}"
                if postgres
                else "DROP TRIGGER refuse_hits"
            )
            if postgres:
                cursor.execute("DROP FUNCTION refuse_hits()")


def test_a_failed_database_write_keeps_the_counts(client, counter, testamol):
    for _ in range(3):
        client.get(SEARCH, {"q": "testamol"})
    with new_hits_refused(), pytest.raises(CommandError, match="kept for the next"):
        flush()
    assert not Query.objects.filter(query_string="testamol").exists()  # rolled back
    client.get(SEARCH, {"q": "testamol"})  # counted meanwhile
    flush()
    assert daily_hits() == {("testamol", hits.today()): 4}


def test_staff_opening_the_report_see_searches_counted_up_to_now(
    client, counter, testamol, editor
):
    client.get(SEARCH, {"q": "testamol"})
    request = RequestFactory().get(reverse("wagtailsearchpromotions:search_terms"))
    request.user = editor
    view = hits.flushed_first(SearchTermsReportView.as_view())
    report = soup(view(request).render())
    assert [text(tr) for tr in report.select("tbody tr")] == ["testamol 1"]


def test_the_admin_reports_show_searches_counted_up_to_now(
    client, admin_client, counter, testamol
):
    SearchPromotion.objects.create(
        query=Query.get("testamol"), page=testamol, sort_order=0
    )
    for _ in range(2):
        client.get(SEARCH, {"q": "testamol"})
    report = soup(admin_client.get(reverse("wagtailsearchpromotions:search_terms")))
    assert [text(tr) for tr in report.select("tbody tr")] == ["testamol 2"]
    client.get(SEARCH, {"q": "testamol"})
    promoted = soup(admin_client.get(reverse("wagtailsearchpromotions:index")))
    (row,) = [text(tr) for tr in promoted.select("tbody tr")]
    assert row.startswith("testamol") and row.endswith(" 3"), row


# Bounded counting


def test_long_queries_are_cut_and_counted_as_wagtail_normalises_them(counter, db):
    hits.count_search("ACHE " + "x" * 1000)
    hits.count_search("ache " + "X" * 1000)
    flush()
    (query,) = Query.objects.all()
    assert query.query_string == ("ache " + "x" * 1000)[:255]
    assert query.hits == 2


def test_distinct_queries_are_capped_so_junk_cannot_fill_the_cache(
    counter, db, monkeypatch
):
    monkeypatch.setattr(hits, "MAX_COUNTERS", 2)
    for query in ("first", "second", "junk one", "junk two", "first"):
        hits.count_search(query)
    flush()
    assert {q.query_string: q.hits for q in Query.objects.all()} == {
        "first": 2,
        "second": 1,
    }


# Redis down


@pytest.fixture(params=["refused", "hung"])
def redis_down(request):
    """The site's Redis cache settings, pointed at a Redis that is down or hangs."""
    with silent_server() as (silent_port, _):
        port = free_port() if request.param == "refused" else silent_port
        with override_settings(
            CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}
        ):
            yield


def test_with_redis_down_searching_works_and_the_flush_says_so(
    client, testamol, redis_down
):
    page = soup(client.get(SEARCH, {"q": "testamol"}))
    assert "Testamol for headaches" in text(page)
    assert writes_during(client, f"{SEARCH}?q=testamol") == []
    with pytest.raises(CommandError, match="kept for the next run"):
        flush()
