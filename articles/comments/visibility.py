"""Which articles readers' comments belong to: live ones anyone may read.

A draft, a private (login or group) page and a password-protected page take no
comments, and no comment address shows anything of them.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import PageViewRestriction

from articles.models import ArticlePage

from .ids import parse_id


def is_restricted(page):
    """Whether a view restriction on `page` or an ancestor applies: one query.

    Page.get_view_restrictions() asks for the ancestors first; their tree paths are
    prefixes of the page's own.
    """
    page = page.alias_of if page.alias_of_id else page
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    return PageViewRestriction.objects.filter(page__path__in=paths).exists()


def is_public_article(page):
    """Whether `page` is an article that is live and has no view restriction."""
    return (
        isinstance(page, ArticlePage)
        and bool(page.pk)
        and page.live
        and not is_restricted(page)
    )


def public_article(pk):
    """The live, unrestricted article with id `pk` (any spelling), or None."""
    pk = parse_id(pk)
    if pk is None:
        return None
    return ArticlePage.objects.live().public().filter(pk=pk).first()


def article_of(comment):
    """The article a comment (or pending comment) is on, if readers may see it."""
    if comment is None:
        return None
    if comment.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return None
    return public_article(comment.object_pk)
