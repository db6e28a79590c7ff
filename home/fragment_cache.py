"""Values kept in the cache under the site's content version (home.page_cache).

Every saved or deleted content row bumps the content version, so a value stored under
the current version is what working it out now would give. Only what every reader sees
is stored: never a form, a token, or a signed-in reader's links.

Off when the cache is local to each process: another process's changes would not
reach it. With Redis down, values are worked out afresh for each request.
"""

from django.conf import settings
from django.core.cache import cache

from home.page_cache import content_version

# Parts stored under a version are unreachable once it moves on. The lifetime frees
# their memory, and bounds how long a part outlives a change saved while Redis could
# not be reached (as PAGE_CACHE_SECONDS does for whole pages).
DEFAULT_SECONDS = 300
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
