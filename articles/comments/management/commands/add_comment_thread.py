"""Add a long, generated discussion under an article (or under a published copy of it)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.builders import publish_reviewed
from articles.comments.generate import add_thread
from articles.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Add COUNT published, threaded comments by invented readers to the article "
        "with slug ARTICLE; with --copy-as, to a published copy of it beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", required=True, help="The article's slug.")
        parser.add_argument(
            "--count", type=int, default=200, help="How many comments (default 200)."
        )
        parser.add_argument(
            "--copy-as",
            metavar="SLUG",
            help="Copy the article beside itself under this slug (or use the copy "
            "made before) and add the comments to the copy.",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="The same seed, the same discussion."
        )

    @transaction.atomic
    def handle(self, *args, article, count, copy_as, seed, **options):
        if count < 0:
            raise CommandError("--count cannot be negative.")
        page = ArticlePage.objects.filter(slug=article).first()
        if page is None:
            raise CommandError(f"No article has the slug “{article}”.")
        if copy_as:
            page = copy_beside(page, copy_as)
        comments = add_thread(page, count, seed=seed)
        threads = sum(1 for c in comments if c.level == 0)
        self.stdout.write(
            f"Added {len(comments)} comments in {threads} threads to {page.url_path}"
        )


def copy_beside(page, slug):
    """A published copy of `page` with this slug under the same parent; made once."""
    parent = page.get_parent()
    existing = ArticlePage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    copy = page.copy(
        to=parent,
        update_attrs={"slug": slug, "title": f"{page.title} (discussion)"},
        keep_live=False,
        copy_revisions=False,
        log_action=None,
    )
    # Reaches readers the way every article does: reviewed, then published.
    publish_reviewed(copy.specific)
    return ArticlePage.objects.get(pk=copy.pk)
