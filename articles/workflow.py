"""The Medical review workflow: an editorial review, then a clinician's approval.

Finishing it records the review (articles.reviews) and publishes what was approved
(WAGTAIL_FINISH_WORKFLOW_ACTION, articles.review_finish).
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .reviews import NOT_A_REVIEWER, ReviewRefused, reviewer_person

WORKFLOW = "Medical review"
MEDICAL_REVIEWERS = "Medical reviewers"
# (task, the group that approves it), in order; as migrations 0006 and 0010 create them.
TASKS = (("Editorial review", "Moderators"), ("Medical review", MEDICAL_REVIEWERS))


class MedicalReviewTask(GroupApprovalTask):
    """A group approval that counts only from a medical reviewer linked to a Person."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if reviewer_person(user) is None:
            # Offer "Request changes" only: an approval would be refused.
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and reviewer_person(user) is None:
            raise ReviewRefused(NOT_A_REVIEWER)
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        verbose_name = "medical review task"


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
        task_types = {MEDICAL_REVIEWERS: MedicalReviewTask}
        for order, (name, group) in enumerate(TASKS):
            task_type = task_types.get(group, GroupApprovalTask)
            task, _ = task_type.objects.get_or_create(name=name)
            task.groups.set([Group.objects.get_or_create(name=group)[0]])
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
    return workflow


def assign_medical_review(section):
    """Put `section` and the pages below it through the Medical review workflow.

    Medical reviewers may edit there, to fix what they find. Nobody but an
    administrator publishes articles directly: the workflow publishes on approval.
    """
    workflow = medical_review_workflow()
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    GroupPagePermission.objects.get_or_create(
        group=reviewers,
        page=section,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    return workflow
