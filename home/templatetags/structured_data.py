"""JSON-LD for search engines: the site on its home page, breadcrumbs elsewhere."""

from django import template

from home.models import HomePage
from home.structured_data import page_graph, site_name, site_nodes

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """One application/ld+json script describing the page, or nothing.

    base.html's structured_data block; page types with more to say fill it themselves.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, HomePage) and request is not None:
        return page_graph(
            context, site_nodes(request, site_name(context)), breadcrumbs=False
        )
    return page_graph(context)
