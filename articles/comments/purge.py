"""A decision on a comment shows at once: cached copies of its article are dropped.

Moderation changes comments with bulk updates, which send no save signals.
"""

from home import front_cache, page_cache

from .ids import parse_id


def comments_changed(comments):
    from articles.models import ArticlePage

    page_cache.content_changed()
    front_cache.purge_pages(
        ArticlePage.objects.filter(pk__in={parse_id(c.object_pk) for c in comments})
    )
