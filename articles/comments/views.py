"""Comment views: django_comments' and xtd's, behind the checks a reader needs.

Each refusal is a page that says what happened and keeps what the reader wrote.
"""

from django_comments.views.comments import CommentPostBadRequest, post_comment
from django_comments_xtd import get_form, signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment
from django_ratelimit.decorators import ratelimit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.sites.shortcuts import get_current_site
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import ArticlePage

from . import confirmation
from .decisions import MODERATE_PERMISSION, remove
from .ids import parse_id
from .moderation import CLOSED
from .origin import from_this_site
from .visibility import article_of, is_public_article, public_article

ARTICLE_TYPE = "articles.articlepage"
# django_comments' view without its CSRF check: the form is on cached pages (origin.py).
post_comment_from_any_page = post_comment.__wrapped__


def refused(request, status, title, message, page=None, text=""):
    return render(
        request,
        "article_comments/refused.html",
        {"title": title, "message": message, "article": page, "text": text},
        status=status,
    )


def closed(request, page, text=""):
    return refused(request, CLOSED.status, CLOSED.title, CLOSED.message, page, text)


def post_rate(group, request):
    return settings.COMMENTS_RATE_LIMIT


def posted_article(request):
    """The article a comment is posted to, or None; and whether readers may see it."""
    if request.POST.get("content_type") != ARTICLE_TYPE:
        return None, False
    pk = parse_id(request.POST.get("object_pk", ""))
    page = ArticlePage.objects.filter(pk=pk).first() if pk else None
    return page, is_public_article(page)


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=post_rate, method="POST", block=False)
def post(request):
    """django_comments' post view, after the checks it leaves out."""
    text = request.POST.get("comment", "")
    page, public = posted_article(request)
    if not from_this_site(request):
        return refused(
            request,
            403,
            "Your comment could not be posted",
            "The comment was not sent from a page of this site. Go back to the "
            "article and post your comment from its form.",
            page if public else None,
            text,
        )
    if request.limited:
        response = refused(
            request,
            429,
            "Please wait a minute",
            "You have posted several comments in the last minute. Wait a minute, "
            "then go back and post yours again.",
            page if public else None,
            text,
        )
        response["Retry-After"] = "60"
        return response
    if page is None:
        return refused(
            request,
            400,
            "Your comment could not be posted",
            "This comment form does not belong to an article on this site.",
            text=text,
        )
    if not public:
        # Drafts and restricted articles are invisible: not even the title is shown.
        return closed(request, None, text)
    # The form checks what the reader can correct (with a message beside the field);
    # the moderator has the final say (closed, reply, blocklist) and says why.
    response = post_comment_from_any_page(request, next="comments-xtd-sent")
    if isinstance(response, CommentPostBadRequest):
        reason = getattr(request, "comment_refusal", None)
        if reason is not None:
            return refused(
                request, reason.status, reason.title, reason.message, page, text
            )
        # A failed security check (an expired or altered form, or the spam trap).
        return refused(
            request,
            400,
            "Your comment could not be posted",
            "The comment form had expired or had been changed. Go back to the "
            "article, reload the page and post your comment again.",
            page,
            text,
        )
    return response


def visible_comment(pk):
    """A published, unremoved comment on a live, public article, or 404."""
    comment = (
        XtdComment.objects.filter(pk=parse_id(pk), is_public=True, is_removed=False)
        .select_related("user")
        .first()
    )
    page = article_of(comment)
    if page is None:
        raise Http404("No such comment.")
    comment.content_object = page  # the checked page, not fetched again
    return comment, page


def permalink(request, content_type_id, object_pk):
    """A comment's permalink (comment.get_absolute_url): to its article, if public."""
    page = public_article(object_pk)
    if page is None or parse_id(content_type_id) != page.content_type_id:
        raise Http404("No such article.")
    url = page.get_url(request)
    if url.startswith(("http://", "https://")):
        return HttpResponseRedirect(url)
    # On the Site domain, as django.contrib.contenttypes' shortcut did.
    domain = get_current_site(request).domain
    return HttpResponseRedirect(f"{request.scheme}://{domain}{url}")


def shown_comment(request):
    """The comment `?c=` names, if it is on a public article; else None."""
    comment = XtdComment.objects.filter(pk=parse_id(request.GET.get("c"))).first()
    page = article_of(comment)
    return (comment, page) if page is not None else (None, None)


def posted(request):
    """django_comments' "posted" page, without a draft's or private page's title."""
    comment, page = shown_comment(request)
    return render(
        request, "comments/posted.html", {"comment": comment, "article": page}
    )


def flagged(request):
    """django_comments' "reported" page, under the same rule."""
    comment, page = shown_comment(request)
    return render(
        request, "comments/flagged.html", {"comment": comment, "article": page}
    )


