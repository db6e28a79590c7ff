"""A load balancer asks /healthz whether this server can serve readers."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from django.test import override_settings
from django.utils import timezone

from settings.base import redis_cache
from tests.servers import HOST, free_port, run_python

ROOT = Path(__file__).resolve().parent.parent
DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
}


@task(backend="mail", queue_name="mail")
def send_nothing():
    """Stands in for a comment email waiting in the mail queue."""


def health(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


@pytest.fixture
def closed_port():
    return free_port()


def test_all_well(client, db):
    response, body = health(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert body == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "mail_queue": "ok",
    }


def test_redis_down_is_degraded_but_still_serving(client, db, closed_port):
    with override_settings(
        CACHES={"default": redis_cache(f"redis://127.0.0.1:{closed_port}/0")}
    ):
        response, body = health(client)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["cache"] == "degraded"
    assert body["database"] == "ok"


@override_settings(TASKS=DATABASE_QUEUE)
def test_mail_waiting_with_no_worker_is_degraded(client, db):
    waiting = send_nothing.enqueue()
    assert health(client)[1]["mail_queue"] == "ok", "a fresh email is not a stall"
    # Nobody has taken it for twenty minutes: no worker is running.
    DBTaskResult.objects.filter(pk=waiting.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=20)
    )
    response, body = health(client)
    assert response.status_code == 200
    assert (body["status"], body["mail_queue"]) == ("degraded", "degraded")


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_retry_scheduled_for_later_is_not_a_stall(client, db):
    later = send_nothing.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    DBTaskResult.objects.filter(pk=later.id).update(
        enqueued_at=timezone.now() - timedelta(hours=2)
    )
    assert health(client)[1]["mail_queue"] == "ok"


def test_only_get_and_head(client, db):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


def production_health(database_url):
    """GET /healthz, then /, from a production-configured process over plain HTTP."""
    code = (
        "import json, django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        f"r = c.get('/healthz', HTTP_HOST='{HOST}')\n"
        f"home = c.get('/', HTTP_HOST='{HOST}')\n"
        "print(json.dumps([r.status_code, r.content.decode(), home.status_code]))\n"
    )
    output, _ = run_python(code, DATABASE_URL=database_url)
    return json.loads(output)


def test_database_gone_is_503_without_details(tmp_path):
    missing = tmp_path / "no-such-directory" / "db.sqlite3"
    status, content, home_status = production_health(f"sqlite:///{missing}")
    assert status == 503
    assert json.loads(content) == {
        "status": "error",
        "database": "error",
        "cache": "ok",
        "mail_queue": "error",
    }
    for secret in ("no-such-directory", "sqlite", "production-secret", "Error"):
        assert secret not in content
    # The probe is answered over plain HTTP; readers are still sent to HTTPS.
    assert home_status == 301


def test_postgres_refusing_is_503(closed_port):
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    status, content, _ = production_health(
        f"postgres://postgres@127.0.0.1:{closed_port}/healthinfo"
    )
    assert status == 503
    assert json.loads(content)["database"] == "error"
    assert str(closed_port) not in content
