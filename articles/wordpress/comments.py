"""A post's WordPress comments become its reader comments, threads and states kept.

Text, names and addresses are cleaned as a reader's comment is when posted. Approved
comments are public, pending ones are held for a moderator; spam, trash, pingbacks and
trackbacks are counted and left out. A reply deeper than the site allows is attached
to its deepest ancestor that may take one, in date order. Nothing here sends email:
comments are stored directly, never "posted".
"""

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser

from django_comments.models import Comment
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..comments.generate import Planned, insert_thread_rows, number_thread
from ..comments.text import clean_plain_text, web_url
from .ledger import Kind, fingerprint

SKIPPED_STATES = {
    "spam": "marked as spam in WordPress",
    "trash": "in the WordPress trash",
    "post-trashed": "in the WordPress trash",
}
LINKBACK = "pingbacks and trackbacks"
EMPTY = "no text left once cleaned"
NAME_MAX = 50  # XtdComment.user_name
URL_MAX = 200  # XtdComment.user_url
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _PlainText(HTMLParser):
    """A comment's HTML as a reader would have typed it: paragraphs, and links' addresses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hrefs = [], []
        self.hidden = 0  # inside <script> or <style>, whose text no reader saw

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "p":
            self.parts.append("\n\n")
        elif tag == "a":
            self.hrefs.append((dict(attrs).get("href") or "").strip())
            self.parts.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag == "p":
            self.parts.append("\n\n")
        elif tag == "a" and self.hrefs:
            href = self.hrefs.pop()
            if web_url(href) and href not in "".join(self.parts[-3:]):
                self.parts.append(f" ({href})")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def comment_text(content):
    parser = _PlainText()
    parser.feed(content or "")
    parser.close()
    return clean_plain_text("".join(parser.parts))


def email_or_blank(value):
    value = (value or "").strip()[:254]
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def ip_or_none(value):
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def fields_of(comment):
    """The stored fields of an imported comment, cleaned as a reader's would be."""
    return {
        "user_name": clean_plain_text(comment.author)[:NAME_MAX] or "Anonymous",
        "user_email": email_or_blank(comment.email),
        "user_url": web_url(comment.url)[:URL_MAX],
        "comment": comment_text(comment.content),
        "submit_date": comment.date or EPOCH,
        "ip_address": ip_or_none(comment.ip),
        "is_public": comment.approved == "1",
        "is_removed": False,
    }


def kept_and_skipped(comments, report):
    """{id: (comment, its stored fields)} to import; the others counted with their reason."""
    kept = {}
    for comment in comments:
        if comment.type in ("pingback", "trackback"):
            report.skipped("comments", LINKBACK)
        elif comment.approved in SKIPPED_STATES:
            report.skipped("comments", SKIPPED_STATES[comment.approved])
        elif not (fields := fields_of(comment))["comment"]:
            report.skipped("comments", EMPTY)
        else:
            kept[comment.id] = (comment, fields)
    return kept


def kept_parent(comment, by_id, kept):
    """The nearest ancestor being imported (a reply to spam joins the spam's parent)."""
    seen = set()
    parent_id = comment.parent_id
    while parent_id and parent_id not in kept and parent_id not in seen:
        seen.add(parent_id)
        parent = by_id.get(parent_id)
        parent_id = parent.parent_id if parent else 0
    return parent_id if parent_id in kept else 0


def in_date_order(comments):
    return sorted(comments, key=lambda c: (c.date or EPOCH, c.id))


