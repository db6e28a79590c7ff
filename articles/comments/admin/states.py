"""What state a comment is in, as moderators see and filter it."""

from django_comments.models import CommentFlag

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
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


def _flags(kind):
    return CommentFlag.objects.filter(comment=OuterRef("pk"), flag=kind)


def with_moderation_state(queryset):
    """Annotate what the state column needs, in the listing's own query.

    Subqueries rather than a join and GROUP BY: the database works them out for the
    rows of one page, not for every comment before it can sort and slice.
    """
    removal_counts = (
        _flags(CommentFlag.SUGGEST_REMOVAL)
        .order_by()
        .values("comment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        flag_count=Coalesce(
            Subquery(removal_counts, output_field=IntegerField()), Value(0)
        ),
        is_spam=Exists(_flags(SPAM_FLAG)),
    )


def filter_by_state(queryset, state):
    """Comments of queryset in one state."""
    if state == HELD:
        return queryset.filter(is_public=False, is_removed=False)
    if state == PUBLIC:
        return queryset.filter(is_public=True, is_removed=False)
    if state == FLAGGED:
        # Exists, not flag_count > 0: the database starts from the few flags.
        return queryset.filter(
            Exists(_flags(CommentFlag.SUGGEST_REMOVAL)),
            is_public=True,
            is_removed=False,
        )
    if state == REMOVED:
        return queryset.filter(is_removed=True)
    if state == SPAM:
        return queryset.filter(Exists(_flags(SPAM_FLAG)), is_removed=True)
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
