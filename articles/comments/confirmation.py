"""From a posted comment to a published one: stored first, emails queued after.

A signed-in reader's comment is saved at once. An anonymous reader's is saved as a
PendingComment and published (or held) when they open the emailed link; the row lock
and the claim on confirmed_at make two clicks at once publish it once.
"""

import hashlib
import re

from django_comments.signals import comment_was_posted
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.views import _get_comment_if_exists

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone

from .mail import notify_followers, send_confirmation_request
from .models import PendingComment
from .moderation import hold_reasons, refusal

Outcome = PendingComment.Outcome
# What a confirmation link leads to, besides PendingComment's own outcomes.
UNKNOWN = "unknown"
EXPIRED = "expired"
REMOVED = "removed"
# Our keys (token_urlsafe) and the signed keys of links sent before them: printable
# ASCII only, so a NUL or other oddity is refused before any query.
LINK_KEY = re.compile(r"[A-Za-z0-9_\-.:=]{1,512}")


@receiver(comment_was_posted, sender=TmpXtdComment)
def store_comment(sender, comment, request, **kwargs):
    """Replaces xtd's receiver, which mails inside the request before storing."""
    user = comment.user
    if user is not None and user.is_authenticated:
        new = XtdComment(**{k: v for k, v in comment.items() if k != "xtd_comment"})
        new.save()
        comment.xtd_comment = new  # django_comments' redirect names it
        if new.is_public:
            notify_followers.enqueue(new.pk)
        return
    pending = PendingComment.objects.create(
        content_type=comment.content_type,
        object_pk=comment.object_pk,
        site_id=comment.site_id,
        parent_id=comment.parent_id or 0,
        user_name=comment.user_name,
        user_email=comment.user_email,
        user_url=comment.user_url or "",
        comment=comment.comment,
        followup=bool(comment.followup),
        ip_address=comment.ip_address,
        submit_date=comment.submit_date,
    )
    send_confirmation_request.enqueue(pending.pk)


def adopt_legacy_link(key):
    """The key of a PendingComment for a link xtd signed before comments were stored.

    Such a link carries the whole comment. Stored now, under a digest of the link, it
    is confirmed like any other, and expires the same number of days after posting.
    """
    try:
        old = signed.loads(key, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except (ValueError, LookupError, ObjectDoesNotExist):  # forged, or article gone
        return None
    if not isinstance(old, TmpXtdComment) or old.xtd_comment:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()
    fields = {
        "content_type": old.content_type,
        "object_pk": old.object_pk,
        "site_id": old.site_id,
        "parent_id": old.parent_id or 0,
        "user_name": old.user_name,
        "user_email": old.user_email,
        "user_url": old.user_url or "",
        "comment": old.comment,
        "followup": bool(old.followup),
        "ip_address": old.ip_address,
        "submit_date": old.submit_date,
    }
    existing = _get_comment_if_exists(old)
    if existing is not None:  # confirmed before the change: never published twice
        fields.update(
            confirmed_at=timezone.now(),
            published=existing,
            outcome=Outcome.PUBLISHED if existing.is_public else Outcome.HELD,
        )
    try:
        with transaction.atomic():
            PendingComment.objects.get_or_create(key=digest, defaults=fields)
    except IntegrityError:  # a second click stored it a moment ago
        pass
    return digest


def outcome_of(pending):
    """What a click on an already confirmed link shows."""
    if pending.outcome == Outcome.DISCARDED:
        return Outcome.DISCARDED
    comment = pending.published
    if comment is None or comment.is_removed:
        return REMOVED  # a moderator removed it, or it was deleted: never restored
    return Outcome.PUBLISHED if comment.is_public else Outcome.HELD


@transaction.atomic
def confirm(key, request):
    """(what happened, the pending comment) for a click on a confirmation link."""
    if not LINK_KEY.fullmatch(key):
        return UNKNOWN, None  # not a key this site made: never sent to the database
    pending = PendingComment.objects.select_for_update().filter(key=key).first()
    if pending is None:
        legacy = adopt_legacy_link(key) if "." in key else None
        if legacy is None:
            return UNKNOWN, None
        return confirm(legacy, request)
    if pending.confirmed_at is not None:
        return outcome_of(pending), pending
    if pending.is_expired:
        return EXPIRED, pending
    # On databases without row locks, this update is the arbiter: one click wins.
    claimed = PendingComment.objects.filter(
        pk=pending.pk, confirmed_at__isnull=True
    ).update(confirmed_at=timezone.now())
    if not claimed:
        pending.refresh_from_db()
        return outcome_of(pending), pending
    page = pending.content_object
    reason = refusal(pending, page, request)
    if reason:
        pending.outcome, pending.discard_reason = Outcome.DISCARDED, reason.message
        pending.save(update_fields=["outcome", "discard_reason"])
        return Outcome.DISCARDED, pending
    comment = XtdComment(
        content_type=pending.content_type,
        object_pk=pending.object_pk,
        site=pending.site,
        parent_id=pending.parent_id,
        user_name=pending.user_name,
        user_email=pending.user_email,
        user_url=pending.user_url,
        comment=pending.comment,
        followup=pending.followup,
        ip_address=pending.ip_address,
        submit_date=pending.submit_date,
        is_public=not hold_reasons(pending),
    )
    comment.save()
    pending.published = comment
    pending.outcome = Outcome.PUBLISHED if comment.is_public else Outcome.HELD
    pending.save(update_fields=["published", "outcome"])
    if comment.is_public:
        notify_followers.enqueue(comment.pk)
    return pending.outcome, pending
