"""Everything the results page shows for a query, put together from one module per concern.

ranking.py orders the matches, facets.py counts them by topic, pagination.py builds a page
of results with snippets, promotions.py adds editors' picks and hints.py helps when nothing
matched.
"""

from dataclasses import dataclass, field

from articles.models import Topic

from .facets import chosen_topic, facets_for, in_topic, topics_by_article
from .highlight import query_terms
from .hints import hints
from .pagination import page_of_results
from .promotions import promotions_for
from .ranking import live_articles, ranked

__all__ = ["Search", "live_articles", "search_articles"]


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


def search_articles(request, query, topic_slug="", page_number=None, record=True):
    """Everything the results page shows for `query` (already cleaned)."""
    search = Search(query=query)
    terms = query_terms(query)
    live = live_articles()
    ids, total = ranked(live, query, terms)
    topics = topics_by_article(ids)
    search.facets = facets_for(ids, topics)
    search.current_topic = chosen_topic(topic_slug, search.facets)
    if search.current_topic is not None:
        ids = in_topic(ids, topics, search.current_topic)
        total = len(ids)
    search.count = total
    search.results = page_of_results(ids, topics, terms, page_number)
    if record:
        search.promotions = promotions_for(request, query)
    if not total and search.current_topic is None:
        search.did_you_mean, search.close_topics = hints(live, terms)
    return search
