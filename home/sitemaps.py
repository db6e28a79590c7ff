"""sitemap.xml as an index of files, each listing at most PageSitemap.limit pages.

One sitemap of every page took longer than a crawler waits once the site reached
10,000 articles. The index costs two aggregate queries; a file costs its own slice
of pages. Both are kept in the fragment cache under the content version.
"""

import re

from django.contrib.sitemaps import views as django_sitemaps
from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import Sitemap

from home.fragment_cache import remember
from home.seo import absolute_url

# The number forms the index links to; anything else is not a file of ours.
FILE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
# What Django's sitemap.xml reads beyond Wagtail's location and lastmod.
UNSET_FIELDS = {"changefreq": None, "priority": None, "alternates": ()}


class PageSitemap(Sitemap):
    """Every live, public page of the request's site, in tree order."""

    # A file is Python work per page (its row, its URL, its line of XML): about 0.2 s
    # of CPU per 1,000 pages, so one missing from the cache still answers quickly.
    # 10,000 articles make eleven files, each far below the protocol's 50,000 URLs;
    # 2,000 would halve the files and double the wait for each.
    limit = 1000

    @cached_property
    def pages(self):
        # Read once: public() looks up the page restrictions each time it is called.
        return super().items()

    def items(self):
        return self.pages

    @cached_property
    def paginator(self):
        # Django builds a new paginator, and counts the pages again, on each use.
        return Paginator(self._items(), self.limit)

    def _urls(self, page, protocol, domain):
        # A field the template looks up and does not find costs more than its line.
        return [
            {**UNSET_FIELDS, **url} for url in super()._urls(page, protocol, domain)
        ]

    def get_latest_lastmod(self):
        # Django's default loads every page to find the newest.
        return self.items().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]


SECTIONS = {"pages": PageSitemap}


def cache_name(request, *parts):
    """Files carry absolute URLs, so each host and scheme is stored apart."""
    return ":".join(["sitemap", *map(str, parts), request.scheme, request.get_host()])


def xml_response(content, last_modified):
    response = HttpResponse(content, content_type="application/xml")
    if last_modified:
        response["Last-Modified"] = last_modified
    return response


@django_sitemaps.x_robots_tag
@require_safe
def sitemap_index(request):
    """Every sitemap file, each with the newest change in its section."""

    def build():
        files = []
        lastmods = []
        for section, sitemap_class in SECTIONS.items():
            sitemap = sitemap_class(request)
            # As in Django's index, every file of a section gets the section's newest
            # change: never older than the file's own, and one query for them all.
            lastmod = sitemap.get_latest_lastmod()
            lastmods.append(lastmod)
            url = reverse("sitemap-section", kwargs={"section": section})
            for number in sitemap.paginator.page_range:
                location = url if number == 1 else f"{url}?p={number}"
                files.append(
                    django_sitemaps.SitemapIndexItem(
                        absolute_url(request, location), lastmod
                    )
                )
        newest = max(filter(None, lastmods), default=None)
        content = render_to_string("sitemap_index.xml", {"sitemaps": files})
        return content, newest and http_date(newest.timestamp())

    return xml_response(*remember(request, cache_name(request, "index"), build))


@django_sitemaps.x_robots_tag
@require_safe
def sitemap_section(request, section):
    """One file of a section: Django's sitemap view, ?p= choosing the file."""
    number = request.GET.get("p", "1")
    if section not in SECTIONS or not FILE_NUMBER.fullmatch(number):
        raise Http404("No such sitemap file.")

    def build():
        sitemaps = {section: SECTIONS[section](request)}
        response = django_sitemaps.sitemap(request, sitemaps, section=section)
        return response.rendered_content, response.get("Last-Modified")

    name = cache_name(request, section, number)
    return xml_response(*remember(request, name, build))
