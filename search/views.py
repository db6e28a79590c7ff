"""Site search over live, public articles."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from articles.models import ArticlePage

from .query import MAX_QUERY_LENGTH, clean_query

RESULTS_PER_PAGE = 10


def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    results = None
    if query:
        found = ArticlePage.objects.live().public().specific().search(query)
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "query_was_cut": len(raw) > MAX_QUERY_LENGTH,
        },
    )
