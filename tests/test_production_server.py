"""The site as production runs it: gunicorn, DEBUG off, behind a proxy that speaks HTTPS."""

import http.client
import importlib
import re
import shutil
import subprocess
import sys
import time

import pytest

from tests.servers import HOST, ROOT, free_port, production_env
from tests.template_db import template_path

# Starting gunicorn, migrating a fresh SQLite database: bounded, never left running.
START_WITHIN = 60


def test_gunicorn_kills_a_stuck_worker_after_30_seconds(monkeypatch):
    monkeypatch.delenv("GUNICORN_TIMEOUT", raising=False)
    config = importlib.reload(importlib.import_module("settings.gunicorn"))
    assert config.timeout == 30
    assert config.graceful_timeout < config.timeout
    assert config.max_requests > 0
    assert config.worker_class == "sync"
    assert config.secure_scheme_headers == {}


def get(port, path):
    """GET `path` as the proxy forwards it: the public host name, HTTPS declared."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"}
        )
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, django_db_setup):
    database = tmp_path_factory.mktemp("db") / "site.sqlite3"
    template = template_path()
    if (
        template.exists()
    ):  # made by this run's SQLite test database; else migrate builds it
        shutil.copyfile(template, database)
    env = production_env(
        DATABASE_URL=f"sqlite:///{database}",
        TRUST_X_FORWARDED_PROTO="true",
        WEB_CONCURRENCY="1",
    )

    def manage(*args):
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    manage("manage.py", "migrate", "--no-input")
    manage(
        "-c",
        "import django; django.setup(); from articles.builders import build_home; "
        f"build_home(introduction='<p>Plain answers about treatments.</p>', hostname='{HOST}', port=443)",
    )
    port = free_port()
    log = tmp_path_factory.mktemp("log") / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:settings.gunicorn",
                "settings.wsgi",
            ],
            cwd=ROOT,
            env=env | {"GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_WITHIN
        while True:
            try:
                get(port, "/healthz")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start:\n" + log.read_text())
                time.sleep(0.5)
        yield port, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_home_page_is_served(server):
    port, _ = server
    status, headers, html = get(port, "/")
    assert status == 200
    assert "Plain answers about treatments." in html
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "camera=()" in headers["Permissions-Policy"]


def test_missing_page_gets_the_styled_404(server):
    port, _ = server
    status, _, html = get(port, "/no-such-page/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
    status, headers, css = get(port, stylesheet)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")


def test_health_is_reported(server):
    port, _ = server
    status, _, body = get(port, "/healthz")
    assert status == 200
    assert '"database": "ok"' in body


def test_requests_are_logged_one_line_each(server):
    port, log = server
    get(port, "/no-such-page/")
    time.sleep(0.5)
    lines = [line for line in log.read_text().splitlines() if "event=request" in line]
    assert any('path="/no-such-page/" status=404' in line for line in lines), lines
