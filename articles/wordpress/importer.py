"""import_wxr(): a WordPress export becomes articles, pages, people, topics and comments.

The file is read twice: once to check it whole (nothing is written if it is unsound),
then post by post. Each post is imported in its own transaction: one that fails is
rolled back and reported, and the rest go on. A dry run does it all inside one
transaction that is rolled back, so its report is the real one.

Imported articles arrive as drafts. With `live=True`, a post published in WordPress is
published here too, but only through the site's own gate: `user` (an administrator)
marks its import revision as live awaiting medical review, and the gate lets that
revision alone go live without a reviewer, references or the structured sections, if
it has what readers are owed from the start (saving.py, publishing.py). Readers see
that it is not yet medically reviewed. WordPress pages, which are not medically
reviewed, go live with it.
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from home.models import StandardPage

from ..models import ArticleIndexPage, ArticlePage
from .authors import Authors
from .cleaning import clean_html
from .comments import import_comments
from .ledger import Kind, Ledger
from .media import Images
from .pages import (
    article_fields,
    post_fingerprint,
    standard_page_fields,
)
from .redirects import redirect_old_addresses
from .report import ImportReport
from .saving import go_live, save_page
from .sections import section_headings
from .terms import Terms
from .wxr import iter_items, read_export

logger = logging.getLogger("healthinfo.wordpress")

IMPORTED_STATUSES = {"publish", "future", "draft", "pending", "private"}
SKIPPED_STATUSES = {
    "trash": "in the WordPress trash",
    "auto-draft": "an automatic draft WordPress never showed",
    "inherit": "a stored revision, not a post",
}
EDITED = "changed by an editor since it was imported (left as it is)"
FAILED = "failed: see the errors"
PAGE_COMMENTS = "comments on pages (only articles take comments)"
NO_HOME = "no home page to put pages under"


class ImportRefused(Exception):
    """The import cannot start (no place to put articles); nothing was changed."""


@dataclass
class Context:
    """What every post's import shares: the export, its records and the options."""

    export: object
    ledger: Ledger
    authors: Authors
    terms: Terms
    images: Images
    parent: ArticleIndexPage
    home: object
    site: object
    live: bool
    user: object

    def forget(self):
        """After a failed post: objects it made were rolled back."""
        self.authors.forget()
        self.terms.forget()
        self.images.forget()


def articles_index(parent=None):
    if parent is None:
        parent = ArticleIndexPage.objects.order_by("path").first()
        if parent is None:
            raise ImportRefused(
                "There is no articles index to import into. Create one under the "
                "home page first."
            )
    parent = parent.specific
    if not isinstance(parent, ArticleIndexPage):
        raise ImportRefused(
            f"“{parent.title}” cannot hold articles: choose the articles index."
        )
    return parent


def import_wxr(
    path,
    *,
    parent=None,
    dry_run=False,
    media_dir=None,
    live=False,
    progress=None,
    user=None,
):
    """Import a WXR file; returns an ImportReport. Raises WXRError for an unsound file."""
    export = read_export(path)
    parent = articles_index(parent)
    section_headings()  # a mistake in the setting stops the import before it starts
    report = ImportReport(
        dry_run=dry_run, live=live, site=export.site.title or export.site.key
    )
    site = parent.get_site()
    home = site.root_page.specific if site else None
    if not isinstance(home, tuple(StandardPage.allowed_parent_page_models())):
        home = None
    ledger = Ledger(export.site.key)
    context = Context(
        export=export,
        ledger=ledger,
        authors=Authors(export, ledger),
        terms=Terms(export, ledger),
        images=Images(export, ledger, media_dir, dry_run=dry_run),
        parent=parent,
        home=home,
        site=site,
        live=live,
        user=user,
    )
    count_other_items(export, report)
    with transaction.atomic() if dry_run else nullcontext():
        for done, item in enumerate(iter_items(path), start=1):
            import_item(item, context, report)
            if progress is not None:
                progress(done, export.total, item.title)
        if dry_run:
            transaction.set_rollback(True)
    return report


def count_other_items(export, report):
    for post_type, count in export.counts.items():
        if post_type not in ("post", "page", "attachment", "comment"):
            report.skipped("posts", f"not a post or a page ({post_type})", count)


def import_item(item, context, report):
    kind = "posts" if item.post_type == "post" else "pages"
    if item.status in SKIPPED_STATUSES or item.status not in IMPORTED_STATUSES:
        reason = SKIPPED_STATUSES.get(item.status, f"WordPress status “{item.status}”")
        report.skipped(kind, reason)
        return
    tally = ImportReport()
    try:
        with transaction.atomic():
            if kind == "posts":
                import_post(item, context, tally)
            else:
                import_page(item, context, tally)
    except Exception as error:  # one post's failure never stops the others
        logger.exception("WordPress %s %s failed to import", item.post_type, item.id)
        context.forget()
        report.skipped(kind, FAILED)
        report.error(item, describe(error))
        return
    context.images.committed()
    report.merge(tally)


def describe(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return f"{type(error).__name__}: {error}"[:300]


def import_post(item, context, report):
    cleaned = clean_html(item.content)
    digest = post_fingerprint(item, cleaned, context.images)
    row = context.ledger.get(Kind.POST, item.id)
    page = ArticlePage.objects.filter(pk=row.object_id).first() if row else None
    if page is not None and row.fingerprint == digest:
        report.unchanged("posts")
    elif page is not None and page.latest_revision_id != row.revision_id:
        report.skipped("posts", EDITED)
    else:
        report.dropped.update(cleaned.dropped)
        fields = article_fields(item, cleaned, context, report)
        page, revision = save_page(
            page, ArticlePage, context.parent, item, fields, context
        )
        context.ledger.record(Kind.POST, item.id, page, digest, revision)
        if row is None or row.object_id != page.pk:
            report.created("posts")
        else:
            report.updated("posts")
        if context.live:
            go_live(page, revision, item, context, report)
    redirect_old_addresses(page, item, context.site, report, query_key="p")
    import_comments(page, item.comments, context.ledger, report)


def import_page(item, context, report):
    if context.home is None:
        report.skipped("pages", NO_HOME)
        return
    cleaned = clean_html(item.content)
    digest = post_fingerprint(item, cleaned, context.images)
    row = context.ledger.get(Kind.PAGE, item.id)
    page = StandardPage.objects.filter(pk=row.object_id).first() if row else None
    if page is not None and row.fingerprint == digest:
        report.unchanged("pages")
    elif page is not None and page.latest_revision_id != row.revision_id:
        report.skipped("pages", EDITED)
    else:
        report.dropped.update(cleaned.dropped)
        fields = standard_page_fields(item, cleaned, report)
        page, revision = save_page(
            page, StandardPage, context.home, item, fields, context
        )
        context.ledger.record(Kind.PAGE, item.id, page, digest, revision)
        if row is None or row.object_id != page.pk:
            report.created("pages")
        else:
            report.updated("pages")
        if context.live:
            go_live(page, revision, item, context, report)
    redirect_old_addresses(page, item, context.site, report, query_key="page_id")
    if item.comments:
        report.skipped("comments", PAGE_COMMENTS, len(item.comments))
