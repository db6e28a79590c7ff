"""Data built once for a whole test module, and undone after its last test."""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """Database access for a module-scoped fixture, everything it wrote undone at the end.

    Later modules start from the migrated database, as if the module had never run.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
