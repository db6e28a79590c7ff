"""Columns of the comments listing."""

from django.contrib.admin.utils import quote
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.text import Truncator

from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn

from .states import FLAGGED, HELD, PUBLIC, REMOVED, SPAM, state_of

EXCERPT_LENGTH = 120
ACTION_LABELS = {"approve": "Approve", "remove": "Remove", "spam": "Mark as spam"}


def title_id(comment):
    """Id of the excerpt, which the row's checkbox and buttons refer to."""
    return f"snippet_{quote(comment.pk)}_title"


def article_links(article, request):
    """The live URL (None unless the page is live) and the admin edit URL."""
    if article is None or not hasattr(article, "get_url"):
        return None, None
    live_url = article.get_url(request) if article.live else None
    return live_url, reverse("wagtailadmin_pages:edit", args=[article.pk])


def available_actions(comment):
    """The moderation actions that would change this comment, in display order."""
    state, _label = state_of(comment)
    actions = []
    if state in (HELD, FLAGGED, REMOVED, SPAM):
        actions.append("approve")
    if state in (HELD, PUBLIC, FLAGGED):
        actions.append("remove")
    if state != SPAM:
        actions.append("spam")
    return actions


class ExcerptColumn(TitleColumn):
    def __init__(self, inspect_url_name, **kwargs):
        super().__init__(
            "comment",
            label="Comment",
            accessor=lambda c: Truncator(c.comment).chars(EXCERPT_LENGTH),
            get_url=lambda c: reverse(inspect_url_name, args=[quote(c.pk)]),
            get_title_id=title_id,
            **kwargs,
        )


class ArticleColumn(BaseColumn):
    cell_template_name = "article_comments/admin/comments/article_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        article = instance.content_object
        context["article"] = article
        context["live_url"], context["edit_url"] = article_links(
            article, parent_context.get("request")
        )
        return context


class StateColumn(Column):
    cell_template_name = "article_comments/admin/comments/state_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"], context["state_label"] = state_of(instance)
        return context


class ActionsColumn(BaseColumn):
    """Approve / remove / spam as POST forms, returning to the listing as it was."""

    cell_template_name = "article_comments/admin/comments/actions_cell.html"

    def __init__(self, name, *, url_name, next_url, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.next_url = next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["actions"] = [
            {
                "name": action,
                "label": ACTION_LABELS[action],
                "url": reverse(self.url_name(action), args=[quote(instance.pk)]),
            }
            for action in available_actions(instance)
        ]
        context["next_url"] = self.next_url
        # Cell templates render without the request context, so without a token.
        context["csrf_token"] = get_token(parent_context["request"])
        context["title_id"] = title_id(instance)
        return context
