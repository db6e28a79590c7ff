"""Comment views: django_comments' and xtd's, behind the checks a reader needs.

Each refusal is a page that says what happened and keeps what the reader wrote.
"""

from django_comments.views.comments import CommentPostBadRequest, post_comment
from django_comments_xtd import signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment
from django_ratelimit.decorators import ratelimit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from articles.models import ArticlePage

from .admin.actions import remove
from .closing import comments_are_open
from .moderation import MODERATE_PERMISSION, reply_problem

ARTICLE_TYPE = "articles.articlepage"


def refused(request, status, title, message, page=None, text=""):
    return render(
        request,
        "article_comments/refused.html",
        {"title": title, "message": message, "article": page, "text": text},
        status=status,
    )


def closed(request, page, text=""):
    return refused(
        request,
        403,
        "Comments are closed",
        "This article is no longer taking comments, so yours has not been posted.",
        page,
        text,
    )


def post_rate(group, request):
    return settings.COMMENTS_RATE_LIMIT


def posted_article(request):
    """The article a comment is posted to, or None."""
    if request.POST.get("content_type") != ARTICLE_TYPE:
        return None
    pk = request.POST.get("object_pk", "")
    return ArticlePage.objects.filter(pk=pk).first() if pk.isdigit() else None


@require_POST
@ratelimit(key="ip", rate=post_rate, method="POST", block=False)
def post(request):
    """django_comments' post view, after the checks it leaves out."""
    text = request.POST.get("comment", "")
    page = posted_article(request)
    if request.limited:
        response = refused(
            request,
            429,
            "Please wait a minute",
            "You have posted several comments in the last minute. Wait a minute, "
            "then go back and post yours again.",
            page,
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
    if not comments_are_open(page, request):
        return closed(request, page, text)
    problem = reply_problem(request.POST.get("reply_to", "0"), page)
    if problem:
        return refused(
            request, 400, "Your reply could not be posted", problem, page, text
        )
    response = post_comment(request, next="comments-xtd-sent")
    if isinstance(response, CommentPostBadRequest):
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
    """A published, unremoved comment on an article, or 404."""
    comment = (
        XtdComment.objects.filter(pk=pk, is_public=True, is_removed=False)
        .select_related("user")
        .first()
    )
    page = comment.content_object if comment is not None else None
    if not isinstance(page, ArticlePage) or not page.live:
        raise Http404("No such comment.")
    return comment, page


def reply(request, cid):
    """The reply form on a page of its own, for readers without JavaScript."""
    comment, page = visible_comment(cid)
    if not comments_are_open(page, request):
        return closed(request, page)
    problem = reply_problem(cid, page)
    if problem:
        return refused(request, 400, "You cannot reply to this comment", problem, page)
    return xtd_views.reply(request, cid)


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
    """The comment an emailed link was signed for; 404 when its article has gone."""
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
    """The link in the confirmation email: publishes (or queues) the comment once."""
    try:
        pending = load_key(key)
    except ValueError:  # signed.BadSignature among them
        return bad_link(request)
    stored = xtd_views._get_comment_if_exists(pending)
    if stored is not None and not stored.is_public:
        # A second click while a moderator has yet to approve it.
        return render(
            request, "django_comments_xtd/moderated.html", {"comment": stored}
        )
    return xtd_views.confirm(request, key)


def mute(request, key):
    """The link in follow-up emails: asks first, so link checkers cannot mute."""
    try:
        followed = load_key(key)
    except ValueError:  # signed.BadSignature among them
        return bad_link(request)
    page = followed.content_object
    if not isinstance(page, ArticlePage):
        raise Http404("The article has been removed.")
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
        return render(
            request, "django_comments_xtd/muted.html", {"content_object": page}
        )
    return xtd_views.mute(request, key)
