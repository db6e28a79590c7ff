"""Breadcrumb trails: Home, then each page above the current one, then the current one."""

from dataclasses import dataclass

from wagtail.models import Page, Site

HOME_TITLE = "Home"


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


def home_crumb():
    return Crumb(HOME_TITLE, "/")


def page_trail(request, page):
    """Crumbs from the site's home page down to `page`: one query, once per request.

    Pages above that are not live are left out: their links would not work.
    """
    cache = getattr(request, "_breadcrumb_trails", {})
    if page.pk in cache:
        return cache[page.pk]
    site = Site.find_for_request(request) if request is not None else None
    root_id = site.root_page_id if site is not None else None
    trail = [home_crumb()]
    if page.pk != root_id:
        ancestors = list(Page.objects.ancestor_of(page).live().order_by("depth"))
        ids = [p.pk for p in ancestors]
        if root_id in ids:
            ancestors = ancestors[ids.index(root_id) + 1 :]
        else:
            ancestors = [p for p in ancestors if p.depth > 2]
        trail += [Crumb(p.title, p.get_url(request=request)) for p in ancestors]
        trail.append(Crumb(page.title, page.get_url(request=request) or ""))
    if request is not None:
        request._breadcrumb_trails = {**cache, page.pk: trail}
    return trail
