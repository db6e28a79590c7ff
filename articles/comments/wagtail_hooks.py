"""Comments in the Wagtail admin: moderation queue, dashboard panel, blocked terms."""

from django_comments_xtd.models import XtdComment

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import decisions
from .admin.bulk_actions import COMMENT_BULK_ACTIONS
from .admin.panels import ModerationQueuePanel
from .admin.permissions import CommentModerationPolicy
from .admin.viewsets import BlockedTermViewSet, CommentViewSet

# Registered before anything asks for XtdComment's policy, or Wagtail makes a
# fallback from xtd's unused add/change/delete permissions.
comment_policy = CommentModerationPolicy(XtdComment)
register_permission_policy(XtdComment, comment_policy)

register_snippet(CommentViewSet())
register_snippet(BlockedTermViewSet())

for bulk_action in COMMENT_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if comment_policy.user_has_permission(request.user, "view"):
        panels.append(ModerationQueuePanel())


@hooks.register("register_log_actions")
def register_moderation_log_actions(registry):
    registry.register_action(decisions.APPROVE, "Approve comment", "Approved")
    registry.register_action(decisions.REMOVE, "Remove comment", "Removed")
    registry.register_action(decisions.SPAM, "Mark comment as spam", "Removed as spam")
