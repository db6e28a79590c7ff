"""Comment emails, sent by the "mail" task queue, never inside a reader's request.

A failed send (SMTP refusing, timing out or erroring) is tried again later, up to
len(RETRY_DELAYS) more times; every SMTP call is bounded by EMAIL_TIMEOUT.
"""

import logging
import smtplib
from datetime import timedelta

from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment
from django_tasks import task, task_backends

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import PendingComment
from .visibility import article_of

logger = logging.getLogger("healthinfo.comments")

# Waits before each further attempt: a short outage is bridged within minutes, a
# longer one within the day. The confirmation link outlives them all.
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
]
MAIL_ERRORS = (smtplib.SMTPException, OSError)  # refused, reset, timed out


def send(subject, template, context, to):
    """Send one email, text and HTML; raises on SMTP failure."""
    context = {**context, "contact": xtd_settings.COMMENTS_XTD_CONTACT_EMAIL}
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"{template}.txt", context),
        xtd_settings.COMMENTS_XTD_FROM_EMAIL,
        [to],
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context), "text/html"
    )
    message.send()


def retry_later(task_, attempt, *args):
    """Queue `task_` again after the attempt-th delay; False once attempts run out."""
    if attempt > len(RETRY_DELAYS):
        return False
    backend = task_backends[task_.backend]
    if not backend.supports_defer:
        # The immediate backend (tests) has no "later"; the queue's backend does.
        return False
    run_after = timezone.now() + RETRY_DELAYS[attempt - 1]
    task_.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True


def failed(task_, attempt, what, *args):
    if retry_later(task_, attempt, *args):
        logger.warning("Sending %s failed (attempt %d); will retry", what, attempt)
        return "retrying"
    logger.error("Sending %s failed (attempt %d); giving up", what, attempt)
    return "failed"


@task(backend="mail", queue_name="mail")
def send_confirmation_request(pending_id, attempt=1):
    """Email an anonymous reader the link that confirms their stored comment."""
    pending = PendingComment.objects.filter(
        pk=pending_id, confirmed_at__isnull=True, emailed_at__isnull=True
    ).first()
    if pending is None or pending.is_expired:
        return "nothing to send"
    context = {
        "comment": pending,
        "article": pending.content_object,
        "confirmation_url": reverse("comments-xtd-confirm", args=[pending.key]),
        "expires_at": pending.expires_at,
        "site": pending.site,
    }
    try:
        send(
            "Confirm your comment",
            "django_comments_xtd/email_confirmation_request",
            context,
            pending.user_email,
        )
    except MAIL_ERRORS:
        return failed(
            send_confirmation_request,
            attempt,
            f"the confirmation request for pending comment {pending_id}",
            pending_id,
        )
    # Marked only after sending: a crash in between sends twice rather than never.
    PendingComment.objects.filter(pk=pending_id).update(emailed_at=timezone.now())
    return "sent"


def public_comment(comment_id):
    return XtdComment.objects.filter(
        pk=comment_id, is_public=True, is_removed=False
    ).first()


@task(backend="mail", queue_name="mail")
def notify_followers(comment_id):
    """Queue one email per reader following the article of a newly public comment."""
    comment = public_comment(comment_id)
    if comment is None or article_of(comment) is None:
        return 0
    emails = set(
        XtdComment.norel_objects.filter(
            content_type_id=comment.content_type_id,
            object_pk=comment.object_pk,
            is_public=True,
            is_removed=False,
            followup=True,
        )
        .exclude(user_email__iexact=comment.user_email)
        .values_list("user_email", flat=True)
    )
    for email in sorted(emails):
        # One task per follower: a retry never emails those already reached.
        send_followup.enqueue(comment_id, email)
    return len(emails)


@task(backend="mail", queue_name="mail")
def send_followup(comment_id, email, attempt=1):
    """Tell one follower of an article about a new comment on it."""
    comment = public_comment(comment_id)
    article = article_of(comment)
    followed = (
        XtdComment.norel_objects.filter(
            content_type_id=comment.content_type_id,
            object_pk=comment.object_pk,
            user_email=email,
            is_public=True,
            followup=True,
        ).first()
        if article is not None
        else None
    )
    if followed is None:  # muted, removed or unpublished since
        return "nothing to send"
    key = signed.dumps(
        followed, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT
    )
    context = {
        "user_name": followed.user_name,
        "comment": comment,
        "content_object": article,
        "mute_url": reverse("comments-xtd-mute", args=[key.decode()]),
        "site": comment.site,
    }
    try:
        send(
            "A new comment on an article you follow",
            "django_comments_xtd/email_followup_comment",
            context,
            email,
        )
    except MAIL_ERRORS:
        return failed(
            send_followup,
            attempt,
            f"a follow-up email about comment {comment_id}",
            comment_id,
            email,
        )
    return "sent"


__all__ = ["notify_followers", "send_confirmation_request", "send_followup"]
