"""Medical reviews: one record per approval, and what an article knows of its last one.

A review names the revision the clinician approved. Revisions themselves are never
changed: whether readers see a "Medically reviewed" stamp depends on whether the live
revision is the reviewed one.
"""

import calendar
import datetime
import logging
from contextlib import nullcontext

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.log_actions import LogContext, get_active_log_context, log
from wagtail.models import PagePermissionTester

from . import publishing

logger = logging.getLogger(__name__)

REVIEW_LOG_ACTION = "articles.medical_review"
NOT_A_REVIEWER = (
    "Only a medical reviewer can approve the medical review: ask an administrator to "
    "link your account to your entry under People, with “medical reviewer” ticked."
)


def today():
    """The local date; tests move it to see reviews fall due."""
    return timezone.localdate()


def add_months(date, months):
    """`date` moved on by calendar months; 31 January + 1 month is 28 or 29 February."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


class ReviewRefused(PermissionDenied):
    """An approval that cannot count as a medical review."""


def reviewer_person(user):
    """The medical reviewer Person linked to `user`, or None."""
    try:
        person = user.person
    except (AttributeError, ObjectDoesNotExist):
        return None
    return person if person.is_medical_reviewer else None


class MedicalReview(models.Model):
    """A clinician's approval of one revision of an article. Never edited afterwards."""

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="reviews"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The version of the article the reviewer approved.",
    )
    reviewer = models.ForeignKey(
        "articles.Person", on_delete=models.PROTECT, related_name="reviews"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account that gave the approval.",
    )
    task_state = models.OneToOneField(
        "wagtailcore.TaskState",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The workflow task the approval closed; one review per approval.",
    )
    reviewed_on = models.DateField()
    next_review_due = models.DateField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self):
        return f"{self.article.title}: reviewed by {self.reviewer.name} on {self.reviewed_on:%-d %B %Y}"


@transaction.atomic
def record_review(
    article, revision, user, *, comment="", task_state=None, reviewed_on=None
):
    """Record `user`'s medical review of `revision`; the article's last review is this one.

    `reviewed_on` is for bringing in reviews done elsewhere; approvals are dated today.
    """
    reviewer = reviewer_person(user)
    if reviewer is None:
        raise ReviewRefused(NOT_A_REVIEWER)
    reviewed_on = reviewed_on or today()
    approved = revision.as_object()
    review = MedicalReview.objects.create(
        article_id=article.pk,
        revision=revision,
        reviewer=reviewer,
        user=user,
        task_state=task_state,
        reviewed_on=reviewed_on,
        next_review_due=add_months(reviewed_on, approved.review_interval_months),
        comment=comment,
    )
    # A queryset update: the article's own row, never its revisions.
    type(article).objects.filter(pk=article.pk).update(last_review=review)
    article.last_review = review
    log(
        instance=article,
        action=REVIEW_LOG_ACTION,
        user=user,
        revision=revision,
        data={
            "reviewer": reviewer.name,
            "reviewed": reviewed_on.isoformat(),
            "next_review_due": review.next_review_due.isoformat(),
            "review": review.pk,
        },
    )
    logger.info(
        "Medical review of %s (page %s, revision %s) by %s; next review due %s",
        article.title,
        article.pk,
        revision.pk,
        reviewer.name,
        review.next_review_due,
    )
    return review


def record_workflow_review(workflow_state, user):
    """On finishing a workflow, record the medical approval it holds, if any."""
    from wagtail.models import TaskState

    from .workflow import MedicalReviewTask

    page = workflow_state.content_object.specific
    if not isinstance(page, MedicallyReviewedMixin):
        return None
    approval = (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            task__in=MedicalReviewTask.objects.all(),
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    if approval is None:
        return None
    return record_review(
        page,
        page.get_latest_revision(),
        approval.finished_by,
        comment=approval.comment,
        task_state=approval,
    )


class MedicallyReviewedMixin(models.Model):
    """A page that reaches readers only after a recorded medical review."""

    last_review = models.ForeignKey(
        MedicalReview,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="How long a medical review stays current: 12 months at most; shorten it "
        "for fast-moving topics. The next review date is set when a reviewer approves.",
    )

    # Review state belongs to the page, not to its versions: kept out of revisions
    # and of copies.
    exclude_fields_in_copy = ["last_review"]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """The publishing gate: every route to "live" ends in this save.

        Wagtail's edit view publishes through its action class, not publish(), so
        the check sits where the live revision changes rather than in publish().
        """
        if self._state.adding and self.live:
            # A page never starts life live (a copy with "publish copies" would).
            self.live, self.has_unpublished_changes = False, True
        if not self.live:
            self.live_revision = None
        if not self._state.adding:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("live", "live_revision_id", "last_review_id")
                .first()
            ) or {}
            # last_review is written by record_review() alone: a save of a page
            # loaded before the review (as publishing does) must not undo it.
            self.last_review_id = stored.get("last_review_id")
            update_fields = kwargs.get("update_fields")
            going_live = (
                self.live
                and self.live_revision_id is not None
                and (
                    update_fields is None
                    or {"live", "live_revision"} & set(update_fields)
                )
                and (
                    not stored.get("live")
                    or stored.get("live_revision_id") != self.live_revision_id
                )
            )
            if going_live:
                publishing.check(self.live_revision, get_active_log_context().user)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.last_review_id = self.last_review_id
        return page

    @cached_property
    def review(self):
        """The last medical review, with its reviewer."""
        if self.last_review_id is None:
            return None
        return (
            MedicalReview.objects.select_related("reviewer")
            .filter(pk=self.last_review_id)
            .first()
        )

    @property
    def last_reviewed_at(self):
        return self.review.reviewed_on if self.review else None

    @property
    def last_reviewed_by(self):
        return self.review.reviewer if self.review else None

    @property
    def next_review_due(self):
        return self.review.next_review_due if self.review else None

    @property
    def live_content_reviewed(self):
        """Whether readers see exactly what the last medical review approved."""
        return bool(
            self.review
            and self.live_revision_id
            and self.review.revision_id == self.live_revision_id
        )

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < today())

    @transaction.atomic
    def publish(self, revision, user=None, log_action=True, **kwargs):
        """Publish, with `user` known to the gate in save(); a refusal changes nothing."""
        try:
            with LogContext(user=user) if user else nullcontext():
                return super().publish(
                    revision, user=user, log_action=log_action, **kwargs
                )
        except publishing.PublishingRefused as refusal:
            if log_action != "wagtail.publish.scheduled":
                raise
            # The scheduler publishes many pages in one run: refuse this one, loudly.
            transaction.set_rollback(True)
            logger.error(
                "Scheduled publishing of %s (page %s) refused: %s",
                self.title,
                self.pk,
                refusal,
            )
            return None

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)

    @property
    def status_string(self):
        status = super().status_string
        if self.live and not self.live_content_reviewed:
            return f"{status}, not medically reviewed"
        return status


class ReviewedSectionPermissionTester(PagePermissionTester):
    """Only administrators publish directly; everyone else goes through the workflow."""

    def can_publish_subpage(self):
        return self.user.is_active and self.user.is_superuser


class ReviewedPagePermissionTester(ReviewedSectionPermissionTester):
    def can_publish(self):
        return self.can_publish_subpage()


class ReviewedSectionMixin:
    """A section whose new pages are reviewed pages: only administrators publish them."""

    def permissions_for_user(self, user):
        return ReviewedSectionPermissionTester(user, self)
