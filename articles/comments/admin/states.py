"""What state a comment is in, as moderators see and filter it."""

from django_comments.models import CommentFlag

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import ngettext

from ..decisions import SPAM_FLAG

HELD = "held"
PUBLIC = "public"
FLAGGED = "flagged"
REMOVED = "removed"
SPAM = "spam"
ALL = "all"

STATE_CHOICES = [
    (HELD, "Held for moderation"),
    (FLAGGED, "Flagged by readers"),
    (PUBLIC, "Public"),
    (REMOVED, "Removed"),
    (SPAM, "Spam"),
    (ALL, "All comments"),
]


def with_moderation_state(queryset):
    """Annotate what the state column and filters need, in the listing's own query."""
    return queryset.annotate(
        flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)),
        is_spam=Exists(
            CommentFlag.objects.filter(comment=OuterRef("pk"), flag=SPAM_FLAG)
        ),
    )


def filter_by_state(queryset, state):
    """Comments of queryset (annotated by with_moderation_state) in one state."""
    if state == HELD:
        return queryset.filter(is_public=False, is_removed=False)
    if state == PUBLIC:
        return queryset.filter(is_public=True, is_removed=False)
    if state == FLAGGED:
        return queryset.filter(is_public=True, is_removed=False, flag_count__gt=0)
    if state == REMOVED:
        return queryset.filter(is_removed=True)
    if state == SPAM:
        return queryset.filter(is_removed=True, is_spam=True)
    return queryset


def state_of(comment):
    """(key, label) of an annotated comment; a flag outranks public, spam outranks removed."""
    if comment.is_removed:
        return (SPAM, "Spam") if comment.is_spam else (REMOVED, "Removed")
    if not comment.is_public:
        return HELD, "Held"
    if comment.flag_count:
        count = comment.flag_count
        return FLAGGED, ngettext(
            "Flagged (%d flag)", "Flagged (%d flags)", count
        ) % count
    return PUBLIC, "Public"
