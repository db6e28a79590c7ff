"""Admin views of review dates: the "Reviews due" report and its dashboard panel."""

import datetime

import django_filters

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .editorial import ArticleAuthor
from .models import ArticlePage
from .people import Person
from .publishing import import_authorisations
from .reviewed_page import with_reviewed_revision
from .topics import Topic

DUE_SOON_DAYS = 30
# Whoever may write or publish pages may see what needs reviewing.
REPORT_PERMISSIONS = ["add", "change", "publish"]


class Status:
    UNREVIEWED = "unreviewed"
    IMPORTED = "imported"  # among the unreviewed: brought over from the old site
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CURRENT = "current"

    CHOICES = [
        (UNREVIEWED, "Published without medical review"),
        (IMPORTED, "Imported, awaiting medical review"),
        (OVERDUE, "Overdue"),
        (DUE_SOON, f"Due within {DUE_SOON_DAYS} days"),
        (CURRENT, "Current"),
    ]
    LABELS = dict(CHOICES)


def page_policy():
    return policy_registry.get_by_type(Page)


def can_see_reviews(user):
    return page_policy().user_has_any_permission(user, REPORT_PERMISSIONS)


def review_window(today=None):
    today = today or timezone.localdate()
    return today, today + datetime.timedelta(days=DUE_SOON_DAYS)


def reviewable_articles(user, today=None):
    """Live articles this user may edit or publish, with their review status."""
    today, soon = review_window(today)
    editable = page_policy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return (
        ArticlePage.objects.live()
        .filter(pk__in=editable.values("pk"))
        .annotate(
            next_review_due_on=F("last_review__next_review_due"),
            review_status=Case(
                # Live content that no review covers: a direct publish, a revert.
                When(
                    Q(last_review__isnull=False)
                    & ~Q(last_review__revision_id=F("live_revision_id")),
                    then=Value(Status.UNREVIEWED),
                ),
                When(last_review__isnull=True, then=Value(Status.UNREVIEWED)),
                When(next_review_due_on__lt=today, then=Value(Status.OVERDUE)),
                When(next_review_due_on__lte=soon, then=Value(Status.DUE_SOON)),
                default=Value(Status.CURRENT),
                output_field=CharField(),
            ),
        )
    )


def review_counts(user):
    today, soon = review_window()
    return reviewable_articles(user, today).aggregate(
        overdue=Count("pk", filter=Q(next_review_due_on__lt=today)),
        due_soon=Count(
            "pk", filter=Q(next_review_due_on__gte=today, next_review_due_on__lte=soon)
        ),
        unreviewed=Count("pk", filter=Q(review_status=Status.UNREVIEWED)),
    )


class ReviewsDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=Status.CHOICES,
        empty_label="Any status",
        method="filter_status",
    )
    medical_reviewer = django_filters.ModelChoiceFilter(
        label="Medical reviewer",
        empty_label="Any reviewer",
        queryset=lambda request: Person.objects.filter(is_medical_reviewer=True),
    )
    topic = django_filters.ModelChoiceFilter(
        label="Topic",
        empty_label="Any topic",
        field_name="topics",
        queryset=lambda request: Topic.objects.all(),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_status(self, queryset, name, value):
        if value == Status.IMPORTED:
            return queryset.filter(
                review_status=Status.UNREVIEWED, imported_awaiting_review=True
            )
        return queryset.filter(review_status=value) if value else queryset


class DateColumn(Column):
    """A calendar date as editors write it (5 Mar 2025), not "3 months ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return format_date(value, "j M Y") if value else ""


class ReviewsDueView(ReportView):
    page_title = "Reviews due"
    header_icon = "date"
    index_url_name = "articles_reviews:index"
    index_results_url_name = "articles_reviews:results"
    filterset_class = ReviewsDueFilterSet
    any_permission_required = REPORT_PERMISSIONS
    model = Page  # permissions are page permissions
    verbose_name_plural = "articles"
    columns = [
        TitleColumn("title", label="Article", url_name="wagtailadmin_pages:edit"),
        Column("author_names", label="Authors"),
        Column("reviewer_name", label="Medical reviewer"),
        DateColumn("last_reviewed_at", label="Last reviewed"),
        DateColumn("next_review_due", label="Next review due"),
        StatusTagColumn(
            "status_label",
            label="Status",
            primary=lambda page: page.review_status == Status.OVERDUE,
        ),
    ]
    list_export = [
        "title",
        "author_names",
        "reviewer_name",
        "last_reviewed_at",
        "next_review_due",
        "status_label",
    ]
    export_headings = {
        "title": "Article",
        "author_names": "Authors",
        "reviewer_name": "Medical reviewer",
        "last_reviewed_at": "Last reviewed",
        "next_review_due": "Next review due",
        "status_label": "Status",
    }

    def get_filename(self):
        return f"reviews-due-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        authors = ArticleAuthor.objects.select_related("person").order_by("sort_order")
        return (
            reviewable_articles(self.request.user)
            .annotate(
                # The live version is the import an administrator published unreviewed.
                imported_awaiting_review=Exists(
                    import_authorisations().filter(
                        revision_id=OuterRef("live_revision_id")
                    )
                )
            )
            .select_related("medical_reviewer", "last_review")
            .prefetch_related(Prefetch("authors", queryset=authors))
            # Overdue first; never-reviewed articles last, flagged as not reviewed.
            .order_by(F("next_review_due_on").asc(nulls_last=True), "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        # Decorated in place: the table already holds this same list of pages.
        for page in object_list:
            page.author_names = ", ".join(a.person.name for a in page.authors.all())
            page.reviewer_name = (
                page.medical_reviewer.name if page.medical_reviewer else ""
            )
            page.review = page.last_review  # already joined: no query per row
            imported = (
                page.review_status == Status.UNREVIEWED
                and page.imported_awaiting_review
            )
            page.status_label = Status.LABELS[
                Status.IMPORTED if imported else page.review_status
            ]
        return object_list


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reviews(request.user)


class ReviewsDuePanel(Component):
    """Dashboard counts of articles whose medical review is overdue or due soon."""

    name = "article_reviews"
    order = 230  # after the workflow panels (210, 220), before recent edits (250)
    template_name = "articles/admin/reviews_due_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        counts = review_counts(self.user)
        report = reverse("articles_reviews:index")
        return {
            "overdue": counts["overdue"],
            "due_soon": counts["due_soon"],
            "unreviewed": counts["unreviewed"],
            "unreviewed_url": f"{report}?status={Status.UNREVIEWED}",
            "due_soon_days": DUE_SOON_DAYS,
            "overdue_url": f"{report}?status={Status.OVERDUE}",
            "due_soon_url": f"{report}?status={Status.DUE_SOON}",
            "report_url": report,
        }


urlpatterns = [
    path("", ReviewsDueView.as_view(), name="index"),
    path("results/", ReviewsDueView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_reviews_due_urls():
    return [
        path(
            "reports/reviews-due/",
            include((urlpatterns, "articles_reviews"), namespace="articles_reviews"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due",
        reverse("articles_reviews:index"),
        name="reviews-due",
        icon_name="date",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if can_see_reviews(request.user):
        panels.append(ReviewsDuePanel(request.user))


@hooks.register("construct_explorer_page_queryset")
def explorer_knows_review_state(parent_page, pages, request):
    """Each row's "not medically reviewed" status without a query per article."""
    return with_reviewed_revision(pages)
