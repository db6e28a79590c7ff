"""Site-wide machine-readable addresses: sitemap and robots.txt."""

from django.http import HttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps.views import sitemap

from home.seo import absolute_url

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


urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
]
