"""Who may moderate comments: holders of django_comments' own can_moderate permission."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from wagtail.permission_policies import BasePermissionPolicy

from ..decisions import MODERATE_APP_LABEL, MODERATE_CODENAME, MODERATE_PERMISSION

# Comments come from readers and say what readers wrote: there is no "add", "change"
# or "delete" here. Moderators "view" the queue and "moderate" (approve, remove, spam).
MODERATOR_ACTIONS = frozenset({"view", "moderate"})


def can_moderate_permissions():
    return Permission.objects.filter(
        content_type__app_label=MODERATE_APP_LABEL, codename=MODERATE_CODENAME
    )


class CommentModerationPolicy(BasePermissionPolicy):
    """Every admin view of comments checks the real can_moderate label."""

    def user_has_permission(self, user, action):
        return (
            action in MODERATOR_ACTIONS
            and user.is_active
            and user.has_perm(MODERATE_PERMISSION)
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not MODERATOR_ACTIONS.intersection(actions):
            return users.none()
        permissions = can_moderate_permissions()
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permissions)
            | Q(groups__permissions__in=permissions)
        ).distinct()
