"""Staff signing in to the admin: a few wrong passwords lock the username or the address."""

import socket
from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

PASSWORD = "password"  # the conftest users' password
LOCKED = "Too many failed sign-in attempts. Try again in 15 minutes or ask an administrator to unlock your account."


def sign_in(client, username="editor", password=PASSWORD, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def is_signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def fail(client, times, **kwargs):
    return [sign_in(client, password="wrong-guess", **kwargs) for _ in range(times)]


def test_four_wrong_passwords_still_let_the_right_one_in(client, editor):
    responses = fail(client, 4)

    assert all(r.status_code == 200 for r in responses)
    assert sign_in(client).status_code == 302
    assert is_signed_in(client)


def test_fifth_wrong_password_locks_the_username_with_a_message(client, editor):
    *_, fifth = fail(client, 5)

    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()
    # The sign-in page itself, styled by the admin, not a bare line of text.
    assert 'class="login-form"' in fifth.content.decode()

    right = sign_in(client)
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert not is_signed_in(client)


def test_username_lock_holds_from_every_address(client, editor):
    for n in range(5):
        fail(client, 1, address=f"10.0.1.{n}")

    response = sign_in(client, address="10.0.2.1")

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_guessing_many_usernames_from_one_address_locks_the_address(client, editor):
    for n in range(20):
        fail(client, 1, username=f"guess{n}", address="10.0.3.1")

    from_there = sign_in(client, address="10.0.3.1")
    assert from_there.status_code == 429
    assert LOCKED in from_there.content.decode()
    assert not is_signed_in(client)

    assert sign_in(client, address="10.0.3.2").status_code == 302
    assert is_signed_in(client)


def test_nineteen_failures_from_an_address_do_not_lock_it(client, editor):
    for n in range(19):
        fail(client, 1, username=f"guess{n}", address="10.0.3.1")

    assert sign_in(client, address="10.0.3.1").status_code == 302


def test_lock_lifts_after_fifteen_minutes(client, editor):
    fail(client, 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    assert sign_in(client).status_code == 302
    assert is_signed_in(client)


def test_message_counts_down_and_tries_while_locked_do_not_extend_it(client, editor):
    fail(client, 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=10)
    )

    first = sign_in(client)
    second = sign_in(client)

    assert "Try again in 5 minutes" in first.content.decode()
    assert "Try again in 5 minutes" in second.content.decode()


def test_lockout_survives_a_cache_flush(client, editor):
    fail(client, 5)
    cache.clear()

    assert sign_in(client).status_code == 429


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lockout_holds_while_redis_is_down(client, editor):
    dead_redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
    with override_settings(CACHES={"default": dead_redis}):
        fail(client, 5)
        response = sign_in(client)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


@pytest.mark.parametrize(
    ("command", "argument"),
    [("axes_reset_username", "editor"), ("axes_reset_ip", "10.0.0.1")],
)
def test_an_administrator_unlocks_with_a_command(client, editor, command, argument):
    fail(client, 5)

    call_command(command, argument, stdout=None)

    assert sign_in(client).status_code == 302
    assert is_signed_in(client)


def test_test_client_login_and_force_login_still_work(client, editor):
    assert client.login(username="editor", password=PASSWORD)
    assert is_signed_in(client)
    client.logout()

    assert not client.login(username="editor", password="wrong")
    client.force_login(editor)
    assert is_signed_in(client)


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP")
def test_behind_a_proxy_the_address_comes_from_its_header(client, editor):
    """Axes reads the same client address as the rate limits (home.client_ip)."""
    for n in range(20):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": f"guess{n}", "password": "wrong"},
            REMOTE_ADDR="10.9.9.9",  # the proxy
            HTTP_X_REAL_IP="203.0.113.7",
        )

    def from_reader(address):
        return client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": PASSWORD},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_REAL_IP=address,
        )

    assert from_reader("203.0.113.7").status_code == 429
    assert from_reader("203.0.113.8").status_code == 302
