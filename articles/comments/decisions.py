"""Approve, remove and mark as spam: what a moderator's decision does to comments.

Used by the admin's Comments area and by the reader-side "Remove" link alike, so both
paths leave the same flags, log entries and states.

States change through queryset updates, not save(): django-comments-xtd's pre_save
hook copies a comment's visibility onto all its replies, which would publish held
replies on approval and hide a removed comment's replies (the thread must stay whole).
"""

from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged
from django_comments_xtd.models import XtdComment

from django.db import transaction

from wagtail.log_actions import log

from .mail import notify_followers
from .purge import comments_changed

# Who may decide: django_comments' own permission, which the Moderators group holds.
MODERATE_PERMISSION = "django_comments.can_moderate"
MODERATE_APP_LABEL, MODERATE_CODENAME = MODERATE_PERMISSION.split(".")
# A moderator's verdict that a removed comment was spam; readers never set it.
SPAM_FLAG = "spam"

APPROVE = "article_comments.approve"
REMOVE = "article_comments.remove"
SPAM = "article_comments.spam"


def _flag(comments, user, flag_name, request):
    """Leave the moderator's flag and send django_comments' signal, as its views do."""
    for comment in comments:
        flag, created = CommentFlag.objects.get_or_create(
            comment=comment, user=user, flag=flag_name
        )
        comment_was_flagged.send(
            sender=XtdComment,
            comment=comment,
            flag=flag,
            created=created,
            request=request,
        )


def _log(comments, user, action):
    for comment in comments:
        log(comment, action, user=user)


def _notify_followers(comments):
    # Queued, not sent: a mail outage neither delays nor undoes the decision.
    for comment in comments:
        notify_followers.enqueue(comment.pk)


@transaction.atomic
def approve(comments, user, request=None):
    """Make comments public; clear readers' flags and any spam verdict."""
    comments = list(comments)
    ids = [c.pk for c in comments]
    # Followers hear of a comment the first time it goes public, as xtd does on posting.
    first_published = [c for c in comments if not c.is_public]
    XtdComment.objects.filter(pk__in=ids).update(is_public=True, is_removed=False)
    CommentFlag.objects.filter(
        comment_id__in=ids, flag__in=[CommentFlag.SUGGEST_REMOVAL, SPAM_FLAG]
    ).delete()
    for comment in comments:
        comment.is_public, comment.is_removed = True, False
    _flag(comments, user, CommentFlag.MODERATOR_APPROVAL, request)
    _log(comments, user, APPROVE)
    comments_changed(comments)
    transaction.on_commit(lambda: _notify_followers(first_published))
    return len(comments)


def _remove(comments, user, request):
    XtdComment.objects.filter(pk__in=[c.pk for c in comments]).update(is_removed=True)
    for comment in comments:
        comment.is_removed = True
    _flag(comments, user, CommentFlag.MODERATOR_DELETION, request)
    comments_changed(comments)


@transaction.atomic
def remove(comments, user, request=None):
    """Hide comments; replies stay and readers see "This comment was removed"."""
    comments = list(comments)
    _remove(comments, user, request)
    _log(comments, user, REMOVE)
    return len(comments)


@transaction.atomic
def mark_spam(comments, user, request=None):
    """Remove comments and record the moderator's verdict that they were spam."""
    comments = list(comments)
    _remove(comments, user, request)
    _flag(comments, user, SPAM_FLAG, request)
    _log(comments, user, SPAM)
    return len(comments)
