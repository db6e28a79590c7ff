"""Template tags for reader comments: the section under an article, text, email links."""

from django_comments_xtd import get_form

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from wagtail.models import Site

from articles.fragment_cache import remember, shared_page, without_indentation

from ..closing import closes_at, comments_are_open
from ..decisions import MODERATE_PERMISSION
from ..models import CommentSettings
from ..text import comment_html as render_comment_html
from ..thread import article_thread
from ..visibility import is_public_article

register = template.Library()


@register.inclusion_tag("article_comments/section.html", takes_context=True)
def article_comments(context, page):
    """Count, thread and form; the same few queries however many comments there are.

    What every anonymous reader sees (whether the article takes comments, the site's
    comment settings, the rendered thread) comes from the cache while content is
    unchanged; a signed-in reader's thread, with their own links, never does.
    """
    request = context["request"]
    user = request.user
    # Editors previewing a page see its thread, but no form to post from.
    in_preview = getattr(request, "is_preview", False)
    shared = shared_page(request, page)
    if not in_preview and not is_public(request, page, shared):
        # A private or password-protected article shows no comments and takes none.
        return {"hidden": True}
    if shared:
        use_cached_settings(request)
    is_open = not in_preview and comments_are_open(page, request, known_public=True)
    reader = {
        "is_open": is_open,
        "signed_in": user.is_authenticated,
        # Asked once here, not per comment as xtd's own tree template does.
        "can_moderate": user.is_authenticated and user.has_perm(MODERATE_PERMISSION),
    }
    if shared and not user.is_authenticated:
        state = "open" if is_open else "closed"
        count_text, thread_html = remember(
            request,
            f"page:{page.pk}:comments:{state}",
            lambda: render_thread(page, reader),
        )
    else:
        count_text, thread_html = render_thread(page, reader)
    return {
        "article": page,
        "count_text": count_text,
        "thread_html": thread_html,
        "is_open": is_open,
        "in_preview": in_preview,
        "closes_at": closes_at(page, request) if is_open else None,
        "form": get_form()(page) if is_open else None,
        "user": user,
        "request": request,
        "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
    }


def is_public(request, page, shared):
    if not shared:
        return is_public_article(page)
    return remember(request, f"page:{page.pk}:public", lambda: is_public_article(page))


def use_cached_settings(request):
    """Put the site's comment settings where CommentSettings.for_request() looks."""
    attribute = CommentSettings.get_cache_attr_name()
    site = Site.find_for_request(request)
    if site is None or hasattr(request, attribute):
        return
    site_settings = remember(
        request, f"comment-settings:{site.pk}", lambda: CommentSettings.for_site(site)
    )
    setattr(request, attribute, site_settings)


def render_thread(page, reader):
    """The count in words, and the thread's HTML with the links `reader` may follow."""
    thread = article_thread(page)
    if not thread.entries:
        return thread.count_text, ""
    html = render_to_string(
        "article_comments/comment_list.html", {**reader, "rows": thread.rows}
    )
    return thread.count_text, without_indentation(html)


@register.filter
def comment_html(value):
    return render_comment_html(value)


@register.simple_tag
def site_url(site, path):
    """An absolute address on the site's public domain, for emails."""
    # https wherever the site is deployed; plain http only for local debugging.
    if path.startswith(("http://", "https://")):
        return path  # a page on another Wagtail site already carries its host
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{site.domain}{path}"
