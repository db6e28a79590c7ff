"""Parts of article pages kept in the cache under the site's content version.

The keeping is home.fragment_cache's; this names the parts of an article page and
trims what is stored. Only what every reader sees is stored: never a form, a token,
or a signed-in reader's links.
"""

import re

from django.utils.safestring import mark_safe

from home import clock
from home.fragment_cache import remember, request_version, seconds

__all__ = ["page_part_name", "remember", "request_version", "seconds", "shared_page"]

# Indentation that templates add between lines; a newline keeps the separation.
INDENTATION = re.compile(r"\n\s+")
# Where whitespace is shown as typed, it is left alone.
KEEPS_WHITESPACE = ("<pre", "<textarea")


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
