"""The site's 500 page, which must work when nothing else does."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """handler500: no database, no context processors; only the site's name."""
    body = loader.get_template("500.html").render(
        {"site_name": settings.WAGTAIL_SITE_NAME}
    )
    return HttpResponseServerError(body)
