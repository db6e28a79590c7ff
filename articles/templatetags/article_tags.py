"""Template tags for articles: citation marks, index and topic links, related reading,
and the parts of an article page kept in the cache."""

from django import template

from ..fragment_cache import (
    page_part_name,
    remember,
    shared_page,
    without_indentation,
)
from ..models import ArticleIndexPage
from ..related import RELATED_LIMIT
from ..related import related_articles as find_related
from ..structured_data import topics_of

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
        # Every page's header links to it: kept in the cache until content changes.
        index = remember(request, "article-index", live_article_index)
    url = (index.get_url(request=request) or "") if index else ""
    if request is not None:
        request._article_index = (index, url)
    return index, url


def live_article_index():
    return ArticleIndexPage.objects.live().first()


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


@register.simple_tag
def article_topics(page):
    """The article's topics, fetched once for the page and its JSON-LD."""
    return topics_of(page)


@register.inclusion_tag("articles/includes/related_articles.html", takes_context=True)
def related_articles(context, page, limit=RELATED_LIMIT):
    """Articles to read next: the editors' picks, then those sharing topics."""
    return {
        "request": context.get("request"),
        "related": find_related(page, limit=limit),
    }


@register.tag("article_part")
def do_article_part(parser, token):
    """{% article_part "name" %}…{% endarticle_part %}: the enclosed output, cached.

    Only for what every reader of the article sees; see articles/fragment_cache.py.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: its name.")
    nodelist = parser.parse(("endarticle_part",))
    parser.delete_first_token()
    return ArticlePartNode(nodelist, parser.compile_filter(bits[1]))


class ArticlePartNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if not shared_page(request, page):
            return self.render_inside(context)
        name = page_part_name(request, page, self.name.resolve(context))
        return remember(
            request, name, lambda: without_indentation(self.render_inside(context))
        )

    def render_inside(self, context):
        # Names set inside stay inside, as they must when the part comes from the cache.
        with context.push():
            return self.nodelist.render(context)
