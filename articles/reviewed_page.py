"""MedicallyReviewedMixin: a page that reaches readers only after a medical review.

Review state belongs to the page, not to its revisions (see reviews.py): the page
points at its last review, and is "reviewed" while its live revision is the one a
clinician approved.
"""

import logging
from contextlib import nullcontext

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.functional import cached_property

from wagtail.log_actions import LogContext, get_active_log_context
from wagtail.models import Page

from . import publishing, reviews
from .review_permissions import ReviewedPagePermissionTester
from .reviews import MedicalReview

logger = logging.getLogger(__name__)

# The revision the last medical review approved, as a listing annotates it per row.
REVIEWED_REVISION = "reviewed_revision_pk"


def with_reviewed_revision(pages):
    """`pages` knowing each article's reviewed revision, as Page rows or articles.

    A listing that shows whether each live article is reviewed would otherwise read
    each article's review in a query of its own.
    """
    if issubclass(pages.model, MedicallyReviewedMixin):
        last_review = "last_review_id"
    elif pages.model is Page:
        last_review = "articlepage__last_review_id"  # the one reviewed page type
    else:
        return pages
    reviewed = MedicalReview.objects.filter(pk=models.OuterRef(last_review))
    return pages.annotate(
        **{REVIEWED_REVISION: models.Subquery(reviewed.values("revision_id")[:1])}
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
        if REVIEWED_REVISION in self.__dict__:  # annotated by with_reviewed_revision()
            reviewed_revision_id = self.__dict__[REVIEWED_REVISION]
        else:
            reviewed_revision_id = self.review.revision_id if self.review else None
        return bool(
            reviewed_revision_id and reviewed_revision_id == self.live_revision_id
        )

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < reviews.today())

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
