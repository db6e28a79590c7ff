"""The head's description, canonical URL and link-preview details for a page."""

from django import template

from wagtail.models import Page

from articles.models import ArticlePage
from home.seo import canonical_url, meta_description, social_image

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What seo.html writes into the head, worked out once."""
    request = context.get("request")
    page = context.get("page")
    is_page = isinstance(page, Page)
    is_article = isinstance(page, ArticlePage)
    site_name = context.get("site_name") or "Clear Health"
    title = (page.seo_title or page.title) if is_page else site_name
    topic = context.get("current_topic")
    if topic is not None:
        title = topic.name
    return {
        "title": title,
        "description": meta_description(context),
        "canonical": canonical_url(context),
        "type": "article" if is_article else "website",
        "image": social_image(request, page) if is_article and request else None,
        "published": page.first_published_at if is_article else None,
        "modified": page.last_updated if is_article else None,
    }
