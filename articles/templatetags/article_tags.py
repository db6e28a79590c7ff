"""Template tags for articles: citation marks, index and topic links, related reading."""

from django import template

from ..models import ArticleIndexPage
from ..related import RELATED_LIMIT
from ..related import related_articles as find_related

register = template.Library()


@register.inclusion_tag("articles/includes/citations.html", takes_context=True)
def cite(context, item):
    """The numbered citation marks for an evidence item, a warning or an alternative."""
    # Block previews in the admin render without a page, so there is nothing to number.
    citation_index = getattr(context.get("page"), "citation_index", None)
    citations = citation_index.citations_for(item) if citation_index else []
    return {"citations": citations}


def article_index(context):
    """The article index (the site has one) and its URL; (None, '') before it exists."""
    request = context.get("request")
    # Header, topic links and cards all ask; look the page up once per request.
    cached = getattr(request, "_article_index", None)
    if cached is not None:
        return cached
    page = context.get("page")
    if isinstance(page, ArticleIndexPage) and page.live:
        index = page
    else:
        index = ArticleIndexPage.objects.live().first()
    url = (index.get_url(request=request) or "") if index else ""
    if request is not None:
        request._article_index = (index, url)
    return index, url


@register.simple_tag(takes_context=True)
def article_index_url(context):
    """The URL of the article index, or '' before it exists."""
    return article_index(context)[1]


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """The URL of a topic's page, listing its articles; '' before the index exists."""
    index, url = article_index(context)
    if index is None or not url:
        return ""
    return index.topic_url(topic, request=context.get("request"))


@register.inclusion_tag("articles/includes/related_articles.html", takes_context=True)
def related_articles(context, page, limit=RELATED_LIMIT):
    """Articles to read next: the editors' picks, then those sharing topics."""
    return {
        "request": context.get("request"),
        "related": find_related(page, limit=limit),
    }
