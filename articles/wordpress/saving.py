"""Writing imported pages as Wagtail's editor would: drafts, revisions, history, the gate.

A new page is created as a draft; an imported page gets a new draft revision, and a
live one keeps its live version until someone publishes. Going live is only ever
asked of the site's publishing gate (articles/publishing.py), never done around it:
for an article, the administrator running the import marks its import revision as
live awaiting medical review, which the gate honours for that revision alone.
"""

from contextlib import nullcontext

from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)

from ..models import ArticlePage
from ..publishing import IMPORTED_AWAITING_REVIEW_ACTION, PublishingRefused
from .pages import free_slug

NOT_PUBLISHED = "not published in WordPress (a draft, pending, private or scheduled)"
PROTECTED = "password-protected in WordPress"
NEEDS_ADMIN = (
    "going live without a medical review needs an administrator: run the import as one"
)
REVIEWED_LIVE = (
    "its live version has been medically reviewed: the imported changes wait for "
    "review as a draft"
)


def save_page(page, model, parent, item, fields, context):
    """Create the page as a draft, or give it a new draft revision; (page, revision)."""
    relations = {k: fields.pop(k) for k in ("authors", "topics") if k in fields}
    created = page is None
    if created:
        page = model(
            slug=free_slug(parent, item.slug or item.title, item),
            live=False,
            first_published_at=item.date if item.status == "publish" else None,
            **fields,
        )
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    for name, value in relations.items():
        getattr(page, name).set(value)
    indexing = not getattr(reference_index_auto_update_disabled, "value", False)
    # Each save would index the page's references again; once, at the end, will do.
    # (Wagtail's switch cannot be nested: it is left alone if already off.)
    with disable_reference_index_auto_update() if indexing else nullcontext():
        if created:
            parent.add_child(instance=page)
        elif not page.live:
            # A draft's own row holds the draft, as Wagtail's editor keeps it.
            page.save()
        # A live page keeps its reviewed version until someone publishes this one.
        revision = page.save_revision(user=context.user, clean=False)
    if indexing:
        ReferenceIndex.create_or_update_for_object(page)
    log(
        instance=page,
        action="wagtail.create" if created else "wagtail.edit",
        user=context.user,
        revision=revision,
        content_changed=True,
    )
    return page, revision


def go_live(page, revision, item, context, report):
    if item.status != "publish":
        report.not_published[NOT_PUBLISHED] += 1
        return
    if item.password:
        report.not_published[PROTECTED] += 1
        return
    if isinstance(page, ArticlePage):
        publish_awaiting_review(page, revision, context.user, report)
    else:
        revision.publish(user=context.user)


def publish_awaiting_review(article, revision, user, report):
    """Publish the import revision as an administrator's: live, awaiting review."""
    if not (user and user.is_superuser):
        report.not_published[NEEDS_ADMIN] += 1
        return
    if article.live and article.live_content_reviewed:
        report.not_published[REVIEWED_LIVE] += 1
        return
    try:
        # A refused revision keeps no permission to go live later.
        with transaction.atomic():
            log(
                instance=article,
                action=IMPORTED_AWAITING_REVIEW_ACTION,
                user=user,
                revision=revision,
            )
            revision.publish(user=user)
    except PublishingRefused as refusal:
        for problem in refusal.problems:
            report.not_published[problem.message] += 1
        return
    report.live_awaiting_review += 1
