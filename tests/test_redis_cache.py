"""Production caching: REDIS_URL selects django-redis, and it really stores and reads."""

import os
import subprocess
import sys

import pytest

from django.core.cache import caches
from django.test import override_settings

REDIS_URL = os.environ.get("REDIS_URL", "")


def settings_value(expr, **env):
    code = f"import settings.base as s; print({expr})"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**os.environ, "REDIS_URL": "", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_redis_url_selects_django_redis():
    backend = 's.CACHES["default"]["BACKEND"]'
    assert settings_value(backend, REDIS_URL="redis://127.0.0.1:6379/1") == (
        "django_redis.cache.RedisCache"
    )
    assert settings_value(backend) == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set; CI sets it")
def test_cache_round_trips_through_redis():
    cache_settings = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    with override_settings(CACHES=cache_settings):
        cache = caches.create_connection("default")
        cache.set("healthinfo-test", {"ok": True}, timeout=30)
        assert cache.get("healthinfo-test") == {"ok": True}
        cache.delete("healthinfo-test")
