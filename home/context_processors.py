"""Template context every page shares."""

from django.conf import settings
from django.utils.functional import lazy

from wagtail.models import Site


def site_name_for(request):
    """The name editors gave this Wagtail site, else the WAGTAIL_SITE_NAME setting."""
    site = Site.find_for_request(request) if request is not None else None
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def site_name(request):
    """`site_name` for templates; the site is looked up only if a template uses it."""
    # Lazy, so admin pages and emails that never show the name cost no query.
    return {"site_name": lazy(site_name_for, str)(request)}
