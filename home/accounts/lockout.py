"""Admin sign-in lockout (django-axes): limits per username and per address, and its page."""

import math

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import Max, Q, Sum
from django.shortcuts import render
from django.utils import timezone

from wagtail.admin.views.account import get_user_login_form

LOCKED_MESSAGE = (
    "Too many failed sign-in attempts. Try again in {minutes} minute{s} "
    "or ask an administrator to unlock your account."
)


def _failures(attempts):
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a higher limit for an address than for a username.

    Axes has one limit for every lockout parameter; one address may fairly sign in
    as several people (an office behind one router), one username may not.
    """

    def get_failures(self, request, credentials=None):
        by_username, by_address = (
            _failures(attempts)
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOCKOUT_ADDRESS_FAILURE_LIMIT:
            # Report the username limit as reached so axes locks this address out.
            return max(by_username, settings.AXES_FAILURE_LIMIT)
        return by_username


def minutes_left(request, credentials=None):
    """Whole minutes until the newest failure that counts against this sign-in expires."""
    cool_off = get_cool_off(request)
    username = get_client_username(request, credentials)
    latest = AccessAttempt.objects.filter(
        Q(username=username) | Q(ip_address=getattr(request, "axes_ip_address", None))
    ).aggregate(latest=Max("attempt_time"))["latest"]
    if latest is None:
        return math.ceil(cool_off.total_seconds() / 60)
    seconds = (latest + cool_off - timezone.now()).total_seconds()
    return max(1, math.ceil(seconds / 60))


def locked_out(request, original_response=None, credentials=None):
    """The sign-in page again, saying why and for how long (AXES_LOCKOUT_CALLABLE)."""
    minutes = minutes_left(request, credentials)
    username = get_client_username(request, credentials) or ""
    form = get_user_login_form()(request, initial={"username": username})
    return render(
        request,
        "accounts/locked_out.html",
        {
            "form": form,
            "message": LOCKED_MESSAGE.format(
                minutes=minutes, s="" if minutes == 1 else "s"
            ),
            "next": request.POST.get("next", ""),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class RequestlessTestBackend(AxesStandaloneBackend):
    """For settings.test only: Django's test Client.login() authenticates without a request.

    Production keeps the strict backend, so a sign-in path that forgets the request
    fails loudly instead of skipping the lockout.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
