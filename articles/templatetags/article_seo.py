"""An article's head: its link-preview details and JSON-LD, for base.html's blocks."""

from django import template

from home import seo
from home.structured_data import page_graph, site_name

from ..models import ArticlePage
from ..structured_data import medical_web_page

register = template.Library()


@register.simple_tag(takes_context=True)
def article_meta(context):
    """The shell's page meta, with the article's type, dates and preview image."""
    meta = seo.page_meta(context)
    page = context.get("page")
    if not isinstance(page, ArticlePage):
        return meta
    request = context.get("request")
    return {
        **meta,
        "type": "article",
        "image": seo.social_image(request, page) if request else None,
        "published": page.first_published_at,
        "modified": page.last_updated,
    }


@register.simple_tag(takes_context=True)
def article_structured_data(context):
    """The article as a MedicalWebPage, then its breadcrumbs."""
    request = context.get("request")
    page = context.get("page")
    nodes = []
    if request is not None and isinstance(page, ArticlePage):
        url = seo.canonical_url(context)
        if url:
            nodes.append(medical_web_page(request, page, site_name(context), url))
    return page_graph(context, nodes)
