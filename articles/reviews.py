"""Medical reviews: one record per approval, and what an article knows of its last one.

A review names the revision the clinician approved. Revisions themselves are never
changed: whether readers see a "Medically reviewed" stamp depends on whether the live
revision is the reviewed one.
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models, transaction

from wagtail.log_actions import log

from home import clock

logger = logging.getLogger(__name__)

REVIEW_LOG_ACTION = "articles.medical_review"
NOT_A_REVIEWER = (
    "Only a medical reviewer can approve the medical review: ask an administrator to "
    "link your account to your entry under People, with “medical reviewer” ticked."
)


def today():
    """The local date; tests move it to see reviews fall due."""
    return clock.today()


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

    from .reviewed_page import MedicallyReviewedMixin  # which imports this module
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
