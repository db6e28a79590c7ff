"""WordPress categories and tags become Topics, matched by slug or name."""

from django.utils.text import slugify

from ..topics import Topic
from .authors import free_slug
from .ledger import Kind

KINDS = ("category", "post_tag")
# WordPress files every post without a category here; it says nothing about the post.
DEFAULT_CATEGORY = ("category", "uncategorized")
UNCATEGORIZED = "WordPress's default “Uncategorized” category"
NAME_MAX = 80


class Terms:
    """Finds or makes the Topic for each category and tag, once per import."""

    def __init__(self, export, ledger):
        self.ledger = ledger
        self.descriptions = {(t.kind, t.slug): t.description for t in export.terms}
        self.topics = {}

    def forget(self):
        self.topics.clear()

    def topics_for(self, terms, report):
        found = []
        for term in terms:
            if term.kind not in KINDS or not (term.name or term.slug):
                continue
            if (term.kind, term.slug) == DEFAULT_CATEGORY:
                report.skipped("topics", UNCATEGORIZED)
                continue
            key = f"{term.kind}:{term.slug or slugify(term.name)}"
            if key not in self.topics:
                self.topics[key] = self.find_or_create(key, term, report)
            if self.topics[key] not in found:
                found.append(self.topics[key])
        return found

    def find_or_create(self, key, term, report):
        row = self.ledger.get(Kind.TERM, key)
        topic = Topic.objects.filter(pk=row.object_id).first() if row else None
        name = (term.name or term.slug)[:NAME_MAX]
        slug = slugify(term.slug or term.name)[:NAME_MAX]
        if topic is None:
            # A category and a tag of the same name are one topic here.
            topic = (
                Topic.objects.filter(name__iexact=name).first()
                or Topic.objects.filter(slug=slug).first()
            )
        if topic is None:
            topic = Topic.objects.create(
                name=name,
                slug=free_slug(slug or name, Topic, NAME_MAX),
                description=self.descriptions.get((term.kind, term.slug), ""),
            )
            report.created("topics")
        else:
            report.unchanged("topics")
        self.ledger.record(Kind.TERM, key, topic)
        return topic
