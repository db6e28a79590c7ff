"""Production settings refuse to run insecurely; reader pages carry the security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.html import parse

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "health.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run(args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # A production process starts clean: none of the test run's Django variables.
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "settings.production", **env}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"SECRET_KEY": ""},
        {"ALLOWED_HOSTS": "health.example.org"},
    ],
)
def test_production_refuses_to_start_without_secret_key(env):
    result = run(["-c", "import django; django.setup()"], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run(["-c", "import django; django.setup()"], SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deploy_check():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_is_not_in_debug_mode():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = run(["-c", code], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True"]


def test_reader_page_carries_security_headers(client, article_factory):
    response = client.get(article_factory().url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().partition(" ")[::2] for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_reader_pages_carry_nothing_a_strict_csp_blocks(client, article_factory):
    article = article_factory()
    pages = {
        "/": 200,
        article.get_parent().url: 200,
        article.url: 200,
        "/search/?q=pain": 200,
        "/no-such-page/": 404,
    }
    for url, status in pages.items():
        response = client.get(url)
        assert response.status_code == status, url
        page = parse(response.content.decode())
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", url
        assert page.find("style") is None, url
        for element in page.find_all(True):
            for attribute in element.attrs:
                assert attribute != "style", (url, element.name)
                assert not attribute.startswith("on"), (url, element.name, attribute)
