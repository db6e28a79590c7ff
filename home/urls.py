"""Site-wide machine-readable addresses: sitemaps, robots.txt and /favicon.ico."""

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from home.seo import absolute_url
from home.sitemaps import sitemap_index, sitemap_section

# Staff areas, and result lists that would only repeat the articles.
DISALLOWED = ["/admin/", "/django-admin/", "/search/", "/comments/"]


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in DISALLOWED),
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_safe
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links to.

    A temporary redirect: in production the icon's address carries a content hash that
    changes with the file, so a cached permanent redirect would go stale.
    """
    response = HttpResponseRedirect(static("favicon.svg"))
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", favicon, name="favicon"),
]