def sent(request):
    """Where the form leads: a published comment, a held one, or "check your email"."""
    value = request.GET.get("c", "")
    pk = parse_id(value)
    if pk is not None:
        comment, page = shown_comment(request)
        if comment is None:
            raise Http404("No such comment.")
        if comment.is_public and not comment.is_removed:
            return redirect(comment)
        return render(
            request,
            "django_comments_xtd/moderated.html",
            {"comment": comment, "article": page},
        )
    # An anonymous reader's comment: django_comments signs "app.model:pk" of its page.
    try:
        label, object_pk = signing.loads(value).split(":", 1)
    except (signing.BadSignature, ValueError, AttributeError):
        raise Http404("No such comment.") from None
    page = public_article(object_pk) if label == ARTICLE_TYPE else None
    return render(
        request,
        "django_comments_xtd/posted.html",
        {"article": page, "confirmation_days": settings.COMMENTS_CONFIRMATION_DAYS},
    )


def reply(request, cid):
    """The reply form on a page of its own, for readers without JavaScript."""
    comment, page = visible_comment(cid)
    form = get_form()(page, comment=comment)
    reason = form.unavailable(request)
    if reason is not None:
        return refused(request, reason.status, reason.title, reason.message, page)
    return render(
        request,
        "django_comments_xtd/reply.html",
        {"comment": comment, "form": form, "cid": cid},
    )


def sign_in_first(request):
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def flag(request, comment_id):
    """Report a comment to the moderators (signed-in readers; confirm, then POST)."""
    if not request.user.is_authenticated:
        return sign_in_first(request)
    visible_comment(comment_id)
    return xtd_views.flag(request, comment_id)


def delete(request, comment_id):
    """A moderator removes a comment from the article page (confirm, then POST)."""
    if not request.user.is_authenticated:
        return sign_in_first(request)
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    comment, page = visible_comment(comment_id)
    if request.method == "POST":
        # The admin's own action: the same flag, log entry and state as the queue's.
        remove([comment], request.user, request)
        return redirect(f"{page.url}#c{comment.pk}")
    return render(request, "comments/delete.html", {"comment": comment})


def load_key(key):
    """The comment an emailed mute link was signed for; 404 when its article has gone."""
    try:
        return signed.loads(str(key), extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except ObjectDoesNotExist as exc:
        raise Http404("The article has been removed.") from exc


def bad_link(request):
    return refused(
        request,
        400,
        "This link does not work",
        "The link is incomplete or has been changed. Copy the whole link from the "
        "email into your browser’s address bar.",
    )


def confirm(request, key):
    """The link in the confirmation email: publishes (or holds) the comment once."""
    outcome, pending = confirmation.confirm(key, request)
    if outcome == confirmation.UNKNOWN:
        return bad_link(request)
    page = article_of(pending)
    if outcome == confirmation.Outcome.PUBLISHED:
        return redirect(pending.published)
    if outcome == confirmation.Outcome.HELD:
        return render(
            request,
            "django_comments_xtd/moderated.html",
            {"comment": pending.published, "article": page},
        )
    if outcome == confirmation.Outcome.DISCARDED:
        return render(
            request,
            "django_comments_xtd/discarded.html",
            {"comment": pending, "article": page},
        )
    if outcome == confirmation.EXPIRED:
        days = settings.COMMENTS_CONFIRMATION_DAYS
        return refused(
            request,
            410,
            "This link has expired",
            f"Confirmation links work for {days} days, and this one is older. Your "
            "comment has not been published: go back to the article and post it again.",
            page,
            pending.comment,
        )
    return refused(  # confirmation.REMOVED
        request,
        410,
        "This comment was removed",
        "The comment this link confirmed has been removed, and the link cannot "
        "publish it again.",
        page,
    )


def mute(request, key):
    """The link in follow-up emails: asks first, so link checkers cannot mute."""
    try:
        followed = load_key(key)
    except ValueError:  # signed.BadSignature among them
        return bad_link(request)
    if not isinstance(followed.content_object, ArticlePage):
        raise Http404("The article has been removed.")
    # Muting works on any article; its title shows only while it is public.
    page = article_of(followed)
    if request.method != "POST":
        return render(
            request, "article_comments/mute.html", {"article": page, "key": key}
        )
    still_following = XtdComment.norel_objects.filter(
        content_type=followed.content_type,
        object_pk=followed.object_pk,
        user_email=followed.user_email,
        is_public=True,
        followup=True,
    ).exists()
    if not still_following:  # muted already: say so again
        return render(request, "django_comments_xtd/muted.html", {"article": page})
    xtd_views.mute(request, key)
    return render(request, "django_comments_xtd/muted.html", {"article": page})
