"""Varnish in front of the site: readers share cached pages, and a change shows at once.

Varnish runs for real with the repository's configuration (.deploy/varnish.vcl, and
backend.vcl as .deploy/backend-vcl writes it) in front of the test's live server. A
second listener speaks the PROXY protocol, so a request can reach Varnish as if from
another address and meet the purge ACL as such a request would.
"""

import http.client
import logging
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from django.core.cache import cache

from articles.builders import build_index, publish_reviewed
from articles.comments.builders import build_comment
from articles.comments.decisions import approve
from articles.models import ArticlePage
from home import page_cache
from home.front_cache import purge_pages, purge_urls
from tests.servers import ROOT, free_port, silent_server

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
pytestmark = pytest.mark.skipif(
    not os.access(VARNISHD, os.X_OK),
    reason="varnishd is not installed (apt-get install varnish)",
)
# The test site's host name (build_home's default), which Wagtail's purges name.
SITE_HOST = "localhost"
START_WITHIN = 60
ELSEWHERE = "203.0.113.9"


class Varnish:
    def __init__(self, port, proxy_port, log):
        self.port, self.proxy_port, self.log = port, proxy_port, log

    def request(self, method, path, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(
                method, path, headers={"Host": SITE_HOST, **(headers or {})}
            )
            response = connection.getresponse()
            body = response.read().decode(errors="replace")
            return response.status, response.headers, body
        finally:
            connection.close()

    def get(self, path, **headers):
        return self.request("GET", path, headers)

    def purge_from(self, address, path):
        """A PURGE that Varnish sees coming from `address` (PROXY protocol)."""
        with socket.create_connection(
            ("127.0.0.1", self.proxy_port), timeout=10
        ) as sock:
            sock.sendall(
                f"PROXY TCP4 {address} 127.0.0.1 40000 {self.proxy_port}\r\n"
                f"PURGE {path} HTTP/1.1\r\nHost: {SITE_HOST}\r\n"
                "Connection: close\r\n\r\n".encode()
            )
            status_line = sock.makefile("rb").readline().decode()
        return int(status_line.split()[1])


@pytest.fixture(scope="module")
def varnish(live_server):
    port, proxy_port = free_port(), free_port()
    backend = live_server.thread.port
    # Varnish's compiler runs as its own user: the folder must be readable by it.
    run = Path(tempfile.mkdtemp(prefix="healthinfo-varnish-"))
    run.chmod(0o755)
    written = subprocess.run(  # noqa: S603 - fixed arguments
        [ROOT / ".deploy" / "backend-vcl"],
        env={
            **os.environ,
            "APP_SERVERS": f"127.0.0.1:{backend}",
            "PURGE_FROM": "localhost",
        },
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    (run / "backend.vcl").write_text(written.stdout)
    log = run / "varnishd.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                VARNISHD,
                "-F",
                "-n",
                str(run / "work"),
                "-a",
                f"127.0.0.1:{port}",
                "-a",
                f"proxy=127.0.0.1:{proxy_port},PROXY",
                "-p",
                f"vcl_path={run}",
                "-f",
                str(ROOT / ".deploy" / "varnish.vcl"),
                "-s",
                "malloc,32m",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Varnish(port, proxy_port, log)
    try:
        deadline = time.monotonic() + START_WITHIN
        while True:
            try:
                server.request("PURGE", "/")  # answered by Varnish alone
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("varnishd did not start:\n" + log.read_text())
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(run, ignore_errors=True)


@pytest.fixture
def front_cache(varnish, settings):
    """The site as production runs it behind Varnish: pages shareable, purges sent."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "home.front_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{varnish.port}",
            "TIMEOUT": 5,
        }
    }
    return varnish


@pytest.fixture
def index(home):
    # Varnish outlives each test's database: fresh addresses keep tests apart.
    return build_index(home, slug=f"articles-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def article(article_factory):
    return article_factory("Diazepam for back pain", slug="diazepam")


def cached(front_cache, path):
    """Read `path` until Varnish serves it from its cache; the page as served."""
    front_cache.get(path)
    status, headers, html = front_cache.get(path)
    assert (status, headers["X-Cache"]) == (200, "HIT"), headers
    return html


def test_a_readers_second_visit_is_served_from_the_front_cache(front_cache, article):
    status, headers, html = front_cache.get(article.url)
    assert status == 200
    assert headers["X-Cache"] == "MISS"
    assert "Diazepam for back pain" in html

    status, headers, again = front_cache.get(article.url)
    assert headers["X-Cache"] == "HIT"
    assert again == html


def test_readers_cookies_other_than_a_session_share_the_cached_page(
    front_cache, article
):
    cached(front_cache, article.url)
    _, headers, _ = front_cache.get(article.url, Cookie="csrftoken=abc; _ga=GA1.2.3")
    assert headers["X-Cache"] == "HIT"


def test_publishing_a_change_shows_at_once(front_cache, article):
    shared_link = article.url + "?utm_source=newsletter"
    assert "Updated advice." not in cached(front_cache, article.url)
    cached(front_cache, shared_link)

    article.summary = "Updated advice."
    publish_reviewed(article, article.save_revision())

    for path in (article.url, shared_link):
        status, headers, html = front_cache.get(path)
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "Updated advice." in html


def test_a_new_article_is_listed_at_once(front_cache, index, article_factory):
    assert "Naproxen for back pain" not in cached(front_cache, index.url)

    article_factory("Naproxen for back pain")

    assert "Naproxen for back pain" in front_cache.get(index.url)[2]


def test_unpublishing_takes_the_page_away_at_once(front_cache, article):
    cached(front_cache, article.url)

    article.unpublish()

    status, headers, _ = front_cache.get(article.url)
    assert status == 404
    assert headers["X-Cache"] != "HIT"


def test_renaming_an_article_takes_the_old_address_away(front_cache, article):
    old_url = article.url
    cached(front_cache, old_url)

    article.slug = "diazepam-renamed"
    publish_reviewed(article, article.save_revision())

    status, headers, _ = front_cache.get(old_url)
    assert status != 200
    assert headers["X-Cache"] != "HIT"


def test_deleting_a_live_article_takes_it_away_at_once(front_cache, article):
    cached(front_cache, article.url)

    article.delete()

    status, _, _ = front_cache.get(article.url)
    assert status == 404


def test_approving_a_held_comment_shows_it_at_once(front_cache, article, editor):
    # The superuser, not the "Moderators" group: on PostgreSQL an earlier transactional
    # test has emptied the database, groups made by migrations included.
    comment = build_comment(article, "Did this help anyone sleep?", is_public=False)
    assert "Did this help anyone sleep?" not in cached(front_cache, article.url)

    approve([comment], editor)

    _, headers, html = front_cache.get(article.url)
    assert headers["X-Cache"] == "MISS"
    assert "Did this help anyone sleep?" in html


def change_without_signals(article, summary):
    """A change no signal reports (a bulk update); the site's own cache dropped by hand."""
    ArticlePage.objects.filter(pk=article.pk).update(summary=summary)
    page_cache.bump()


def test_purge_pages_drops_a_page_changed_without_publishing(front_cache, article):
    assert "Shown once purged." not in cached(front_cache, article.url)
    change_without_signals(article, "Shown once purged.")
    assert "Shown once purged." not in cached(front_cache, article.url)

    purge_pages([article])

    _, headers, html = front_cache.get(article.url)
    assert headers["X-Cache"] == "MISS"
    assert "Shown once purged." in html


def test_purge_urls_takes_paths_on_the_site(front_cache, article):
    cached(front_cache, article.url)
    change_without_signals(article, "Shown once purged.")

    purge_urls([article.url])

    assert "Shown once purged." in front_cache.get(article.url)[2]


def test_a_comment_posted_live_shows_at_once(front_cache, article):
    cached(front_cache, article.url)

    build_comment(article, "Published straight away.")

    assert "Published straight away." in front_cache.get(article.url)[2]


def test_a_person_edited_shows_on_their_articles_at_once(front_cache, article):
    cached(front_cache, article.url)
    author = article.authors.first().person

    author.name = "Dr Renamed Writer"
    author.save()

    assert "Dr Renamed Writer" in front_cache.get(article.url)[2]


def test_a_purge_from_another_address_is_refused(front_cache, article):
    cached(front_cache, article.url)

    assert front_cache.purge_from(ELSEWHERE, article.url) == 403
    assert front_cache.get(article.url)[1]["X-Cache"] == "HIT"

    assert front_cache.purge_from("127.0.0.1", article.url) == 200
    assert front_cache.get(article.url)[1]["X-Cache"] == "MISS"


def test_a_signed_in_person_is_passed_to_the_site(front_cache, article, editor, client):
    cached(front_cache, article.url)
    client.force_login(editor)
    session = client.cookies["sessionid"].value

    status, headers, _ = front_cache.get(article.url, Cookie=f"sessionid={session}")

    assert status == 200
    assert headers["X-Cache"] == "PASS"
    assert "private" in headers["Cache-Control"]


def test_staff_addresses_are_never_cached(front_cache, db):
    for _ in range(2):
        status, headers, _ = front_cache.get("/admin/login/")
        assert status == 200
        assert headers["X-Cache"] == "PASS"


def test_a_page_the_site_marks_private_is_not_kept(front_cache, article):
    # Search results are never shared (home/page_cache.py); Varnish honours that.
    for _ in range(2):
        status, headers, _ = front_cache.get("/search/?q=diazepam")
        assert status == 200
        assert headers["X-Cache"] == "MISS"


# Without Varnish: what purging does when the cache is unreachable or not configured.


@pytest.fixture
def silent_cache(settings):
    with silent_server() as (port, connections):
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "home.front_cache.VarnishBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
                "TIMEOUT": 0.5,
            }
        }
        yield connections


