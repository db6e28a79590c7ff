from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.api import api_router
from home.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's page and document password forms with a limit on wrong passwords;
    # before Wagtail's own documents and page URLs, which they replace.
    path("", include("home.accounts.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("search.urls")),
    path("api/v2/", api_router.urls),
    path("feeds/", include("articles.feed_urls")),
    path("comments/", include("articles.comments.urls")),
    path("", include("home.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# The site's 400 page, rendered without re-reading a body Django could not decode.
handler400 = "home.middleware.bad_request"
handler500 = "home.errors.server_error"
