"""The vocabulary behind "Did you mean": words of live titles, other names and topic
names, matched to a reader's words by trigram similarity.

PostgreSQL finds the close words with pg_trgm (a GIN trigram index on SearchTerm.word).
Elsewhere (SQLite) the same similarity is computed here, over the stored words only, so
both give the same answers. Either way it is one query, however many articles exist.
"""

import re
import struct

from django.db import connections
from django.db.models import Exists, FloatField, OuterRef, Q
from django.db.models.functions import Cast

from articles.about import split_names
from articles.models import ArticlePage, Topic

from .highlight import MIN_PREFIX, WORD
from .models import SearchTerm

# pg_trgm's default pg_trgm.similarity_threshold, which its % operator uses.
THRESHOLD = 0.3
MIN_WORD = 3
MAX_WORD = SearchTerm._meta.get_field("word").max_length
# pg_trgm's words: runs of letters and digits (no underscore).
TRIGRAM_WORD = re.compile(r"[^\W_]+")


def trigrams(text):
    """pg_trgm's trigrams: each word lower-cased, padded "  word ", cut in threes."""
    grams = set()
    for word in TRIGRAM_WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[n : n + 3] for n in range(len(padded) - 2))
    return grams


def similarity(a, b):
    """pg_trgm's similarity(a, b): shared trigrams over all trigrams, as a float4."""
    x, y = trigrams(a), trigrams(b)
    if not x or not y:
        return 0.0
    shared = len(x & y)
    # PostgreSQL divides in single precision; round alike so ties and the threshold agree.
    return struct.unpack("f", struct.pack("f", shared / (len(x) + len(y) - shared)))[0]


def correctable(word):
    """Long enough to be worth suggesting or correcting, short enough to store."""
    return MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit()


def words_of(name, other_names):
    """The words worth suggesting in a title or topic name and its other names."""
    texts = [name, *split_names(other_names)]
    return sorted(
        {
            w
            for text in texts
            for w in WORD.findall((text or "").casefold())
            if correctable(w)
        }
    )


# Keeping it current


def store_article(article):
    """Replace a just-published article's words with those of its live title and names."""
    SearchTerm.objects.filter(article=article).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(word=w, article=article)
        for w in words_of(article.title, article.other_names)
    )


def forget_article(article):
    SearchTerm.objects.filter(article=article).delete()


def store_topic(topic):
    SearchTerm.objects.filter(topic=topic).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(word=w, topic=topic) for w in words_of(topic.name, topic.other_names)
    )


def rebuild(article_model=ArticlePage, topic_model=Topic, term_model=SearchTerm):
    """Every live article's and topic's words, afresh. Models are passed by migrations."""
    term_model.objects.all().delete()
    terms = []
    for pk, title, names in article_model.objects.filter(live=True).values_list(
        "pk", "title", "other_names"
    ):
        terms += [term_model(word=w, article_id=pk) for w in words_of(title, names)]
    for pk, name, names in topic_model.objects.values_list("pk", "name", "other_names"):
        terms += [term_model(word=w, topic_id=pk) for w in words_of(name, names)]
    term_model.objects.bulk_create(terms, batch_size=500)
    return len(terms)


# Looking words up


def visible_terms(live):
    """Words of `live` articles, and of topics that file any of them."""
    return SearchTerm.objects.filter(
        Q(article__in=live.values("pk")) | Q(topic__in=visible_topics(live))
    )


def visible_topics(live):
    """Topics that file any of `live`, each checked by its own index: as many lookups
    as there are topics, however many articles each files."""
    return Topic.objects.filter(Exists(live.order_by().filter(topics=OuterRef("pk"))))


def choose(term, scored):
    """The word meant by `term` from (similarity, word) pairs: the most similar at or
    above the threshold, else the shortest word it begins ("diaz" for "diazepam")."""
    close = [(s, w) for s, w in scored if s >= THRESHOLD]
    if close:
        return min(close, key=lambda sw: (-sw[0], sw[1]))[1]
    if len(term) >= MIN_PREFIX:
        longer = [w for _, w in scored if w.startswith(term)]
        if longer:
            return min(longer, key=lambda w: (len(w), w))
    return term


def corrections(terms, live, in_python=None, topics=None):
    """{term: the known word it most likely means} for each correctable term.

    `in_python` forces the fallback (the tests compare it with PostgreSQL's answers);
    `topics`, the visible topics if the caller has them already.
    """
    wanted = [t for t in terms if correctable(t)]
    if not wanted:
        return {}
    if in_python is None:
        in_python = connections[live.db].vendor != "postgresql"
    if in_python:
        scored = _scored_here(wanted, visible_terms(live))
    else:
        scored = _scored_by_postgres(wanted, live, topics)
    return {t: choose(t, scored[t]) for t in wanted}


def _scored_by_postgres(wanted, live, topics):
    """The close words, then which of their articles and topics readers may see.

    Two lookups, each by index, so the cost follows the close words found, never the
    number of articles (asked in one query, PostgreSQL checks every live article).
    """
    from django.contrib.postgres.search import TrigramSimilarity

    # similarity() is a float4; widened in SQL, it arrives exactly as similarity() here.
    names = {
        f"sim{n}": Cast(TrigramSimilarity("word", t), FloatField())
        for n, t in enumerate(wanted)
    }
    near = Q()
    for t in wanted:
        near |= Q(word__trigram_similar=t)
        if len(t) >= MIN_PREFIX:
            near |= Q(word__startswith=t)
    rows = list(
        SearchTerm.objects.filter(near)
        .annotate(**names)
        .values_list("word", "article_id", "topic_id", *names)
    )
    articles = {row[1] for row in rows if row[1] is not None}
    shown = set()
    if articles:
        shown = set(live.filter(pk__in=articles).values_list("pk", flat=True))
    if topics is None:
        named = {row[2] for row in rows if row[2] is not None}
        topics = visible_topics(live).filter(pk__in=named) if named else []
    shown_topics = {topic.pk for topic in topics}
    scored = {t: set() for t in wanted}
    for word, article_id, topic_id, *sims in rows:
        if article_id in shown or topic_id in shown_topics:
            for t, sim in zip(wanted, sims, strict=True):
                scored[t].add((sim, word))
    return {t: list(pairs) for t, pairs in scored.items()}


def _scored_here(wanted, terms_qs):
    words = set(terms_qs.values_list("word", flat=True).distinct())
    return {t: [(similarity(w, t), w) for w in words] for t in wanted}
