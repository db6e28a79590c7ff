"""Write the searches counted in the cache to Wagtail's "Search terms" report."""

from redis.exceptions import RedisError

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from search import hits


class Command(BaseCommand):
    help = (
        "Write the searches counted in Redis to the admin's search terms report. Run it "
        "every few minutes (cron). A failed write keeps the counts for the next run."
    )

    def handle(self, *args, **options):
        if hits.store() is hits.MEMORY:
            self.stderr.write(
                "REDIS_URL is not set: each web process counts searches in its own "
                "memory, and this command writes only those counted in this process."
            )
        try:
            written = hits.flush()
        except (DatabaseError, RedisError) as error:
            raise CommandError(
                f"Search counts not written ({type(error).__name__}); "
                "they are kept for the next run."
            ) from error
        self.stdout.write(f"Wrote {written} searches.")
