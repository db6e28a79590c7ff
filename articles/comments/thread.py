"""The comment thread under an article: one query, however long the discussion."""

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import mark_safe

from articles.models import ArticlePage

from .text import comment_html, web_url

# What a reader may do with a comment, and the view that does it.
ACTIONS = {
    "reply": "comments-xtd-reply",
    "report": "comments-flag",
    "remove": "comments-delete",
}
MARKER = 2**31 - 1  # the largest comment id: stands in for each id in an address
# How many rendered comment bodies each process keeps: a comment's HTML depends on its
# text alone, so a thread shown again renders only what is new.
BODIES_KEPT = 4096


def count_text(count):
    if count == 0:
        return "No comments yet"
    return "1 comment" if count == 1 else f"{count:,} comments"


@lru_cache(maxsize=BODIES_KEPT)
def body_html(text):
    return comment_html(text)


@dataclass
class Entry:
    comment: XtdComment
    max_level: int
    children: list = field(default_factory=list)
    urls: dict = field(default_factory=dict)  # its reply, report and remove addresses

    @cached_property
    def shown(self):
        """Published and not removed; anything else shows as a removal notice."""
        return self.comment.is_public and not self.comment.is_removed

    @property
    def kept(self):
        """Removed after publication, or holding up published replies."""
        c = self.comment
        return self.shown or (c.is_public and c.is_removed) or bool(self.children)

    @cached_property
    def can_reply(self):
        return self.shown and self.comment.level < self.max_level

    @cached_property
    def id(self):
        """The comment's id as text: its anchor is "c" and this, its links end in it."""
        return str(self.comment.pk)

    @cached_property
    def by_staff(self):
        return bool(self.comment.user_id and self.comment.user.is_staff)

    @cached_property
    def name(self):
        return self.comment.name

    @cached_property
    def author_url(self):
        return web_url(self.comment.user_url)

    @cached_property
    def body(self):
        return body_html(self.comment.comment)

    @cached_property
    def submitted(self):
        return timezone.localtime(self.comment.submit_date)

    @cached_property
    def submitted_iso(self):
        """The machine-readable time: what the date filter's 'Y-m-d\\TH:i:sO' gives."""
        return self.submitted.strftime("%Y-%m-%dT%H:%M:%S%z")

    @cached_property
    def submitted_text(self):
        """'4 March 2025, 09:30', as the date filter's "j F Y, H:i" writes it."""
        at = self.submitted
        return f"{at.day} {MONTHS[at.month]} {at.year}, {at:%H:%M}"


@dataclass
class Row:
    """A comment in reading order, and how many lists of replies end with it."""

    entry: Entry
    ends: int = 0

    @property
    def closing(self):
        return mark_safe("</ol></li>" * self.ends)  # noqa: S308 (fixed markup)


def rows(entries):
    """The thread flattened, so one loop renders it with its replies nested."""
    flat = []
    for entry in entries:
        flat.append(Row(entry))
        if entry.children:
            flat.extend(rows(entry.children))
            flat[-1].ends += 1
    return flat


@dataclass
class Thread:
    entries: list
    count: int

    @property
    def count_text(self):
        return count_text(self.count)

    @property
    def rows(self):
        """The comments in reading order, each with its addresses."""
        flat = rows(self.entries)
        makers = {name: address_maker(view) for name, view in ACTIONS.items()}
        for row in flat:
            row.entry.urls = {name: make(row.entry.id) for name, make in makers.items()}
        return flat


def address_maker(view):
    """A function from a comment's id to its address for `view`: reversed once, not
    once per comment."""
    marker = str(MARKER)
    pattern = reverse(view, args=[MARKER])
    return lambda comment_id: pattern.replace(marker, comment_id)


def article_comments(page):
    """Every comment of this article that readers may see, in thread order."""
    article_type = ContentType.objects.get_for_model(ArticlePage)
    return (
        XtdComment.objects.filter(content_type=article_type, object_pk=str(page.pk))
        # Held comments stay out, unless they have replies (nested_count only grows).
        .filter(Q(is_public=True) | Q(nested_count__gt=0))
        .select_related("user")
        .order_by("thread_id", "order")
    )


def article_thread(page):
    max_level = max_thread_level_for_content_type(
        ContentType.objects.get_for_model(ArticlePage)
    )
    roots, entries = [], {}
    for comment in article_comments(page):
        entry = Entry(comment, max_level)
        entries[comment.pk] = entry
        parent = entries.get(comment.parent_id)
        if parent is None or comment.parent_id == comment.pk:
            roots.append(entry)
        else:
            parent.children.append(entry)
    count = sum(1 for entry in entries.values() if entry.shown)
    return Thread(prune(roots), count)


def prune(entries):
    """Drop held comments with nothing published beneath them, from the leaves up."""
    kept = []
    for entry in entries:
        entry.children = prune(entry.children)
        if entry.kept:
            kept.append(entry)
    return kept
