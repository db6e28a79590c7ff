"""Admin views for two-factor sign-in: set up an authenticator app, and enter a code."""

import math
from base64 import b32encode

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..next_url import local_path
from .forms import CodeForm
from .two_factor import (
    DEVICE_NAME,
    confirmed_device,
    is_required,
    note_device,
    qr_code_svg,
)

WRONG_CODE = "That code is not right. Check the time on your phone and enter the code the app shows now."


def check_code(form, device):
    """Verify the form's code against the device, with django-otp's throttling."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        locked_until = (details or {}).get("locked_until")
        seconds = (
            math.ceil((locked_until - timezone.now()).total_seconds())
            if locked_until
            else 60
        )
        form.add_error(
            "code",
            f"Too many wrong codes. Wait {max(seconds, 1)} seconds, then enter the code the app shows.",
        )
        return False
    user = device.user
    if django_otp.verify_token(user, device.persistent_id, form.cleaned_data["code"]):
        return True
    form.add_error("code", WRONG_CODE)
    return False


def safe_next(request, url):
    return local_path(request, url, reverse("wagtailadmin_home"))


def verify(request):
    """The second step of signing in: the code from the user's authenticator app."""
    device = confirmed_device(request.user)
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if device is None or request.user.is_verified():
        # Removed since sign-in (an administrator deleted it): nothing to ask for.
        note_device(request, device is not None)
        return redirect(safe_next(request, next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and check_code(form, device):
        django_otp.login(request, device)
        return redirect(safe_next(request, next_url))
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": next_url}
    )


def setup(request):
    """Add an authenticator app: show its key as a QR code, confirm it with a code."""
    user = request.user
    device = confirmed_device(user)
    form = CodeForm(request.POST or None)
    if device is None:
        # One pending device per person; reloading the page keeps the same key.
        device = TOTPDevice.objects.devices_for_user(
            user, confirmed=False
        ).first() or TOTPDevice.objects.create(
            user=user, name=DEVICE_NAME, confirmed=False
        )
        if request.method == "POST" and form.is_valid() and check_code(form, device):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            note_device(request, True)
            messages.success(
                request,
                "Two-factor sign-in is on. Next time you sign in, the admin will ask for a code from your app.",
            )
            return redirect("accounts_two_factor")
        context = {
            "qr_svg": qr_code_svg(device.config_url),
            "secret": _base32(device),
            "form": form,
        }
    else:
        context = {
            "confirmed_device": device,
            "can_remove": not is_required(user) and user.is_verified(),
        }
    context["required"] = is_required(user) and context.get("confirmed_device") is None
    return TemplateResponse(request, "accounts/setup.html", context)


@require_POST
def remove(request):
    """Turn two-factor sign-in off: only from a session that entered a code."""
    user = request.user
    if is_required(user) or not user.is_verified():
        messages.error(request, "Two-factor sign-in cannot be turned off here.")
        return redirect("accounts_two_factor")
    TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()
    note_device(request, False)
    messages.success(
        request, "Two-factor sign-in is off. Your password alone now signs you in."
    )
    return redirect("accounts_two_factor")


def _base32(device):
    key = b32encode(device.bin_key).decode()
    # Groups of four are easier to type into a phone.
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
