"""Site search over live, public articles, and title suggestions for the search box."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from home import search_fallback
from home.breadcrumbs import Crumb
from home.query import MAX_QUERY_LENGTH, clean_query

from .results import live_articles, search_articles

MAX_SUGGESTIONS = 8
# Suggestions start once a reader has typed enough to narrow the titles down.
MIN_SUGGEST_LENGTH = 2


def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    topic_slug = clean_query(request.GET.get("topic", ""))
    context = {
        "search_query": query,
        "query_was_cut": len(raw) > MAX_QUERY_LENGTH,
        "breadcrumbs": [Crumb("Search", reverse("search"))],
        "search": None,
        "results": None,
    }
    if query:
        # A new search, not a further page or a narrowing of one, counts as a hit.
        fresh = "page" not in request.GET and not topic_slug
        found = search_articles(
            request,
            query,
            topic_slug=topic_slug,
            page_number=request.GET.get("page"),
            record=fresh,
        )
        context["search"] = found
        context["results"] = found.results
    return TemplateResponse(request, "search/search.html", context)


def suggest(request):
    """Up to eight live article titles for what the reader has typed so far, as JSON."""
    query = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(query) >= MIN_SUGGEST_LENGTH and any(ch.isalnum() for ch in query):
        matches = search_fallback.autocomplete(
            live_articles().defer_streamfields(), query, operator="and"
        )
        suggestions = [
            {"title": page.title, "url": page.get_url(request=request)}
            for page in matches[:MAX_SUGGESTIONS]
        ]
    return JsonResponse({"query": query, "suggestions": suggestions})
