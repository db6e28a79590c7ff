"""Parts of article pages kept in the cache under the site's content version.

Every saved or deleted content row bumps the content version (home.page_cache), so a
part stored under the current version is what rendering it now would give. Only what
every reader sees is stored: never a form, a token, or a signed-in reader's links.

Off when the cache is local to each process: another process's changes would not
reach it. With Redis down, parts are worked out afresh for each request.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from home import clock
from home.page_cache import content_version

# Parts stored under a version are unreachable once it moves on. The lifetime frees
# their memory, and bounds how long a part outlives a change saved while Redis could
# not be reached (as PAGE_CACHE_SECONDS does for whole pages).
DEFAULT_SECONDS = 300
# Indentation that templates add between lines; a newline keeps the separation.
INDENTATION = re.compile(r"\n\s+")
# Where whitespace is shown as typed, it is left alone.
KEEPS_WHITESPACE = ("<pre", "<textarea")
UNSET = object()


def seconds():
    """How long a part is kept; 0 when parts are not cached."""
    value = getattr(settings, "FRAGMENT_CACHE_SECONDS", None)
    if value is None:
        return DEFAULT_SECONDS if getattr(settings, "REDIS_URL", "") else 0
    return value


def request_version(request):
    """The content version this response is built from, read once per request.

    None when parts are not cached: switched off, or the cache cannot be reached.
    """
    if not seconds():
        return None
    if request is None:
        return content_version()
    # Read at the start of the request when the page cache middleware has read it.
    version = getattr(request, "_content_version", UNSET)
    if version is UNSET:
        version = request._content_version = content_version()
    return version


def remember(request, name, compute):
    """compute(), or what it gave for the last reader while content is unchanged.

    `name` is the value's cache key without the version.
    """
    version = request_version(request)
    if version is None:
        return compute()
    key = f"part:{version}:{name}"
    stored = cache.get(key)
    if stored is not None:
        return stored[0]
    value = compute()
    cache.set(key, (value,), seconds())  # in a tuple: None and False are answers too
    return value


def page_part_name(request, page, part):
    """The cache name of a part of `page` as this request's site and day show it.

    Links and JSON-LD carry the host and scheme; review notices depend on the date.
    The page was read before the content version: naming its published revision and
    review record keeps a page read just before a publish from being stored as new.
    """
    return ":".join(
        str(bit)
        for bit in (
            "page",
            page.pk,
            part,
            page.live_revision_id,
            getattr(page, "last_review_id", ""),
            request.scheme,
            request.get_host(),
            clock.today().isoformat(),
        )
    )


def shared_page(request, page):
    """Whether `page`'s parts may be shared: its live version, as served to readers.

    An editor's preview shows a draft; it is never stored nor served from the cache.
    """
    return (
        request is not None
        and page is not None
        and bool(page.pk)
        and page.live
        and not getattr(request, "is_preview", False)
        and request_version(request) is not None
    )


def without_indentation(html):
    """A template's output without the indentation it adds: the same page, fewer bytes."""
    if not any(tag in html for tag in KEEPS_WHITESPACE):
        html = INDENTATION.sub("\n", html)
    return mark_safe(html)  # noqa: S308 (a template's own escaped output)
