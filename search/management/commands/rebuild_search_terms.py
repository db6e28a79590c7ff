"""Rebuild the "Did you mean" vocabulary from every live article and topic."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.vocabulary import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the words search offers in “Did you mean” from live articles' titles "
        "and other names and from topics. Publishing keeps them current; run this after "
        "a bulk import or a restore."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(f"Stored {count} search terms.")
