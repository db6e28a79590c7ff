"""The front cache (Varnish): a page is purged from it as soon as its change commits.

Pages are purged when they are published or unpublished (with the pages above them,
which list them), deleted, moved or renamed; purge_pages() and purge_urls() are for
changes Wagtail does not see (comments, related content), purge_all() for site-wide
ones. A purge takes the address with every query string, and with "under" everything
below it too (.deploy/varnish.vcl). With no front cache configured
(WAGTAILFRONTENDCACHE, from FRONTEND_CACHE_URL) all of it does nothing. Purging never
fails the change that asked for it: an unreachable cache is logged
(event=front_cache_purge_failed), and the page is then stale until its s-maxage ends.
"""

import http.client
import logging
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    pre_page_move,
)

from .db_router import wait_for_replicas

logger = logging.getLogger("healthinfo.front_cache")

# Seconds one PURGE may take; a publish waits for its purges.
DEFAULT_TIMEOUT = 2.0


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purger, with a timeout, sending its PURGEs once the change commits.

    Sent earlier, a reader's request could put the old page back in the cache before
    the new one is visible in the database.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT))
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls, *, under=False):
        """Purge `urls` after commit; with `under`, everything below each of them too."""
        urls = sorted(set(urls))
        if urls:
            transaction.on_commit(lambda: self.send(urls, under=under), robust=True)

    def request(self, url, under=False):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        headers = {
            "Host": host,
            "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
        }
        if under:
            headers["X-Purge-Scope"] = "prefix"
        address = (self.cache_scheme, self.cache_netloc, parts.path or "/", "", "")
        return PurgeRequest(urlunsplit(address), headers=headers)

    def send(self, urls, under=False):
        # Replicas first replay the change, or the page fetched after the purge is old.
        wait_for_replicas()
        for done, url in enumerate(urls):
            try:
                with urlopen(self.request(url, under), timeout=self.timeout):  # noqa: S310 - the configured cache
                    pass
            except (OSError, http.client.HTTPException) as error:
                # Down or refusing: the rest would wait and fail the same way.
                logger.warning(
                    "event=front_cache_purge_failed url=%s skipped=%d error=%s",
                    url,
                    len(urls) - done - 1,
                    getattr(error, "code", None) or type(error).__name__,
                )
                return


def _backends_for(url):
    hostname = urlsplit(url).netloc
    return [b for b in get_backends().values() if b.invalidates_hostname(hostname)]


def _purge_under(urls):
    """Purge everything at and below each URL; other backends get the URL itself."""
    for url in urls:
        for backend in _backends_for(url):
            if isinstance(backend, VarnishBackend):
                backend.purge_batch([url], under=True)
            else:
                backend.purge_batch([url])


def _safely(what, purge, *args):
    if not configured():
        return
    try:
        purge(*args)
    except Exception as error:  # a purge must never undo or fail the change itself
        logger.warning(
            "event=front_cache_purge_failed what=%s error=%s",
            what,
            type(error).__name__,
        )


def _purge_pages(pages):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_pages(pages):
    """Drop every address of `pages` from the front cache once the change commits."""
    _safely("pages", _purge_pages, list(pages))


def _site_urls(urls):
    from wagtail.models import Site

    roots = [site.root_url for site in Site.objects.all()]
    for url in urls:
        if urlsplit(url).netloc:
            yield url
        else:  # a path: the same address on every site
            yield from (urljoin(root + "/", url.lstrip("/")) for root in roots)


def _purge_urls(urls):
    PurgeBatch(list(_site_urls(urls))).purge()


def purge_urls(urls):
    """Drop addresses (full URLs, or paths on every site) from the front cache."""
    _safely("urls", _purge_urls, list(urls))


def purge_all():
    """Drop every page of every site: for changes shown site-wide (navigation, settings)."""
    _safely("all", lambda: _purge_under(list(_site_urls(["/"]))))


def _page_urls(page):
    url = page.get_full_url()
    return [url] if url else []


def page_changed(instance, **kwargs):
    """Published or unpublished: the page, and the pages above it that list it."""

    def purge():
        listing = instance.get_ancestors().live().filter(depth__gt=1)
        _purge_pages([instance, *listing])

    _safely("published", purge)


def page_deleted(sender, instance, **kwargs):
    if not configured():
        return
    from wagtail.models import Page

    # Once per page: deleting a specific page also deletes its base Page row.
    if type(instance) is Page and instance.live:
        _safely("deleted", lambda: _purge_under(_page_urls(instance)))


def page_moving(instance, **kwargs):
    """The old address, and all below it, before the move rewrites them."""
    _safely("moved", lambda: _purge_under(_page_urls(instance)))


def page_renamed(instance, instance_before, **kwargs):
    _safely("renamed", lambda: _purge_under(_page_urls(instance_before)))


class FrontCacheConfig(WagtailFrontendCacheAppConfig):
    """Wagtail's front-cache app, also purging deleted, moved and renamed pages."""

    def ready(self):
        # Instead of Wagtail's own receivers: these do nothing (not even work out the
        # addresses) while no front cache is configured.
        page_published.connect(page_changed, dispatch_uid="front_cache_published")
        page_unpublished.connect(page_changed, dispatch_uid="front_cache_unpublished")
        pre_delete.connect(page_deleted, dispatch_uid="front_cache_deleted")
        pre_page_move.connect(page_moving, dispatch_uid="front_cache_moving")
        page_slug_changed.connect(page_renamed, dispatch_uid="front_cache_renamed")
