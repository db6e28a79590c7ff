"""The dashboard panel telling moderators what waits for them."""

from django_comments_xtd.models import XtdComment

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .states import FLAGGED, HELD, filter_by_state


class ModerationQueuePanel(Component):
    name = "comment_moderation"
    template_name = "article_comments/admin/moderation_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        # Two counts that read only what waits (the held comments' index, the flags),
        # where one count over every comment would grow with the site.
        comments = XtdComment.objects.order_by()
        index_url = reverse("article_comments:list")
        return {
            "held": filter_by_state(comments, HELD).count(),
            "flagged": filter_by_state(comments, FLAGGED).count(),
            "held_url": f"{index_url}?state={HELD}",
            "flagged_url": f"{index_url}?state={FLAGGED}",
        }
