"""The medical review workflow: approving the Medical review task stamps the article."""

import calendar
import datetime
import logging

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import task_approved

logger = logging.getLogger(__name__)

WORKFLOW = "Medical review"
MEDICAL_REVIEWERS = "Medical reviewers"
# (task, the group that approves it), in order; as migration 0006 creates them.
TASKS = (("Editorial review", "Moderators"), ("Medical review", MEDICAL_REVIEWERS))
REVIEW_LOG_ACTION = "articles.medical_review"


def today():
    """The local date; tests move it to see reviews fall due."""
    return timezone.localdate()


def add_months(date, months):
    """`date` moved on by calendar months; 31 January + 1 month is 28 or 29 February."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def is_medical_review(task):
    """Whether `task` is a clinician's approval: a group task for Medical reviewers."""
    return (
        isinstance(task, GroupApprovalTask)
        and task.groups.filter(name=MEDICAL_REVIEWERS).exists()
    )


def reviewer_for(user, article):
    """The approver's Person, or the article's named medical reviewer."""
    try:
        return user.person
    except (AttributeError, ObjectDoesNotExist):
        return article.medical_reviewer


def next_review_due(article, reviewed_on):
    """The review date plus the review interval, unless an editor has chosen a sooner date.

    A stored date counts as the editor's choice when it is still ahead, sooner than
    the default, and not the date the previous approval set.
    """
    default = add_months(reviewed_on, article.review_interval_months)
    chosen = article.next_review_due
    previous = (
        add_months(article.last_reviewed_at, article.review_interval_months)
        if article.last_reviewed_at
        else None
    )
    if chosen and reviewed_on < chosen < default and chosen != previous:
        return chosen
    return default


def stamp_revision(revision, reviewer, reviewed_on):
    """Record the review in a revision's stored content; returns the stamped fields."""
    article = revision.as_object()
    fields = {
        "last_reviewed_at": reviewed_on,
        "last_reviewed_by_id": reviewer.pk if reviewer else None,
        "next_review_due": next_review_due(article, reviewed_on),
    }
    revision.content.update(
        last_reviewed_at=reviewed_on.isoformat(),
        last_reviewed_by=fields["last_reviewed_by_id"],
        next_review_due=fields["next_review_due"].isoformat(),
    )
    revision.save(update_fields=["content"])
    return fields


@transaction.atomic
def record_medical_review(sender, instance, user, **kwargs):
    """Stamp reviewer and dates on the approved revision, and on the page if it is live.

    Wagtail sends task_approved after the workflow has moved on, so when this is the
    last task the revision is already published: the page's own columns are updated
    too, and so is any newer revision, which is what a later publish would carry.
    """
    from .models import ArticlePage

    task_state = instance
    if not is_medical_review(task_state.task.specific):
        return
    page = task_state.workflow_state.content_object
    if not isinstance(page.specific, ArticlePage):
        return
    article = ArticlePage.objects.get(pk=page.pk)
    reviewed_on = today()
    reviewer = reviewer_for(user, article)

    revision = task_state.revision
    stamped = {revision.pk: stamp_revision(revision, reviewer, reviewed_on)}
    latest = article.get_latest_revision()
    if latest is not None and latest.pk not in stamped:
        stamped[latest.pk] = stamp_revision(latest, reviewer, reviewed_on)
    if article.live_revision_id in stamped:
        ArticlePage.objects.filter(pk=article.pk).update(
            **stamped[article.live_revision_id]
        )

    due = stamped[revision.pk]["next_review_due"]
    log(
        instance=article,
        action=REVIEW_LOG_ACTION,
        user=user,
        revision=revision,
        data={
            "reviewer": reviewer.name if reviewer else "",
            "reviewed": reviewed_on.isoformat(),
            "next_review_due": due.isoformat(),
        },
    )
    logger.info(
        "Medical review of %s (page %s) approved by %s; next review due %s",
        article.title,
        article.pk,
        reviewer or user,
        due,
    )


def connect():
    # The sender is the task state's class (TaskState for group approval tasks).
    task_approved.connect(
        record_medical_review,
        dispatch_uid="articles_record_medical_review",
    )


def medical_review_workflow():
    """The Medical review workflow, made again as migration 0006 makes it if missing.

    A flushed database (live-server tests) loses what migrations created.
    """
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    if created:
        reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
        reviewers.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=["wagtailadmin", "articles"],
                codename__in=["access_admin", "view_person"],
            )
        )
        for order, (name, group) in enumerate(TASKS):
            task, _ = GroupApprovalTask.objects.get_or_create(name=name)
            task.groups.set([Group.objects.get_or_create(name=group)[0]])
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
    return workflow


def assign_medical_review(section):
    """Put `section` and the pages below it through the Medical review workflow.

    Medical reviewers may edit there, to fix what they find, and publish: Wagtail
    publishes as the user who approves the last task, and checks their permission.
    """
    workflow = medical_review_workflow()
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=reviewers,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return workflow
