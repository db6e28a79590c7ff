"""Everything the results page shows for a query, put together from one module per concern.

ranking.py orders the matches (at most a fixed number of them, saying when more matched),
facets.py counts them by topic, pagination.py builds a page of results with snippets,
promotions.py adds editors' picks and hints.py helps when nothing matched.
"""

from dataclasses import dataclass, field

from articles.models import Topic

from .counts import count_of
from .facets import Filed, articles_in, chosen_topic, facets_for, in_topic
from .highlight import query_terms
from .hints import hints
from .pagination import page_of_results
from .promotions import promotions_for
from .ranking import live_articles, max_results, ranked

__all__ = ["Search", "live_articles", "search_articles"]


@dataclass
class Search:
    query: str
    count: int = 0  # an AtLeast ("50+") when more matched than are shown
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
    size = max_results()
    ids, more = ranked(live, query, terms, size)
    filed = Filed(ids)
    search.current_topic = chosen_topic(topic_slug, filed)
    search.facets = facets_for(ids, filed, more, search.current_topic)
    if search.current_topic is not None:
        if more:
            # The topic's own matches, not only those among the best of all.
            in_chosen = articles_in(live, search.current_topic)
            ids, more = ranked(in_chosen, query, terms, size)
            filed = Filed(ids)
        else:
            ids = in_topic(ids, filed, search.current_topic)
    search.count = count_of(len(ids), more)
    search.results = page_of_results(ids, filed, terms, page_number)
    if record:
        search.promotions = promotions_for(request, query)
    if not ids and search.current_topic is None:
        search.did_you_mean, search.close_topics = hints(live, terms)
    return search
