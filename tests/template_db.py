"""A migrated SQLite database, built once and copied in wherever a test run needs one.

Migrating from nothing takes most of a minute on SQLite. Each pytest process (each xdist
worker, the production-server test) would pay it again; instead, the first to migrate
saves the result under .test-db/, named by a hash of every migration file, and the rest
copy it in. A changed or new migration changes the hash, so a stale template is never
used.

The same template puts the database back after a transactional test. Django empties
every table instead, taking what migrations made (groups, the review workflow, the root
page and collection) with it; a test that followed on the same worker would find them
gone. On SQLite that flush becomes a copy of the template, so transactional tests run in
parallel with the rest. Other databases keep Django's flush (`make test` runs their
transactional tests apart).
"""

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path
from unittest import mock

from django.apps import apps
from django.core import management
from django.db import connections
from django.test import testcases

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / ".test-db"


def migrations_hash():
    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda c: c.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_path():
    return TEMPLATES / f"migrated-{migrations_hash()}.sqlite3"


def save_template(connection, path):
    # Written beside its final name, then renamed: a parallel worker never reads half.
    path.parent.mkdir(exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, suffix=".partial")
    os.close(handle)
    with contextlib.closing(sqlite3.connect(partial)) as copy:
        connection.connection.backup(copy)
    os.replace(partial, path)


def load_template(connection, path):
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(path)) as template:
        template.backup(connection.connection)


@contextlib.contextmanager
def migrated_from_template(alias="default"):
    """For the test session: `migrate` and `flush` on SQLite use the template.

    The first `migrate` (Django creating the test database) copies the template in, or
    builds it; every `flush` copies it in again.
    """
    connection = connections[alias]
    if connection.vendor != "sqlite":
        yield
        return
    path = template_path()
    call_command = management.call_command

    def call(name, *args, **kwargs):
        if name == "migrate" and not path.exists():
            result = call_command(name, *args, **kwargs)
            save_template(connection, path)
            return result
        if name in ("migrate", "flush") and kwargs.get("database", alias) == alias:
            load_template(connection, path)
            return None
        return call_command(name, *args, **kwargs)

    with (
        mock.patch.object(management, "call_command", call),
        mock.patch.object(testcases, "call_command", call),
    ):
        yield
