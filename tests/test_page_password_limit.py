"""Readers at a password-protected page: a few wrong passwords, then a wait."""

import socket

import pytest

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

TOO_MANY = "Too many wrong passwords for this page from your connection."


@pytest.fixture
def protected(article_factory):
    page = article_factory("Protected treatment")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return page, restriction


def enter(client, protected, password, address="10.1.0.1"):
    page, restriction = protected
    return client.post(
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        ),
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def can_read(client, protected):
    page, _ = protected
    response = client.get(page.url)
    return (
        response.status_code == 200
        and "Protected treatment" in response.content.decode()
    )


def test_ten_wrong_passwords_each_get_the_form_again(client, protected):
    responses = [enter(client, protected, f"guess-{n}") for n in range(10)]

    assert all(r.status_code == 200 for r in responses)
    assert all(TOO_MANY not in r.content.decode() for r in responses)


def test_eleventh_try_is_refused_with_a_message_even_when_right(client, protected):
    for n in range(10):
        enter(client, protected, f"guess-{n}")

    response = enter(client, protected, "open-sesame")

    assert response.status_code == 429
    assert "Retry-After" in response
    content = response.content.decode()
    assert TOO_MANY in content
    assert "Wait " in content and " minute" in content
    # The password form is still there for when the wait is over.
    assert 'name="password"' in content
    assert not can_read(client, protected)


def test_another_address_is_not_held_up(client, protected):
    for n in range(11):
        enter(client, protected, f"guess-{n}")

    response = enter(client, protected, "open-sesame", address="10.1.0.2")

    assert response.status_code == 302
    assert can_read(client, protected)


def test_the_limit_is_per_page(client, protected, article_factory):
    for n in range(11):
        enter(client, protected, f"guess-{n}")
    other = article_factory("Other protected treatment")
    other_restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="other-pass"
    )

    response = enter(client, (other, other_restriction), "other-pass")

    assert response.status_code == 302


def test_right_passwords_do_not_use_up_the_tries(client, protected):
    responses = [enter(client, protected, "open-sesame") for _ in range(12)]

    assert all(r.status_code == 302 for r in responses)
    assert can_read(client, protected)


def test_private_document_collections_are_limited_too(client, db):
    collection = Collection.get_first_root_node().add_child(name="Private papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="collection-pass",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])

    def enter_collection(password):
        return client.post(
            url, {"password": password, "return_url": "/"}, REMOTE_ADDR="10.1.0.3"
        )

    wrong = [enter_collection(f"guess-{n}") for n in range(10)]
    refused = enter_collection("collection-pass")

    assert all(r.status_code == 200 for r in wrong)
    assert refused.status_code == 429
    assert (
        "Too many wrong passwords for this collection from your connection."
        in refused.content.decode()
    )


def test_while_redis_is_down_the_limit_lets_readers_through(client, protected):
    """RATELIMIT_FAIL_OPEN, as for comments: an outage must not lock readers out."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead_redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
    with override_settings(CACHES={"default": dead_redis}):
        wrong = [enter(client, protected, f"guess-{n}") for n in range(11)]
        right = enter(client, protected, "open-sesame")

    assert all(r.status_code == 200 for r in wrong)
    assert right.status_code == 302
