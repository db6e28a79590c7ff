"""Who may publish reviewed pages directly: administrators only; everyone else goes
through the Medical review workflow. Answers the editor asks several times over (which
workflow applies, whether the page may be deleted) are looked up once per page object."""

from django.conf import settings

from wagtail.models import PagePermissionTester, WorkflowPage

_UNKNOWN = object()


def active_workflow(page):
    """The active workflow on `page` or its nearest ancestor, or None.

    Wagtail's Page.has_workflow and get_workflow() ask the database on every call, and
    the editor makes six such calls for one page; the answer is kept on the page object,
    which the edit view loads afresh for each request.
    """
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    if page.pk is None:
        return page.get_workflow()
    workflow = page.__dict__.get("_active_workflow", _UNKNOWN)
    if workflow is _UNKNOWN:
        steplen = page.steplen
        paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
        assigned = (
            WorkflowPage.objects.filter(page__path__in=paths, workflow__active=True)
            .select_related("workflow")
            .order_by("-page__depth")
            .first()
        )
        workflow = page.__dict__["_active_workflow"] = assigned and assigned.workflow
    return workflow


class ReviewedSectionPermissionTester(PagePermissionTester):
    """Only administrators publish directly; everyone else goes through the workflow."""

    def can_publish_subpage(self):
        return self.user.is_active and self.user.is_superuser


class ReviewedPagePermissionTester(ReviewedSectionPermissionTester):
    def can_publish(self):
        return self.can_publish_subpage()

    def can_delete(self, ignore_bulk=False):
        # The editor's Move and Delete buttons each ask, on testers of their own. With
        # no pages below it, the answer is the same for both: kept on the page object.
        if not self.page.is_leaf() or self.page.pk is None:
            return super().can_delete(ignore_bulk)
        answers = self.page.__dict__.setdefault("_can_delete", {})
        if self.user.pk not in answers:
            answers[self.user.pk] = super().can_delete(ignore_bulk)
        return answers[self.user.pk]

    def can_submit_for_moderation(self):
        return (
            not self.page_locked()
            and active_workflow(self.page) is not None
            and not self.page.workflow_in_progress
        )


class ReviewedSectionMixin:
    """A section whose new pages are reviewed pages: only administrators publish them."""

    def permissions_for_user(self, user):
        return ReviewedSectionPermissionTester(user, self)
