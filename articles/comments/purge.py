"""A decision on a comment shows at once: cached copies of its article are dropped.

Moderation changes comments with bulk updates, which send no save signals.
"""

from home import page_cache


def comments_changed(comments):
    page_cache.content_changed()
