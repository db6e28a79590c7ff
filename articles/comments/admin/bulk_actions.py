"""Approve, remove and mark as spam for many comments at once."""

from django_comments_xtd.models import XtdComment

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_list_or_404
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import decisions
from ..ids import parse_id
from .filters import SEARCH_FIELDS, CommentFilterSet
from .states import with_moderation_state


class CommentBulkAction(SnippetBulkAction):
    models = [XtdComment]
    template_name = "article_comments/admin/comments/confirm_bulk_action.html"
    operation = None
    question = ""
    button_label = ""
    done_message = ("%(count)d comment", "%(count)d comments")

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "moderate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission(self.request.user, "moderate")

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [pk for pk in map(parse_id, object_ids) if pk is not None]
        return get_list_or_404(
            with_moderation_state(XtdComment.objects.all()), pk__in=ids
        )

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" means all comments the listing shows (its filters and search),
        # never every comment on the site.
        filters = CommentFilterSet(
            data=self.request.GET,
            queryset=with_moderation_state(XtdComment.objects.all()),
            request=self.request,
        )
        if not filters.is_valid():
            return XtdComment.objects.none().values_list("pk", flat=True)
        queryset = filters.qs
        query = self.request.GET.get("q", "").strip()
        if query:
            condition = Q()
            for field in SEARCH_FIELDS:
                condition |= Q(**{f"{field}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset.values_list("pk", flat=True)

    def object_context(self, comment):
        return {"item": comment, "name": comment.name, "text": comment.comment}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question": self.question,
            "action_button_text": self.button_label,
        }

    @classmethod
    def execute_action(cls, objects, **kwargs):
        view = kwargs["self"]
        return cls.operation(objects, view.request.user, view.request), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        singular, plural = self.done_message
        return ngettext(singular, plural, num_parent_objects) % {
            "count": num_parent_objects
        }


class ApproveBulkAction(CommentBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    operation = staticmethod(decisions.approve)
    question = "Approve these comments? They will be public."
    button_label = "Yes, approve"
    done_message = ("%(count)d comment approved.", "%(count)d comments approved.")


class RemoveBulkAction(CommentBulkAction):
    display_name = "Remove"
    action_type = "remove"
    aria_label = "Remove selected comments"
    action_priority = 20
    operation = staticmethod(decisions.remove)
    question = "Remove these comments? Readers will see “This comment was removed”."
    button_label = "Yes, remove"
    done_message = ("%(count)d comment removed.", "%(count)d comments removed.")


class SpamBulkAction(CommentBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Remove selected comments as spam"
    action_priority = 30
    operation = staticmethod(decisions.mark_spam)
    question = "Remove these comments as spam?"
    button_label = "Yes, mark as spam"
    classes = {"serious"}
    done_message = (
        "%(count)d comment removed as spam.",
        "%(count)d comments removed as spam.",
    )


COMMENT_BULK_ACTIONS = (ApproveBulkAction, RemoveBulkAction, SpamBulkAction)
