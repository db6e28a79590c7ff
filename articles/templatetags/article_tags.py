"""Template tags for article pages: citation marks and the link to the article index."""

from django import template

from ..models import ArticleIndexPage

register = template.Library()


@register.inclusion_tag("articles/includes/citations.html", takes_context=True)
def cite(context, item):
    """The numbered citation marks for an evidence item, a warning or an alternative."""
    # Block previews in the admin render without a page, so there is nothing to number.
    citation_index = getattr(context.get("page"), "citation_index", None)
    citations = citation_index.citations_for(item) if citation_index else []
    return {"citations": citations}


@register.simple_tag(takes_context=True)
def article_index_url(context):
    """The URL of the article index (the site has one), or '' before it exists."""
    request = context.get("request")
    # Header, topic links and cards all ask; look the page up once per request.
    cached = getattr(request, "_article_index_url", None)
    if cached is not None:
        return cached
    index = ArticleIndexPage.objects.live().first()
    url = (index.get_url(request=request) or "") if index else ""
    if request is not None:
        request._article_index_url = url
    return url
