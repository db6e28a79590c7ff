"""The head's description, canonical URL and link-preview details for a page."""

from django import template

from home import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What seo.html writes into the head, worked out once."""
    return seo.page_meta(context)
