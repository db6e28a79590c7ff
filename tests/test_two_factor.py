"""Staff two-factor sign-in: set up an authenticator app, then a code after the password."""

import re
from datetime import timedelta

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

PASSWORD = "password"  # the conftest users' password
SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"


def code_for(device, steps_ahead=0):
    """The code the person's app would show, computed from the device's key."""
    return (
        f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=steps_ahead):06d}"
    )


def wrong_code_for(device):
    right = {code_for(device, d) for d in (-1, 0, 1, 2)}
    return next(c for c in (f"{n:06d}" for n in range(1000000)) if c not in right)


def sign_in(client, username="editor", password=PASSWORD):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


def enter_code(client, code, next_url=""):
    return client.post(VERIFY, {"code": code, "next": next_url}, follow=True)


def wait_out_throttle(device):
    """django-otp makes each wrong code double the wait; let that wait pass."""
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - timedelta(minutes=5)
    device.save()


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(
        user=editor, name="Authenticator app", confirmed=True
    )


def test_account_page_offers_two_factor_sign_in(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_account"))

    assert f'href="{SETUP}"' in response.content.decode()
    assert "Two-factor sign-in" in response.content.decode()


def test_set_up_log_out_and_sign_in_with_a_code(client, editor):
    client.force_login(editor)
    page = client.get(SETUP).content.decode()
    # A QR code drawn on the server as inline SVG, and the key to type in by hand.
    assert 'aria-label="QR code' in page and "<path" in page
    assert "Enter this key in the app instead" in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post(SETUP, {"code": wrong_code_for(device)})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    wait_out_throttle(device)
    confirmed = client.post(SETUP, {"code": code_for(device)}, follow=True)
    assert "Two-factor sign-in is on" in confirmed.content.decode()
    device.refresh_from_db()
    assert device.confirmed

    client.post(reverse("wagtailadmin_logout"))
    signed_in = sign_in(client)
    assert signed_in.status_code == 302
    asked = client.get(reverse("wagtailadmin_home"))
    assert asked.status_code == 302
    assert asked.url.startswith(VERIFY)
    assert "Enter your sign-in code" in client.get(asked.url).content.decode()

    refused = enter_code(client, wrong_code_for(device))
    assert "That code is not right" in refused.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    wait_out_throttle(device)
    # The next 30-second code: the one used at set-up cannot be used twice.
    let_in = enter_code(
        client, code_for(device, steps_ahead=1), next_url="/admin/pages/"
    )
    assert let_in.redirect_chain[-1][0] == "/admin/pages/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_every_admin_page_asks_for_the_code_first(client, editor, device):
    sign_in(client)

    for url in ["/admin/", "/admin/pages/", "/admin/users/", "/django-admin/", SETUP]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(VERIFY), url


def test_password_alone_opens_no_login_restricted_page(client, editor, device, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    sign_in(client)

    response = client.get(article.url)

    assert response.status_code == 302
    assert "/login/" in response.url


# A minute's wait after one wrong code, so a slow test run cannot outlast it.
@override_settings(OTP_TOTP_THROTTLE_FACTOR=60)
def test_quick_retries_are_slowed_down_with_a_message(client, editor, device):
    sign_in(client)
    enter_code(client, wrong_code_for(device))

    right_too_soon = enter_code(client, code_for(device))

    assert re.search(
        r"Too many wrong codes\. Wait \d+ seconds", right_too_soon.content.decode()
    )
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_code_must_be_six_digits(client, editor, device):
    sign_in(client)

    response = enter_code(client, "12ab")

    assert "Enter the six digits the app shows." in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_code_typed_with_a_space_is_accepted(client, editor, device):
    sign_in(client)
    code = code_for(device)

    enter_code(client, f"{code[:3]} {code[3:]}")

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_staff_without_a_device_sign_in_with_a_password_alone(client, editor):
    assert sign_in(client).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(REQUIRE_STAFF_2FA=True)
def test_when_required_staff_must_set_it_up_before_the_admin_opens(client, editor):
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url == SETUP
    page = client.get(SETUP).content.decode()
    assert "Staff must use two-factor sign-in on this site" in page

    device = TOTPDevice.objects.get(user=editor)
    client.post(SETUP, {"code": code_for(device)})
    assert client.get("/admin/pages/").status_code == 200
    # Required means it cannot be turned off.
    client.post(reverse("accounts_two_factor_remove"))
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_turning_it_off_goes_back_to_password_only(client, editor, device):
    sign_in(client)
    enter_code(client, code_for(device))

    response = client.post(reverse("accounts_two_factor_remove"), follow=True)

    assert "Two-factor sign-in is off" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_key_stays_the_same_when_the_set_up_page_is_reloaded(client, editor):
    client.force_login(editor)
    client.get(SETUP)
    client.get(SETUP)

    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_device_removed_by_an_administrator_stops_the_asking(client, editor, device):
    sign_in(client)
    device.delete()

    response = client.get(reverse("wagtailadmin_home"), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
