"""Error pages that must work when nothing else does: 500, and a refused form (403)."""

from django.conf import settings
from django.http import HttpResponseForbidden, HttpResponseServerError
from django.template import loader


def server_error(request):
    """handler500: no database, no context processors; only the site's name."""
    body = loader.get_template("500.html").render(
        {"site_name": settings.WAGTAIL_SITE_NAME}
    )
    return HttpResponseServerError(body)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a refused form says how to send it again, and reveals nothing."""
    body = loader.get_template("403_csrf.html").render(
        {"site_name": settings.WAGTAIL_SITE_NAME}
    )
    return HttpResponseForbidden(body)
