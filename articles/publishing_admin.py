"""The publishing gate in the admin: each route says why it refused and keeps the work.

The gate itself is `ArticlePage.publish()` (articles.publishing); these hooks turn its
refusals into messages before Wagtail acts, so no route ends in an error page.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import LogFormatter

from .forms import DIRECT_PUBLISH_FIELD
from .models import ArticlePage
from .publishing import (
    CONFIRM_DIRECT_PUBLISH,
    DIRECT_PUBLISH_ACTION,
    REVIEW_REQUIRED,
    article_problems,
    is_reviewed,
)

BULK_REFUSED = (
    "Nothing was published. Articles reach readers through the Medical review "
    "workflow, so they cannot be published in bulk: {titles}."
)
COPY_REFUSED = (
    "Nothing was copied. Copies of articles start as drafts and go through medical "
    "review: untick “Publish copies”."
)


def _articles_among(pages, include_descendants=False):
    """The articles in `pages`, and below them when descendants are included."""
    found = [p.specific for p in pages if p.specific_class is ArticlePage]
    if include_descendants:
        for page in pages:
            found += ArticlePage.objects.descendant_of(page).not_live()
    return found


def _saved_as_draft(request, message):
    """Turn a publish into a draft save: the editor's changes are kept."""
    request.POST = request.POST.copy()
    del request.POST["action-publish"]
    messages.warning(request, message)


@hooks.register("before_edit_page")
def keep_unreviewed_publish_as_draft(request, page):
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if not isinstance(page.specific_deferred, ArticlePage):
        return None
    if not request.user.is_superuser:
        _saved_as_draft(
            request, f"{REVIEW_REQUIRED} Your changes are saved as a draft."
        )
    elif not request.POST.get(DIRECT_PUBLISH_FIELD):
        _saved_as_draft(
            request, f"Saved as a draft, not published. {CONFIRM_DIRECT_PUBLISH}"
        )
    return None


@hooks.register("before_create_page")
def keep_unreviewed_new_article_as_draft(request, parent_page, page_class):
    if page_class is ArticlePage:
        return keep_unreviewed_publish_as_draft(request, page_class())
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_articles(request, action_type, objects, action):
    if action_type != "publish" or request.method != "POST":
        return None
    include_descendants = request.POST.get("include_descendants") == "on"
    refused = []
    for article in _articles_among(objects, include_descendants):
        revision = article.get_latest_revision()
        if (
            revision is None
            or not is_reviewed(revision)
            or article_problems(revision.as_object())
        ):
            refused.append(article.get_admin_display_title())
    if refused:
        messages.error(request, BULK_REFUSED.format(titles=", ".join(refused)))
        return redirect(
            get_valid_next_url_from_request(request)
            or reverse("wagtailadmin_explore", args=(objects[0].get_parent().pk,))
        )
    return None


@hooks.register("before_copy_page")
def refuse_live_copies_of_articles(request, page):
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    pages = [page]
    has_articles = bool(_articles_among(pages)) or (
        request.POST.get("copy_subpages")
        and ArticlePage.objects.descendant_of(page).exists()
    )
    if has_articles:
        messages.error(request, COPY_REFUSED)
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("insert_editor_js")
def citation_keys_suggestions():
    """Cites fields suggest the article's own reference keys as editors type."""
    return format_html(
        '<script src="{}" defer></script>', static("articles/js/citation-keys.js")
    )


@hooks.register("register_log_actions")
def register_direct_publish_log_action(actions):
    @actions.register_action(DIRECT_PUBLISH_ACTION)
    class DirectPublishFormatter(LogFormatter):
        label = "Published without medical review"

        def format_message(self, log_entry):
            return "Published without medical review, by an administrator"
