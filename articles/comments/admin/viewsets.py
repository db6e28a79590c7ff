"""The Comments area of the admin and the blocked terms snippet."""

from django_comments_xtd.models import XtdComment

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.views.generic import RedirectView

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import ids  # noqa: F401 (registers the comment_id converter)
from ..models import BlockedTerm
from .bulk_actions import COMMENT_BULK_ACTIONS
from .filters import SEARCH_FIELDS, CommentFilterSet
from .permissions import can_moderate_permissions
from .views import (
    CommentHistoryView,
    CommentIndexView,
    CommentInspectView,
    ModerateView,
)


class CommentURLFinder(ModelAdminURLFinder):
    """Comments are read, not edited: history and reports link to the comment's page."""

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if self.user and not policy.user_has_permission(self.user, "view"):
            return None
        return reverse("article_comments:inspect", args=[quote(instance.pk)])


class CommentViewSet(SnippetViewSet):
    model = XtdComment
    icon = "comment"
    menu_label = "Comments"
    menu_name = "comments"
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "comments"
    url_namespace = "article_comments"
    # Nothing refers to a comment; indexing them would cost a query per comment saved.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    history_view_class = CommentHistoryView
    index_template_name = "article_comments/admin/comments/index.html"
    index_results_template_name = "article_comments/admin/comments/index_results.html"
    inspect_template_name = "article_comments/admin/comments/inspect.html"
    filterset_class = CommentFilterSet
    search_fields = SEARCH_FIELDS
    search_backend_name = None
    ordering = "-submit_date"
    list_per_page = 30
    url_finder_class = CommentURLFinder
    # XtdComment's pk is its parent link, which Wagtail would match as any string.
    pk_path_converter = "comment_id"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            url_namespace=self.url_namespace, **kwargs
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            bulk_action_classes=COMMENT_BULK_ACTIONS, **kwargs
        )

    def get_urlpatterns(self):
        # Comments come from readers and say what they wrote: no add, edit or delete.
        # Wagtail's generic views still link to "edit"; it shows the comment instead.
        kept = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in {"add", "edit", "delete", "usage"}
        ]
        return [
            *kept,
            path(
                "edit/<comment_id:pk>/",
                RedirectView.as_view(pattern_name=self.get_url_name("inspect")),
                name="edit",
            ),
            *(
                path(
                    f"{action}/<comment_id:pk>/",
                    self.construct_view(ModerateView, action=action),
                    name=action,
                )
                for action in ModerateView.operations
            ),
        ]

    def get_permissions_to_register(self):
        # Offer the real moderation permission in the group editor, not xtd's
        # add/change/delete, which nothing here uses.
        return can_moderate_permissions()

    def register_chooser_viewset(self):
        # No chooser: it would list unmoderated comments without a permission check.
        pass


class BlockedTermViewSet(SnippetViewSet):
    model = BlockedTerm
    icon = "cross"
    menu_label = "Blocked terms"
    menu_name = "blocked-terms"
    add_to_settings_menu = True
    url_prefix = "blocked-terms"
    url_namespace = "article_comments_blocked_terms"
    list_display = ["term", "kind", "action"]
    list_filter = ["kind", "action"]
    # Substring search over a short list: "pharm" finds "online-pharmacy.example".
    search_fields = ["term", "note"]
    search_backend_name = None
    ordering = "term"
    copy_view_enabled = False
