"""Which live articles match, best first.

Wagtail's database backend finds the matches (PostgreSQL full-text search, or SQLite
FTS5), or a search cluster with the database behind it (home/search_fallback.py). The
SQLite backend ignores field boosts, so matches are re-ordered here the same way on all:
articles whose title or other names ("Valium" for diazepam), then summary, hold the
reader's words come first; within that, the backend's own relevance order stands.

A search shows at most `max_results()` of them and says when more matched, so its cost
does not grow with the number of matches: the database ranks only a bounded pool of
them (matching.py), title matches included.
"""

from django.conf import settings

from articles.models import ArticlePage
from home import search_fallback

from .highlight import terms_found
from .matching import pool

# The most results a search shows ("50+" beyond); settings.SEARCH_MAX_RESULTS overrides.
MAX_RESULTS = 50
TITLE_WEIGHT = 3
SUMMARY_WEIGHT = 2


def max_results():
    return getattr(settings, "SEARCH_MAX_RESULTS", MAX_RESULTS)


def live_articles():
    return ArticlePage.objects.live().public()


# What ranking reads of each match; rows, not pages, as building a page costs far more.
FIELDS = ("pk", "title", "other_names", "summary")


def found(live, query, size):
    """Wagtail's results for `query` among `live`, best first (lazy, to be sliced), as
    FIELDS rows. A cluster ranks every match; the database backend only its pool.
    """

    def on(backend_name):
        keep = pool(live, query, size, backend_name)
        if keep is None:  # a cluster: Wagtail fetches the pages it names
            searched = live.only(*FIELDS[1:])
        else:
            searched = live.filter(keep).values_list(*FIELDS)
        return searched.search(query, operator="and", backend=backend_name)

    if search_fallback.has_fallback():
        return search_fallback.or_database(
            on("default"), lambda: on(search_fallback.DATABASE)
        )
    return on("default")


def _row(match):
    """(pk, title, other_names, summary) of a page or of a row with Wagtail's extras."""
    if isinstance(match, tuple):
        return match[: len(FIELDS)]
    return tuple(getattr(match, name) for name in FIELDS)


def ranked(live, query, terms, size):
    """Up to `size` matching article ids, best first, and whether more matched."""
    # All of a pool (SQLite's may hold 2 * size + 1), and as many from a cluster.
    head = [_row(match) for match in found(live, query, size)[: 2 * size + 1]]

    def weight(row):
        _, title, other_names, summary = row
        # A brand name counts as the title does.
        named = f"{title}, {other_names}"
        return TITLE_WEIGHT * len(terms_found(named, terms)) + SUMMARY_WEIGHT * len(
            terms_found(summary, terms)
        )

    order = sorted(range(len(head)), key=lambda n: (-weight(head[n]), n))
    return [head[n][0] for n in order[:size]], len(head) > size


def any_match(live, query):
    """Whether any of `live` matches `query`, at the cost of ranking a handful."""
    return bool(list(found(live, query, 1)[:1]))
