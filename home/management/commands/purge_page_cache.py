"""Drop every page in the page cache, e.g. after a release changes templates."""

from django.core.management.base import BaseCommand

from home import page_cache


class Command(BaseCommand):
    help = "Drop every stored page; readers get freshly rendered pages from now on."

    def handle(self, *args, **options):
        page_cache.bump()
        self.stdout.write("Page cache purged.")
