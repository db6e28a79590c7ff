"""The topic filter on search results: how many matches each topic holds."""

from collections import Counter
from dataclasses import dataclass

from articles.models import ArticlePage, Topic


@dataclass
class TopicFacet:
    topic: Topic
    count: int


def topics_by_article(ids):
    """{article id: [Topic, …] by name} for these articles, in one query."""
    links = ArticlePage.topics.through.objects.filter(
        articlepage_id__in=ids
    ).select_related("topic")
    grouped = {}
    for link in links:
        grouped.setdefault(link.articlepage_id, []).append(link.topic)
    for topics in grouped.values():
        topics.sort(key=lambda t: t.name.casefold())
    return grouped


def facets_for(ids, topics):
    counts = Counter(t.pk for pk in ids for t in topics.get(pk, ()))
    by_pk = {t.pk: t for group in topics.values() for t in group}
    return sorted(
        (TopicFacet(by_pk[pk], n) for pk, n in counts.items()),
        key=lambda f: f.topic.name.casefold(),
    )


def chosen_topic(slug, facets):
    """The topic the reader filtered by: one of the facets, else any topic, else None."""
    if not slug:
        return None
    return (
        next((f.topic for f in facets if f.topic.slug == slug), None)
        or Topic.objects.filter(slug=slug[:80]).first()
    )


def in_topic(ids, topics, topic):
    """The ids, in order, of articles filed under `topic`."""
    return [pk for pk in ids if any(t.pk == topic.pk for t in topics.get(pk, ()))]
