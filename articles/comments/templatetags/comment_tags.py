"""Template tags for reader comments: the section under an article, text, email links."""

from django_comments_xtd import get_form

from django import template
from django.conf import settings

from ..closing import closes_at, comments_are_open
from ..decisions import MODERATE_PERMISSION
from ..text import comment_html as render_comment_html
from ..thread import article_thread
from ..visibility import is_public_article

register = template.Library()


@register.inclusion_tag("article_comments/section.html", takes_context=True)
def article_comments(context, page):
    """Count, thread and form; the same few queries however many comments there are."""
    request = context["request"]
    user = request.user
    # Editors previewing a page see its thread, but no form to post from.
    in_preview = getattr(request, "is_preview", False)
    if not in_preview and not is_public_article(page):
        # A private or password-protected article shows no comments and takes none.
        return {"hidden": True}
    is_open = not in_preview and comments_are_open(page, request, known_public=True)
    return {
        "article": page,
        "thread": article_thread(page),
        "is_open": is_open,
        "in_preview": in_preview,
        "closes_at": closes_at(page, request) if is_open else None,
        "form": get_form()(page) if is_open else None,
        "user": user,
        "request": request,
        # Asked once here, not per comment as xtd's own tree template does.
        "can_moderate": user.is_authenticated and user.has_perm(MODERATE_PERMISSION),
        "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
    }


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
