"""Wagtail API v2: read-only pages, images and documents."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home import search_fallback
from home.query import clean_query

# Wagtail parses ?fields= one slice at a time (quadratic in its length) and nests by
# recursion; every real field list, nested ones included, fits well inside these.
MAX_FIELDS_LENGTH = 1000
MAX_NESTED_LISTS = 5
# Past this the listing is empty anyway, and past 2**63 the database refuses the number.
MAX_OFFSET = 1_000_000
# Wagtail's filter passes these values to the database unchecked; a bad one raised there.
TYPED_FIELDS = (
    models.DateField,  # DateTimeField too
    models.TimeField,
    models.DurationField,
    models.DecimalField,
    models.FloatField,
    models.UUIDField,
)
MAX_TAGS = 10


def parse_id(value, name="id"):
    """A database id: ASCII digits (int() also takes "٣" and " 1_0 "), inside 64 bits."""
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise BadRequestError(f"{name} must be a positive integer")
    return int(value)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filter, with each value checked before it reaches the database."""

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True))
        filterable.discard("locale")  # a language code, for Wagtail's LocaleFilter
        typed = {}
        for name, raw in request.GET.items():
            try:
                field = name in filterable and queryset.model._meta.get_field(name)
            except LookupError:
                field = None
            if not field:
                continue
            if isinstance(field, TaggableManager):
                # One join per tag.
                if raw.count(",") >= MAX_TAGS:
                    raise BadRequestError(f"{name} takes at most {MAX_TAGS} tags")
            elif field.is_relation:
                # An id, whether the relation is a foreign key, many-to-many or reverse.
                parse_id(raw, name)
            elif isinstance(field, TYPED_FIELDS):
                try:
                    value = field.to_python(raw)
                except ValidationError as error:
                    raise BadRequestError(
                        f"field filter error: {name} takes {field.description.lower()}"
                    ) from error
                if isinstance(value, datetime.datetime) and timezone.is_naive(value):
                    value = timezone.make_aware(value)
                typed[name] = value
        query = request.GET.copy()
        for name in typed:
            del query[name]
        return (
            super().filter_queryset(_QueryOnly(query), queryset, view).filter(**typed)
        )


class CleanSearchFilter(SearchFilter):
    """Wagtail's search, given the same cleaned query as the site's search box."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        query = request.GET.copy()
        # The SQLite full-text backend fails on some punctuation readers never need.
        query["search"] = clean_query(query["search"])
        found = super().filter_queryset(_QueryOnly(query), queryset, view)
        return search_fallback.or_database(
            found,
            # While a search cluster is down: the search Wagtail's filter asked of it.
            lambda: queryset.search(
                query["search"],
                operator=operator,
                order_by_relevance="order" not in query,
                backend=search_fallback.DATABASE,
            ),
        )


class _QueryOnly:
    """The one thing Wagtail's filters read from a request: its query."""

    def __init__(self, query):
        self.GET = query


class BoundedPagination(WagtailPagination):
    """Wagtail's paging, with the offset checked before it reaches the database."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if not (offset.isascii() and offset.isdigit()):
            raise BadRequestError("offset must be a positive integer")
        if len(offset) > len(str(MAX_OFFSET)) or int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CheckedQueryMixin:
    """A 400 with a message for query values the endpoints would otherwise fail on."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        # Before any lookup: DRF answers an error raised here through handle_exception.
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            # PostgreSQL cannot store or compare a NUL.
            if any("\x00" in text for text in (name, *values)):
                raise BadRequestError("query parameters cannot contain NUL characters")
        fields = request.GET.get("fields", "")
        if len(fields) > MAX_FIELDS_LENGTH:
            raise BadRequestError(
                f"fields cannot be longer than {MAX_FIELDS_LENGTH} characters"
            )
        if fields.count("(") > MAX_NESTED_LISTS:
            raise BadRequestError(
                f"fields cannot have more than {MAX_NESTED_LISTS} nested lists"
            )

    def find_object(self, queryset, request):
        if "id" in request.GET:
            # Wagtail hands the raw value to the database, which raised on "a".
            parse_id(request.GET["id"])
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(CheckedQueryMixin, PagesAPIViewSet):
    """Live pages that anyone may read."""

    filter_backends = [
        {FieldsFilter: CheckedFieldsFilter, SearchFilter: CleanSearchFilter}.get(
            backend, backend
        )
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        # Wagtail's own set shows login-restricted pages to a signed-in caller.
        # Asked for several times a request, and each asking reads the restrictions.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset().public()
        return self._base_queryset

    def get_queryset(self):
        # Listings cost the same number of queries however many pages: a page type
        # names the related rows its API fields read.
        queryset = super().get_queryset()
        model = queryset.model
        return queryset.select_related(
            *getattr(model, "api_select_related", ())
        ).prefetch_related(*getattr(model, "api_prefetch_related", ()))


class PublicImagesAPIViewSet(CheckedQueryMixin, ImagesAPIViewSet):
    """Images outside private collections."""

    filter_backends = [CheckedFieldsFilter, OrderingFilter, CleanSearchFilter]


class PublicDocumentsAPIViewSet(CheckedQueryMixin, DocumentsAPIViewSet):
    """Documents outside private collections."""

    filter_backends = [CheckedFieldsFilter, OrderingFilter, CleanSearchFilter]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