@pytest.mark.parametrize("down", ["refused", "silent"])
def test_publishing_succeeds_when_the_front_cache_is_down(
    request, settings, transactional_db, article_factory, caplog, down
):
    # Committed for real: the purge is sent once the publish commits, as in production.
    # Wagtail keeps the sites' root paths in the cache: paths left there by an earlier
    # test's rolled-back site could leave this article without an address to purge.
    cache.clear()
    if down == "silent":
        request.getfixturevalue("silent_cache")
    else:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "home.front_cache.VarnishBackend",
                "LOCATION": f"http://127.0.0.1:{free_port()}",
            }
        }
    article = article_factory("Diazepam for back pain", slug="diazepam")
    article.summary = "Updated advice."

    # Heard at the logger itself: the site's LOGGING stops "healthinfo" records from
    # reaching the root logger, where caplog listens, once any test has applied it.
    front_cache_log = logging.getLogger("healthinfo.front_cache")
    front_cache_log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.WARNING, logger="healthinfo.front_cache"):
            publish_reviewed(article, article.save_revision())
    finally:
        front_cache_log.removeHandler(caplog.handler)

    article.refresh_from_db()
    assert article.live
    assert article.summary == "Updated advice."
    # Each record once, whether it also reached the root logger or not.
    failures = list(
        {
            id(r): r.getMessage()
            for r in caplog.records
            if r.name == "healthinfo.front_cache"
        }.values()
    )
    assert len(failures) == 1
    assert "event=front_cache_purge_failed" in failures[0]
