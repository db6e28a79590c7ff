"""The dashboard panel telling moderators what waits for them."""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.db.models import Count, Q
from django.urls import reverse

from wagtail.admin.ui.components import Component

from .states import FLAGGED, HELD


class ModerationQueuePanel(Component):
    name = "comment_moderation"
    template_name = "article_comments/admin/moderation_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        # One query, however many comments wait.
        counts = XtdComment.objects.aggregate(
            held=Count(
                "pk", filter=Q(is_public=False, is_removed=False), distinct=True
            ),
            flagged=Count(
                "pk",
                filter=Q(
                    is_public=True,
                    is_removed=False,
                    flags__flag=CommentFlag.SUGGEST_REMOVAL,
                ),
                distinct=True,
            ),
        )
        index_url = reverse("article_comments:list")
        return {
            "held": counts["held"],
            "flagged": counts["flagged"],
            "held_url": f"{index_url}?state={HELD}",
            "flagged_url": f"{index_url}?state={FLAGGED}",
        }
