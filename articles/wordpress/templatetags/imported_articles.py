"""What readers are told about an article imported live before its medical review."""

from django import template

from ...publishing import imported_awaiting_review

register = template.Library()


@register.simple_tag
def awaiting_first_review(page):
    """Whether readers see an import revision an administrator published unreviewed."""
    if not page.live or page.live_content_reviewed:
        return False  # no query for the reviewed articles most readers see
    return imported_awaiting_review(page.live_revision_id)
