"""When an article takes comments: editors close them, or they close by age."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Site

from .models import CommentSettings
from .visibility import is_public_article


def close_after_days(request=None):
    """The site's setting; the field's default when there is no site to ask."""
    if request is not None and Site.find_for_request(request) is not None:
        # Cached on the request: the page, the form and the rules all ask.
        return CommentSettings.for_request(request).close_after_days
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CommentSettings._meta.get_field("close_after_days").default
    return CommentSettings.for_site(site).close_after_days


def closes_at(page, request=None):
    """When comments on `page` close by age, or None if they never do."""
    days = close_after_days(request)
    if not days or page.first_published_at is None:
        return None
    return page.first_published_at + timedelta(days=days)


def comments_are_open(page, request=None, *, known_public=False):
    """Whether readers may post on `page` now: never on a draft or restricted page.

    known_public: the caller has just checked is_public_article(page).
    """
    if not getattr(page, "comments_open", False):
        return False
    if not known_public and not is_public_article(page):
        return False
    closes = closes_at(page, request)
    return closes is None or timezone.now() < closes
