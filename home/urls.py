"""Site-wide machine-readable addresses: sitemap and robots.txt."""

from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
]
