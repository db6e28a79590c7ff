"""Two-factor sign-in for staff (django-otp TOTP): who needs it, and the middleware that asks."""

import io

import qrcode
import qrcode.image.svg
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

DEVICE_NAME = "Authenticator app"
# Whether the signed-in user has a device, noted at sign-in so that other requests
# need no query to know whether to ask for a code.
HAS_DEVICE = "accounts_two_factor_device"
# Admin addresses an unverified user may still reach: the code form itself, the
# set-up page, signing out, and the assets those pages load.
OPEN_URL_NAMES = {
    "accounts_two_factor_verify",
    "accounts_two_factor",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def is_staff(user):
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def is_required(user):
    return settings.REQUIRE_STAFF_2FA and is_staff(user)


def note_device(request, has_device):
    request.session[HAS_DEVICE] = has_device


@receiver(user_logged_in, dispatch_uid="accounts_note_device")
def note_device_at_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        note_device(request, user_has_device(user))


def qr_code_svg(data):
    """An inline SVG QR code, drawn here so no secret leaves the server."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    # Drop the XML declaration (the SVG sits inside an HTML page) and name the image.
    svg = svg[svg.index("<svg") :].replace(
        "<svg ",
        '<svg role="img" aria-label="QR code to scan with your authenticator app" ',
        1,
    )
    return mark_safe(svg)  # noqa: S308 - built by qrcode from our own data, no user text


class TwoFactorMiddleware:
    """After the password, ask for the code before the admin opens.

    A user who signed in with a password but not yet the code (when they have a
    device, or when REQUIRE_STAFF_2FA holds for staff) is sent to the code form,
    or to set-up, on admin addresses, and is an anonymous reader everywhere else,
    so a password alone opens no private page either. Runs after OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # No session cookie, no sign-in: readers never cost a query or a Vary: Cookie.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        has_device = request.session.get(HAS_DEVICE, False)
        if not has_device and not settings.REQUIRE_STAFF_2FA:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not has_device and not is_staff(user):
            return None

        if not self.is_admin_path(request.path_info):
            request.user = self.anonymous()
            return None
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if url_name in OPEN_URL_NAMES:
            # Someone with a device goes through the code form, never set-up again.
            if has_device and url_name == "accounts_two_factor":
                return self.ask_for_code(request)
            return None
        if has_device:
            return self.ask_for_code(request)
        return redirect("accounts_two_factor")

    @staticmethod
    def is_admin_path(path):
        return path.startswith((reverse("wagtailadmin_home"), reverse("admin:index")))

    @staticmethod
    def ask_for_code(request):
        url = reverse("accounts_two_factor_verify")
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)

    @staticmethod
    def anonymous():
        user = AnonymousUser()
        user.otp_device = None
        user.is_verified = lambda: False
        return user
