"""Writing many pages at once: tree paths, inherited rows, revisions, reviews, history.

Wagtail's add_child() and save_revision() cost a dozen queries a page. Here each step
is one statement per batch, and the rows come out as those calls would leave them: a
live page in the tree, its live revision, the medical review of that revision, and
the publish entry in its history.
"""

import copy
import functools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F

from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends

from articles.models import ArticlePage, MedicalReview
from articles.reviews import REVIEW_LOG_ACTION, add_months


def _insert(model, objs, fields, returning=False):
    """One INSERT per batch the database accepts; the new primary keys if asked."""
    db = router.db_for_write(model)
    ops = connections[db].ops
    size = max(1, ops.bulk_batch_size(fields, objs))
    returned = []
    for start in range(0, len(objs), size):
        # Django's own save() inserts through _insert(); bulk_create() refuses models
        # with a parent table, so their rows go in the way save() puts them.
        rows = model._base_manager._insert(
            objs[start : start + size],
            fields=fields,
            returning_fields=[model._meta.pk] if returning else None,
            using=db,
        )
        returned += rows or []
    return returned


def insert_inherited(model, objs):
    """Insert instances of a model with one parent table (a Page type): parent rows first."""
    link = model._meta.pk  # the one-to-one link to the parent row
    parent = link.related_model
    fields = [f for f in parent._meta.local_concrete_fields if not f.primary_key]
    for obj, (pk,) in zip(objs, _insert(parent, objs, fields, True), strict=True):
        setattr(obj, parent._meta.pk.attname, pk)
        setattr(obj, link.attname, pk)
    _insert(model, objs, model._meta.local_concrete_fields)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = router.db_for_write(model)
    return objs


class ChildPaths:
    """Tree paths for new children of `parent`, after the ones it has."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.step = Page._str2int(last.path[-Page.steplen :]) if last else 0

    def next(self):
        self.step += 1
        return Page._get_path(self.parent.path, self.parent.depth + 1, self.step)

    def adopted(self, count):
        """Record `count` new children on the parent, as treebeard would."""
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + count)


def publish_rows(pages, reviews):
    """Each page's live revision, its medical review and its history, in a few queries.

    `reviews` gives, per page, (reviewer Person, reviewed_on date). The pages' child
    rows must be saved, and set on the instances, before their revisions are made.
    """
    page_type = ContentType.objects.get_for_model(Page)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=page.last_published_at,
            content=page.serializable_data(),
            object_str=page.title,
        )
        for page in pages
    )
    records = MedicalReview.objects.bulk_create(
        MedicalReview(
            article_id=page.pk,
            revision=revision,
            reviewer=reviewer,
            user_id=reviewer.user_id,
            reviewed_on=reviewed_on,
            next_review_due=add_months(reviewed_on, page.review_interval_months),
        )
        for page, revision, (reviewer, reviewed_on) in zip(
            pages, revisions, reviews, strict=True
        )
    )
    for page, revision, review in zip(pages, revisions, records, strict=True):
        page.live_revision = page.latest_revision = revision
        page.last_review = review
    ArticlePage.objects.bulk_update(
        pages, ["live_revision", "latest_revision", "last_review"]
    )
    PageLogEntry.objects.bulk_create(
        entry
        for page, revision, review in zip(pages, revisions, records, strict=True)
        for entry in history(page, revision, review, article_type)
    )


def history(page, revision, review, content_type):
    """The history entries publishing after a medical review writes."""
    common = {
        "page_id": page.pk,
        "content_type": content_type,
        "label": page.title,
        "revision": revision,
    }
    return [
        PageLogEntry(
            action="wagtail.create",
            timestamp=page.first_published_at,
            uuid=uuid.uuid4(),
            data={},
            **common,
        ),
        PageLogEntry(
            action=REVIEW_LOG_ACTION,
            timestamp=page.last_published_at,
            uuid=uuid.uuid4(),
            user_id=review.user_id,
            data={
                "reviewer": review.reviewer.name,
                "reviewed": review.reviewed_on.isoformat(),
                "next_review_due": review.next_review_due.isoformat(),
                "review": review.pk,
            },
            **common,
        ),
        PageLogEntry(
            action="wagtail.publish",
            timestamp=page.last_published_at,
            uuid=uuid.uuid4(),
            content_changed=True,
            data={},
            **common,
        ),
    ]


def index_for_search(model, objs):
    """Add `objs` to every search backend that follows saves, one statement a batch."""
    fields = fields_read_once(model)
    for obj in objs:
        obj.get_search_fields = lambda: fields
    try:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objs)
    finally:
        for obj in objs:
            del obj.get_search_fields


def fields_read_once(model):
    """The model's search fields, each reading an object's value only once.

    The database backend reads every field once per column it fills (title, body,
    autocomplete and their plain texts): five walks through each article body. The
    values are the same, so the first is kept for the others.
    """
    fields = []
    for field in model.get_search_fields():
        field = copy.copy(field)
        field.get_value = functools.cache(field.get_value)
        fields.append(field)
    return fields
