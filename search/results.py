"""Searching live, public articles: ranking, topic filter, snippets, promotions, hints.

Wagtail's database backend finds the matches (PostgreSQL full-text search, or SQLite
FTS5). The SQLite backend ignores field boosts, so matches are re-ordered here the same
way on both: articles whose title, then summary, holds the reader's words come first;
within that, the backend's own relevance order stands.
"""

import difflib
import html
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from articles.models import ArticlePage, Topic

from .highlight import (
    MIN_PREFIX,
    WORD,
    highlight,
    query_terms,
    snippet,
    terms_found,
)

RESULTS_PER_PAGE = 10
# Matches re-ordered in Python; beyond this the backend's order is kept.
MAX_RANKED = 500
TITLE_WEIGHT = 3
SUMMARY_WEIGHT = 2
# Raw StreamField keys that hold codes or ids, not words a reader would recognise.
NOT_TEXT = frozenset(
    {
        "type",
        "id",
        "references",
        "direction",
        "certainty",
        "kind",
        "severity",
        "page",
        "image",
        "alt_text",
        "decorative",
    }
)


@dataclass
class Result:
    article: ArticlePage
    topics: list
    summary: SafeString
    snippet: SafeString


@dataclass
class TopicFacet:
    topic: Topic
    count: int


@dataclass
class Promotion:
    title: str
    url: str
    description: str


@dataclass
class Search:
    query: str
    count: int = 0
    results: object = None  # a paginator Page of Result
    facets: list = field(default_factory=list)
    current_topic: Topic | None = None
    promotions: list = field(default_factory=list)
    did_you_mean: str = ""
    close_topics: list = field(default_factory=list)


def live_articles():
    return ArticlePage.objects.live().public()


def stream_texts(raw):
    """The readable text in raw StreamField data, without touching the database.

    Converting the stream to Python would fetch linked pages and images per article.
    """
    if isinstance(raw, str):
        text = " ".join(html.unescape(strip_tags(raw)).split())
        if text:
            yield text
    elif isinstance(raw, Mapping):
        for key, value in raw.items():
            if key not in NOT_TEXT:
                yield from stream_texts(value)
    elif isinstance(raw, Iterable):
        for item in raw:
            yield from stream_texts(item)


def ranked(live, query, terms):
    """Matching article ids, best first, and how many matched in all."""
    found = live.only("title", "summary").search(query, operator="and")
    head = list(found[:MAX_RANKED])

    def weight(article):
        return TITLE_WEIGHT * len(
            terms_found(article.title, terms)
        ) + SUMMARY_WEIGHT * len(terms_found(article.summary, terms))

    order = sorted(range(len(head)), key=lambda n: (-weight(head[n]), n))
    total = len(head) if len(head) < MAX_RANKED else found.count()
    return [head[n].pk for n in order], total


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


def page_of_results(ids, topics, terms, number):
    page = Paginator(ids, RESULTS_PER_PAGE).get_page(number)
    articles = ArticlePage.objects.in_bulk(list(page.object_list))
    page.object_list = [
        Result(
            article=article,
            topics=topics.get(article.pk, []),
            summary=highlight(article.summary, terms),
            snippet=snippet(stream_texts(article.body.raw_data), terms),
        )
        for article in (articles.get(pk) for pk in page.object_list)
        if article is not None
    ]
    return page


def promotions_for(request, query):
    """Editors' promotions for this query, recording it for the popular-searches report."""
    recorded = Query.get(query)
    recorded.add_hit()
    picks = list(recorded.editors_picks.select_related("page").order_by("sort_order"))
    page_ids = [p.page_id for p in picks if p.page_id]
    visible = (
        set(
            Page.objects.live()
            .public()
            .filter(pk__in=page_ids)
            .values_list("pk", flat=True)
        )
        if page_ids
        else set()
    )
    promotions = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in visible:
                url = pick.page.get_url(request=request)
                promotions.append(Promotion(pick.page.title, url, pick.description))
        elif pick.external_link_url:
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return promotions


def correct(term, vocabulary):
    """The known word a reader probably meant: a misspelling's closest match, or the
    shortest word an unfinished one begins ("diaz" for "diazepam")."""
    close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
    if close:
        return close[0]
    if len(term) >= MIN_PREFIX:
        longer = [w for w in vocabulary if w.startswith(term)]
        if longer:
            return min(longer, key=lambda w: (len(w), w))
    return term


def hints(live, terms):
    """A corrected query ("did you mean") and topics whose names are close to the words.

    Only asked for when nothing matched, so its queries cost nothing otherwise.
    """
    topics = list(Topic.objects.filter(articlepage__in=live).distinct())
    vocabulary = set()
    for title, summary in live.values_list("title", "summary"):
        vocabulary.update(w for w in WORD.findall(f"{title} {summary}".casefold()))
    for topic in topics:
        vocabulary.update(WORD.findall(topic.name.casefold()))
    known = {w for w in vocabulary if len(w) > 2 and not w.isdigit()}
    vocabulary = sorted(known)  # difflib's choice between equals follows this order
    corrected = [t if t in known else correct(t, vocabulary) for t in terms]
    suggestion = " ".join(corrected) if corrected != terms else ""
    if suggestion and not live.search(suggestion, operator="and").count():
        suggestion = ""
    close_topics = [
        t
        for t in topics
        if terms_found(t.name, corrected)
        or difflib.get_close_matches(" ".join(terms), [t.name.casefold()], cutoff=0.6)
    ]
    return suggestion, close_topics


def search_articles(request, query, topic_slug="", page_number=None, record=True):
    """Everything the results page shows for `query` (already cleaned)."""
    search = Search(query=query)
    terms = query_terms(query)
    live = live_articles()
    ids, total = ranked(live, query, terms)
    topics = topics_by_article(ids)
    search.facets = facets_for(ids, topics)
    if topic_slug:
        search.current_topic = (
            next((f.topic for f in search.facets if f.topic.slug == topic_slug), None)
            or Topic.objects.filter(slug=topic_slug[:80]).first()
        )
    if search.current_topic is not None:
        ids = [
            pk
            for pk in ids
            if any(t.pk == search.current_topic.pk for t in topics.get(pk, ()))
        ]
        total = len(ids)
    search.count = total
    search.results = page_of_results(ids, topics, terms, page_number)
    if record:
        search.promotions = promotions_for(request, query)
    if not total and search.current_topic is None:
        search.did_you_mean, search.close_topics = hints(live, terms)
    return search
