"""The full-page cache for anonymous readers, built so it never serves an old page.

One number, the content version, is kept in the cache. Every saved or deleted row
(bar the bookkeeping in NOT_CONTENT), every page move, and `manage.py
purge_page_cache` bump it, and a page is served from the cache only if it was stored
under the current version, the same day (the overdue-review notice depends on the
date) and for the same compression. Anything personal is never stored nor served:
requests with a session or messages cookie, forms' responses, pages that set a
cookie or carry a CSRF token, and anything a view marks private.

Compression runs inside this middleware, so each encoding is stored as it is sent.
"""

import hashlib
import time
from datetime import datetime, timedelta

from compression_middleware.middleware import compressor

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_max_age,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from . import clock
from .db_router import wait_for_replicas

VERSION_KEY = "page-cache:version"
# What only staff, forms and services use; never served from the cache.
PRIVATE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/comments/",
    "/accounts/",
    "/api/",
    "/search/",
    "/documents/",
    "/healthz",
    "/media/",
    "/static/",
)
# Cookies that make a page personal: a session (signed in, a page password, a
# pending message) or messages stored in a cookie.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Rows written as a side effect of reading or of staff bookkeeping: they change no
# reader page, and bumping on them would empty the cache for nothing.
NOT_CONTENT = {
    "admin.logentry",
    "sessions.session",
    "wagtailcore.pagelogentry",
    # A draft; publishing it saves the page.
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailimages.rendition",
    "wagtailsearch.indexentry",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
}
NOT_CONTENT_APPS = {"axes", "contenttypes", "django_tasks_db", "otp_static", "otp_totp"}


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def content_version():
    """The current content version: it changes whenever what readers see may change.

    Created when missing (first use, or Redis restarted) from the clock, so it never
    comes back to a number some stored page was tagged with.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # missing: start afresh
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(**kwargs):
    """Signal receiver: invalidate every cached page, now and when the change commits.

    The second bump covers pages rendered between the first one and the commit
    (or before a read replica replayed it), which read the data as it was.
    """
    sender = kwargs.get("sender")
    if sender is not None and is_bookkeeping(sender):
        return
    bump()
    transaction.on_commit(bump_when_replicas_caught_up, robust=True)


def bump_when_replicas_caught_up():
    # A page rendered from a replica still behind would be stored as current.
    wait_for_replicas()
    bump()


def is_bookkeeping(model):
    meta = getattr(model, "_meta", None)
    if meta is None:
        return False
    return meta.app_label in NOT_CONTENT_APPS or meta.label_lower in NOT_CONTENT


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{id(signal)}")
    # Moves rewrite tree paths with bulk updates; publishing and unpublishing save,
    # but descendants can be unpublished in bulk.
    for signal in (post_page_move, page_published, page_unpublished):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{id(signal)}")


def reader_may_share(request):
    """Whether this request may be answered from, and stored in, the shared cache."""
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIVATE_PREFIXES)
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def encoding_for(request):
    """The compression the compression middleware will choose for this client."""
    chosen, _, _ = compressor(request.headers.get("Accept-Encoding", ""))
    return chosen or "identity"


def cache_key(request, host):
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    day = clock.today().isoformat()
    return f"page-cache:{host}:{day}:{encoding_for(request)}:{address}"


def storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = {
        d.strip().split("=")[0].lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
        if d
    }
    return not control & {"private", "no-cache", "no-store"}


def seconds_to_midnight():
    now = timezone.localtime()
    midnight = datetime.combine(
        now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo
    )
    return max(int((midnight - now).total_seconds()), 1)


def mark_shareable(response):
    """Headers that let a front cache keep the page a short while (purges end it sooner).

    Browsers revalidate every time (a 304 from the cache is cheap), so a reader who
    has just commented sees the page as it is now.
    """
    shared_for = min(settings.PAGE_CACHE_SECONDS, seconds_to_midnight())
    patch_cache_control(
        response, public=True, max_age=0, must_revalidate=True, s_maxage=shared_for
    )
    patch_vary_headers(response, ["Cookie"])


def mark_private(response):
    if get_max_age(response) is None and "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    """Serves and stores anonymous readers' pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not reader_may_share(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        try:
            key = cache_key(request, request.get_host())
        except DisallowedHost:
            return self.get_response(request)

        version, stored = self.lookup(key)
        # Parts of pages (home/fragment_cache.py) are built from this version too.
        request._content_version = version
        if stored is not None:
            return self.replay(request, stored)

        response = self.get_response(request)
        if not storable(request, response):
            mark_private(response)
            return response
        mark_shareable(response)
        set_response_etag(response)
        if request.method == "GET" and version is not None:
            self.store(key, version, response)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def lookup(key):
        """The version to store under, and the stored page if it is current: one round trip."""
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            return content_version(), None
        stored = found.get(key)
        if stored is None or stored["version"] != version:
            return version, None
        return version, stored

    @staticmethod
    def store(key, version, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("x-page-cache", "date")
        ]
        cache.set(
            key,
            {"version": version, "headers": headers, "body": response.content},
            timeout=min(settings.PAGE_CACHE_SECONDS, seconds_to_midnight()),
        )

    @staticmethod
    def replay(request, stored):
        body = b"" if request.method == "HEAD" else stored["body"]
        response = HttpResponse(body, headers=dict(stored["headers"]))
        if request.method == "HEAD":
            response["Content-Length"] = str(len(stored["body"]))
        response["X-Page-Cache"] = "hit"
        return response
