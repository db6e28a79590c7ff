"""Browser features the site does not use are off, and X-Forwarded-Proto is believed only when told."""

import ast
import subprocess
import sys

import pytest

from django.test import override_settings

from tests.servers import ROOT, production_env

SWITCHED_OFF = ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen")


def permissions(response):
    return {
        feature: allowlist
        for feature, _, allowlist in (
            part.strip().partition("=")
            for part in response["Permissions-Policy"].split(",")
        )
    }


def test_reader_pages_switch_off_unused_browser_features(client, article_factory):
    article = article_factory()
    for url in ("/", article.url, "/search/?q=pain", "/no-such-page/"):
        policy = permissions(client.get(url))
        for feature in SWITCHED_OFF:
            assert policy[feature] == "()", (url, feature)
        assert "clipboard-write" not in policy  # the admin's copy buttons use it


def test_admin_sign_in_carries_the_policy_too(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert permissions(response)["camera"] == "()"


def production_setting(name, **env):
    """A setting's value as settings.production computes it from `env`."""
    code = f"import django; django.setup(); from django.conf import settings; print(repr(settings.{name}))"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(DATABASE_URL="sqlite:///:memory:", **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return ast.literal_eval(result.stdout)


@pytest.mark.parametrize(
    ("env", "believed"),
    [
        ({}, False),
        ({"TRUST_X_FORWARDED_PROTO": "false"}, False),
        ({"TRUST_X_FORWARDED_PROTO": "true"}, True),
    ],
)
def test_forwarded_proto_is_believed_only_behind_a_declared_proxy(
    client, home, env, believed
):
    header = production_setting("SECURE_PROXY_SSL_HEADER", **env)
    assert (header is not None) == believed
    with override_settings(SECURE_PROXY_SSL_HEADER=header, SECURE_SSL_REDIRECT=True):
        claimed = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https")
        plain = client.get("/robots.txt")
    # Without the proxy's word the claim is ignored: the reader is sent to HTTPS.
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/robots.txt"
    if believed:
        assert claimed.status_code == 200
        assert "Sitemap: https://" in claimed.content.decode()
    else:
        assert claimed.status_code == 301


def test_production_with_a_proxy_and_redis_passes_the_deploy_check():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(
            DJANGO_SETTINGS_MODULE="settings.production",
            DATABASE_URL="sqlite:///:memory:",
            TRUST_X_FORWARDED_PROTO="true",
            REDIS_URL="redis://127.0.0.1:6379/0",
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
