"""The comments listing, one comment's page, and the approve / remove / spam actions."""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from home.next_url import local_path

from .. import decisions
from ..models import BlockedTerm
from .columns import (
    ACTION_LABELS,
    ActionsColumn,
    ArticleColumn,
    ExcerptColumn,
    StateColumn,
    article_links,
    available_actions,
)
from .pagination import CappedPaginator
from .states import state_of, with_moderation_state


def comments_queryset():
    """Comments with what the state column, filters and article column need."""
    return with_moderation_state(XtdComment.objects.all())


class CommentIndexView(snippet_views.IndexView):
    page_title = "Comments"
    url_namespace = None
    bulk_action_classes = ()
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return comments_queryset().prefetch_related("content_object")

    @cached_property
    def filter_errors(self):
        """What is wrong with the filters in the query string, for the moderator."""
        if self.filters is None or self.filters.is_valid():
            return []
        return [error for errors in self.filters.errors.values() for error in errors]

    def filter_queryset(self, queryset):
        # A bad filter lists nothing and says why, rather than every comment.
        if self.filter_errors:
            return queryset.none()
        return super().filter_queryset(queryset)

    def order_queryset(self, queryset):
        # Newest first by default; the pk keeps pages stable between equal dates.
        return queryset.order_by(self.ordering or "-submit_date", "-pk")

    @cached_property
    def listing_url(self):
        """The full listing as it stands, for actions to return to."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url

    @cached_property
    def no_results_message(self):
        if self.filter_errors:
            return " ".join(self.filter_errors)
        if not (self.is_searching or self.is_filtering):
            return "No comments are waiting for moderation."
        return super().no_results_message

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            ExcerptColumn(f"{self.url_namespace}:inspect"),
            Column("name", label="Author"),
            Column("email", label="Email"),
            ArticleColumn("article", label="Article"),
            DateColumn("submit_date", label="Date", sort_key="submit_date"),
            StateColumn("state", label="State"),
            ActionsColumn(
                "actions",
                label="Actions",
                url_name=lambda action: f"{self.url_namespace}:{action}",
                next_url=self.listing_url,
            ),
        ]

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        policy = policy_registry.get_by_type(BlockedTerm)
        if policy.user_has_any_permission(
            self.request.user, {"add", "change", "delete"}
        ):
            buttons.append(
                Button(
                    "Blocked terms",
                    url=reverse(BlockedTerm.snippet_viewset.get_url_name("list")),
                    icon_name="cross",
                    priority=10,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only this feature's bulk actions: the snippets' generic "Delete" is not one.
        context["comment_bulk_actions"] = [
            ListingButton(
                action.display_name,
                reverse(
                    "wagtail_bulk_action",
                    args=[
                        XtdComment._meta.app_label,
                        XtdComment._meta.model_name,
                        action.action_type,
                    ],
                ),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in self.bulk_action_classes
        ]
        return context


class CommentInspectView(snippet_views.InspectView):
    """Everything a moderator needs to decide, and the decision."""

    page_title = "Comment"
    url_namespace = None
    labels = {
        "comment": "Comment",
        "name": "Author",
        "email": "Email",
        "url": "Website",
        "article": "Article",
        "submit_date": "Date",
        "ip_address": "IP address",
        "state": "State",
        "reply_to": "In reply to",
        "flags": "Flagged by",
    }

    def get_object(self, queryset=None):
        return get_object_or_404(
            comments_queryset().prefetch_related("content_object"), pk=self.pk
        )

    def get_fields(self):
        return list(self.labels)

    def get_field_label(self, field_name, field):
        return self.labels[field_name]

    def get_comment_display_value(self):
        return linebreaks_filter(self.object.comment, autoescape=True)

    def get_name_display_value(self):
        return self.object.name

    def get_email_display_value(self):
        return self.object.email or "-"

    def get_url_display_value(self):
        return self.object.url or "-"

    def get_article_display_value(self):
        article = self.object.content_object
        live_url, edit_url = article_links(article, self.request)
        if edit_url is None:
            return str(article) if article else "-"
        if live_url:
            return format_html(
                '<a href="{}">{}</a> (<a href="{}">edit</a>)',
                live_url,
                article,
                edit_url,
            )
        return format_html('{} (not live, <a href="{}">edit</a>)', article, edit_url)

    def get_ip_address_display_value(self):
        return self.object.ip_address or "-"

    def get_state_display_value(self):
        return state_of(self.object)[1]

    def get_reply_to_display_value(self):
        if self.object.parent_id == self.object.pk:
            return "-"
        parent = XtdComment.objects.filter(pk=self.object.parent_id).first()
        if parent is None:
            return "-"
        return format_html(
            '<a href="{}">{}: {}</a>',
            reverse(f"{self.url_namespace}:inspect", args=[quote(parent.pk)]),
            parent.name,
            Truncator(parent.comment).chars(200),
        )

    def get_flags_display_value(self):
        flags = CommentFlag.objects.filter(
            comment_id=self.object.pk, flag=CommentFlag.SUGGEST_REMOVAL
        ).select_related("user")
        return (
            format_html_join(
                ", ",
                "{} ({})",
                (
                    (
                        f.user.get_username(),
                        date_format(timezone.localtime(f.flag_date)),
                    )
                    for f in flags
                ),
            )
            or "-"
        )

    @cached_property
    def header_more_buttons(self):
        return [
            Button(
                "History",
                url=reverse(
                    f"{self.url_namespace}:history", args=[quote(self.object.pk)]
                ),
                icon_name="history",
                priority=10,
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = [
            {
                "name": action,
                "label": ACTION_LABELS[action],
                "url": reverse(
                    f"{self.url_namespace}:{action}", args=[quote(self.object.pk)]
                ),
            }
            for action in available_actions(self.object)
        ]
        context["next_url"] = reverse(f"{self.url_namespace}:list")
        return context


class CommentHistoryView(snippet_views.HistoryView):
    # Moderators read the history of what was decided; there is nothing to edit.
    any_permission_required = ["view"]


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm; POST does it. Nothing changes on GET."""

    model = XtdComment
    permission_required = "moderate"
    template_name = "article_comments/admin/comments/confirm_action.html"
    header_icon = "comment"
    url_namespace = None
    action = None
    operations = {
        "approve": (
            decisions.approve,
            "Approve this comment?",
            "Comment by {} approved.",
        ),
        "remove": (decisions.remove, "Remove this comment?", "Comment by {} removed."),
        "spam": (
            decisions.mark_spam,
            "Remove this comment as spam?",
            "Comment by {} removed as spam.",
        ),
    }

    @cached_property
    def object(self):
        # Looked up after the permission check, so outsiders learn nothing of ids.
        return get_object_or_404(
            comments_queryset().prefetch_related("content_object"),
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return self.operations[self.action][1]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": "Comments"},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def index_url(self):
        return reverse(f"{self.url_namespace}:list")

    def get_success_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next")
        return local_path(self.request, url, self.index_url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        live_url, _edit_url = article_links(self.object.content_object, self.request)
        context.update(
            comment=self.object,
            state_label=state_of(self.object)[1],
            article=self.object.content_object,
            live_url=live_url,
            action_label=ACTION_LABELS[self.action],
            next_url=self.get_success_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        operation, _question, message = self.operations[self.action]
        operation([self.object], request.user, request)
        messages.success(request, message.format(self.object.name))
        return redirect(self.get_success_url())
