"""Where a comment was posted from: the comment form's stand-in for a CSRF token.

Article pages are cached and shared between readers, so their comment form cannot
carry a per-visitor token. Browsers name the page a form was sent from in the Origin
header (the Referer when Origin is absent); a post from another site is refused.
The form's signed security hash and timestamp, the spam trap, the rate limit and
the email confirmation still apply.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost


def sending_origin(request):
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin
    parts = urlsplit(request.headers.get("Referer", ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def from_this_site(request):
    origin = sending_origin(request)
    if origin is None or origin == "null":
        return False
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
