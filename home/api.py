"""Wagtail API v2: read-only pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from articles.models import ArticlePage


class RefusesNulMixin:
    """A clear 400 for a NUL character in the query; PostgreSQL cannot take one."""

    def check_query_parameters(self, queryset):
        if any("\x00" in value for value in self.request.GET.values()):
            raise BadRequestError("query parameters cannot contain NUL characters")
        super().check_query_parameters(queryset)


class PublicPagesAPIViewSet(RefusesNulMixin, PagesAPIViewSet):
    """Live pages that anyone may read."""

    def get_base_queryset(self):
        # Wagtail's own set shows login-restricted pages to a signed-in caller.
        # Asked for several times a request, and each asking reads the restrictions.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset().public()
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is ArticlePage:
            # Listings cost the same number of queries however many articles.
            queryset = queryset.select_related("medical_reviewer").prefetch_related(
                "topics", "references", "authors__person"
            )
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint(
    "images", type("ImagesAPIViewSet", (RefusesNulMixin, ImagesAPIViewSet), {})
)
api_router.register_endpoint(
    "documents", type("DocumentsAPIViewSet", (RefusesNulMixin, DocumentsAPIViewSet), {})
)