def import_comments(page, comments, ledger, report):
    """Create or update `page`'s comments from a post's WordPress comments."""
    by_id = {c.id: c for c in comments}
    kept = kept_and_skipped(comments, report)
    if not kept:
        return
    content_type = ContentType.objects.get_for_model(type(page))
    recorded = ledger.many(Kind.COMMENT, kept)
    existing = {
        c.pk: c
        for c in XtdComment.norel_objects.filter(
            pk__in=[row.object_id for row in recorded.values()],
            content_type=content_type,
            object_pk=str(page.pk),
        )
    }
    stored = {}  # WordPress id → XtdComment already on the page
    new = []
    for comment in in_date_order(c for c, _ in kept.values()):
        fields = kept[comment.id][1]
        row = recorded.get(str(comment.id))
        current = existing.get(row.object_id) if row else None
        if current is None:
            new.append(comment)
            continue
        stored[comment.id] = current
        digest = fingerprint(fields)
        if digest == row.fingerprint:
            report.unchanged("comments")
            continue
        XtdComment.norel_objects.filter(pk=current.pk).update(**fields)
        row.fingerprint = digest
        row.save(update_fields=["fingerprint", "imported_at"])
        report.updated("comments")
    if not new:
        return
    thread = Thread(
        page=page,
        content_type=content_type,
        site=Site.objects.get_current(),
        max_level=max_thread_level_for_content_type(content_type),
        parents={c.id: kept_parent(c, by_id, kept) for c in new},
        fields={c.id: kept[c.id][1] for c in new},
        report=report,
    )
    page_has_comments = (
        stored
        or XtdComment.norel_objects.filter(
            content_type=content_type, object_pk=str(page.pk)
        ).exists()
    )
    if page_has_comments:
        created = thread.add_one_by_one(new, stored)
    else:
        created = thread.add_in_bulk(new)
    report.created("comments", len(created))
    ledger.record_many(
        Kind.COMMENT,
        [(c.id, created[c.id], fingerprint(thread.fields[c.id])) for c in new],
    )


@dataclass
class Thread:
    """Adds new comments to one page's discussion."""

    page: object
    content_type: ContentType
    site: Site
    max_level: int
    parents: dict  # WordPress id → the WordPress id of its nearest kept ancestor
    fields: dict  # WordPress id → stored fields
    report: object

    def add_in_bulk(self, new):
        """A page's first comments: the thread computed here, stored in a few statements."""
        planned = {}
        for index, comment in enumerate(new):  # in date order: parents come first
            wanted = planned.get(self.parents[comment.id])
            parent = wanted
            while parent is not None and parent.level >= self.max_level:
                parent = parent.parent
            if parent is not wanted:
                self.report.deepened += 1
            node = Planned(
                parent=parent, level=parent.level + 1 if parent else 0, index=index
            )
            if parent is not None:
                parent.children.append(node)
            planned[comment.id] = node
        for node in planned.values():
            if node.parent is None:
                number_thread(node, 1)
        rows = [self.base_comment(c.id) for c in new]
        Comment.objects.bulk_create(rows)
        for comment, row in zip(new, rows, strict=True):
            planned[comment.id].pk = row.pk
        insert_thread_rows(list(planned.values()))
        return {c.id: planned[c.id].pk for c in new}

    def add_one_by_one(self, new, stored):
        """Comments joining a page that has some: xtd places each in its thread."""
        placed = dict(stored)  # WordPress id → XtdComment
        created = {}
        for comment in new:
            wanted = placed.get(self.parents[comment.id])
            parent = wanted
            while parent is not None and parent.level >= self.max_level:
                parent = self.parent_of(parent)
            if parent is not wanted:
                self.report.deepened += 1
            xtd = XtdComment(
                content_type=self.content_type,
                object_pk=str(self.page.pk),
                site=self.site,
                parent_id=parent.pk if parent else 0,
                **self.fields[comment.id],
            )
            xtd.save()
            placed[comment.id] = created[comment.id] = xtd
        return {wp_id: xtd.pk for wp_id, xtd in created.items()}

    @staticmethod
    def parent_of(comment):
        # A thread's first comment is its own parent.
        if comment.parent_id == comment.pk:
            return None
        return XtdComment.norel_objects.filter(pk=comment.parent_id).first()

    def base_comment(self, wordpress_id):
        return Comment(
            content_type=self.content_type,
            object_pk=str(self.page.pk),
            site=self.site,
            **self.fields[wordpress_id],
        )
