"""The comment thread under an article: one query, however long the discussion."""

from dataclasses import dataclass, field

from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from articles.models import ArticlePage

from .text import web_url


def count_text(count):
    if count == 0:
        return "No comments yet"
    return "1 comment" if count == 1 else f"{count:,} comments"


@dataclass
class Entry:
    comment: XtdComment
    max_level: int
    children: list = field(default_factory=list)

    @property
    def shown(self):
        """Published and not removed; anything else shows as a removal notice."""
        return self.comment.is_public and not self.comment.is_removed

    @property
    def kept(self):
        """Removed after publication, or holding up published replies."""
        c = self.comment
        return self.shown or (c.is_public and c.is_removed) or bool(self.children)

    @property
    def can_reply(self):
        return self.shown and self.comment.level < self.max_level

    @property
    def by_staff(self):
        return bool(self.comment.user_id and self.comment.user.is_staff)

    @property
    def author_url(self):
        return web_url(self.comment.user_url)


@dataclass
class Thread:
    entries: list
    count: int

    @property
    def count_text(self):
        return count_text(self.count)


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
