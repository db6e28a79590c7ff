"""Generate a large site beside the demo content, for load tests: see articles/generate/."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from articles.generate import GenerateError, SiteGenerator, Sizes
from home.page_cache import bump


class Command(BaseCommand):
    help = (
        "Generate articles (with references, authors, reviews and search entries), "
        "topics, people and threaded comments, in batches. Runs once per site, after "
        "load_demo_content; all or nothing."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument(
            "--articles",
            type=int,
            default=defaults.articles,
            help=f"How many articles (default {defaults.articles:,}); one topic per "
            "100 and one person per 50 come with them.",
        )
        parser.add_argument(
            "--comments",
            type=int,
            default=defaults.comments,
            help=f"How many comments in all (default {defaults.comments:,}), shared "
            "unevenly between the articles.",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="The same seed, the same site."
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=defaults.batch,
            help=f"Articles written per batch (default {defaults.batch}).",
        )

    def handle(self, *args, articles, comments, seed, batch, **options):
        sizes = Sizes(articles=articles, comments=comments, batch=batch)
        verbose = options["verbosity"] > 0
        generator = SiteGenerator(
            sizes, seed=seed, progress=self.stdout.write if verbose else None
        )
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # Each statement is one batch, but a busy machine can slow one
                    # past the readers' limit; this transaction alone waits longer.
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL statement_timeout = '5min'")
                report = generator.run()
                # The "Did you mean" words of the new titles and topics.
                call_command("rebuild_search_terms", verbosity=0)
        except GenerateError as error:
            raise CommandError(str(error)) from error
        # Bulk writes send no save signals: cached pages would not know of them.
        bump()
        if verbose:
            self.stdout.write(
                f"Generated {report.articles:,} articles, {report.comments:,} comments, "
                f"{report.topics} topics and {report.people} people "
                f"in {report.seconds:.0f} s."
            )
