"""Which live articles match, best first.

Wagtail's database backend finds the matches (PostgreSQL full-text search, or SQLite
FTS5), or a search cluster with the database behind it (home/search_fallback.py). The
SQLite backend ignores field boosts, so matches are re-ordered here the same way on all:
articles whose title or other names ("Valium" for diazepam), then summary, hold the
reader's words come first; within that, the backend's own relevance order stands.
"""

from articles.models import ArticlePage
from home import search_fallback

from .highlight import terms_found

# Matches re-ordered in Python; beyond this the backend's order is kept.
MAX_RANKED = 500
TITLE_WEIGHT = 3
SUMMARY_WEIGHT = 2


def live_articles():
    return ArticlePage.objects.live().public()


def ranked(live, query, terms):
    """Matching article ids, best first, and how many matched in all."""
    found = search_fallback.search(
        live.only("title", "other_names", "summary"), query, operator="and"
    )
    head = list(found[:MAX_RANKED])

    def weight(article):
        # A brand name counts as the title does.
        named = f"{article.title}, {article.other_names}"
        return TITLE_WEIGHT * len(terms_found(named, terms)) + SUMMARY_WEIGHT * len(
            terms_found(article.summary, terms)
        )

    order = sorted(range(len(head)), key=lambda n: (-weight(head[n]), n))
    total = len(head) if len(head) < MAX_RANKED else found.count()
    return [head[n].pk for n in order], total
