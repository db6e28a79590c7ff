"""The topic filter on search results: how many matches each topic holds."""

from collections import Counter
from dataclasses import dataclass

from articles.models import ArticlePage, Topic

from .counts import count_of

# Topics the filter offers: those with the most matches. A large site files a common
# word's matches under every topic, and a list of a hundred helps no one.
MAX_FACETS = 10


@dataclass
class TopicFacet:
    topic: Topic
    count: int


class Filed:
    """Which topics file which of a search's articles, from one query of plain rows.

    A search ranks hundreds of articles, but shows a page of them and a few topics, so
    a Topic (its other fields load if asked for) is built only for what is shown.
    """

    FIELDS = ("id", "name", "slug")  # in the model's order, as from_db() reads them

    def __init__(self, ids):
        links = ArticlePage.topics.through.objects.filter(articlepage_id__in=ids)
        self._db = links.db
        self.topic_ids = {}  # article id: [topic id, …]
        self._rows = {}  # topic id: (id, name, slug)
        self._built = {}
        for article_id, *row in links.values_list(
            "articlepage_id", *(f"topic__{name}" for name in self.FIELDS)
        ):
            self.topic_ids.setdefault(article_id, []).append(row[0])
            self._rows[row[0]] = row

    def name(self, topic_id):
        return self._rows[topic_id][1]

    def topic(self, topic_id):
        if topic_id not in self._built:
            row = self._rows[topic_id]
            self._built[topic_id] = Topic.from_db(self._db, self.FIELDS, row)
        return self._built[topic_id]

    def with_slug(self, slug):
        return next(
            (self.topic(pk) for pk, row in self._rows.items() if row[2] == slug), None
        )

    def get(self, article_id, default=()):
        """The article's topics by name, like a dict of lists."""
        ids = self.topic_ids.get(article_id)
        if not ids:
            return default
        return sorted(map(self.topic, ids), key=lambda t: t.name.casefold())


def facets_for(ids, filed, more=False, current=None):
    """The topics filing most of `ids` (and `current`), by name, each with its count: a
    lower bound ("12+") when more matched than `ids` (`more`)."""
    counts = Counter(pk for article in ids for pk in filed.topic_ids.get(article, ()))
    kept = sorted(counts, key=lambda pk: (-counts[pk], filed.name(pk).casefold()))
    kept = kept[:MAX_FACETS]
    if current is not None and current.pk in counts and current.pk not in kept:
        kept.append(current.pk)
    return [
        TopicFacet(filed.topic(pk), count_of(counts[pk], more))
        for pk in sorted(kept, key=lambda pk: filed.name(pk).casefold())
    ]


def chosen_topic(slug, filed):
    """The topic the reader filtered by: one filing the matches, else any, else None."""
    if not slug:
        return None
    return filed.with_slug(slug) or Topic.objects.filter(slug=slug[:80]).first()


def articles_in(live, topic):
    """`live` narrowed to `topic`, as a filter on ids that Wagtail's search accepts."""
    filed = ArticlePage.topics.through.objects.filter(topic=topic)
    return live.filter(pk__in=filed.values("articlepage_id"))


def in_topic(ids, filed, topic):
    """The ids, in order, of articles filed under `topic`."""
    return [pk for pk in ids if topic.pk in filed.topic_ids.get(pk, ())]
