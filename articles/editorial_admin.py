"""Admin for people, problem reports and the medical review workflow."""

from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import DateColumn
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .editorial import ProblemReport
from .people import Person
from .review_permissions import active_workflow
from .reviews import REVIEW_LOG_ACTION, MedicalReview


class ProblemReportPermissionPolicy(ModelPermissionPolicy):
    """Reports come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """An audit record: viewed, never added, changed or deleted in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


# Registered before any view asks for the model's policy.
register_permission_policy(ProblemReport, ProblemReportPermissionPolicy(ProblemReport))


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "credentials", "is_medical_reviewer", "user"]
    list_filter = ["is_medical_reviewer"]
    search_fields = ["name", "role", "credentials"]
    search_backend_name = None  # a short list: plain database matching is enough
    copy_view_enabled = False


class ProblemReportViewSet(SnippetViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = "Problem reports"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["article", DateColumn("created_at", label="Reported"), "status"]
    list_filter = ["status"]
    search_fields = ["message"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("status"),
        FieldPanel("article", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
    ]

    def get_queryset(self, request):
        return ProblemReport.objects.select_related("article")


class MedicalReviewViewSet(SnippetViewSet):
    """The review record: read-only, written only by approvals in the workflow."""

    model = MedicalReview
    icon = "tick-inverse"
    menu_label = "Medical reviews"
    menu_order = 215
    add_to_admin_menu = True
    list_display = [
        "article",
        "reviewer",
        DateColumn("reviewed_on", label="Reviewed"),
        DateColumn("next_review_due", label="Next review due"),
        "comment",
    ]
    list_filter = ["reviewer"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "article",
        "revision",
        "reviewer",
        "user",
        "reviewed_on",
        "next_review_due",
        "comment",
        "created_at",
    ]

    def get_queryset(self, request):
        return MedicalReview.objects.select_related("article", "reviewer")


register_permission_policy(MedicalReview, ReadOnlyPermissionPolicy(MedicalReview))
register_snippet(PersonViewSet)
register_snippet(ProblemReportViewSet)
register_snippet(MedicalReviewViewSet)


@hooks.register("register_log_actions")
def register_medical_review_log_action(actions):
    @actions.register_action(REVIEW_LOG_ACTION)
    class MedicalReviewFormatter(LogFormatter):
        label = "Medical review recorded"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return (
                f"Medically reviewed by {data.get('reviewer') or 'an unnamed reviewer'}"
                f" on {data.get('reviewed', '?')}; next review due "
                f"{data.get('next_review_due', '?')}"
            )


class SubmitToWorkflowMenuItem(SubmitForModerationMenuItem):
    """The "Submit to Medical review" item, naming the workflow already looked up."""

    def get_context_data(self, parent_context):
        page = parent_context.get("page")
        state = page.current_workflow_state if page is not None else None
        if (
            page is None
            or page.pk is None
            or (state and state.status == state.STATUS_NEEDS_CHANGES)
        ):
            return super().get_context_data(parent_context)
        # The parent class asks the database for the workflow again, in four queries.
        context = ActionMenuItem.get_context_data(self, parent_context)
        workflow = active_workflow(page)
        if workflow:
            context["label"] = _("Submit to %(workflow_name)s") % {
                "workflow_name": workflow.name
            }
        return context


@hooks.register("construct_page_action_menu")
def name_the_workflow_without_asking_again(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitToWorkflowMenuItem(order=item.order)
