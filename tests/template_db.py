"""A migrated SQLite database, built once and copied into every test run that needs one.

Migrating from nothing takes most of a minute on SQLite. Each pytest process (each xdist
worker, the transactional stage, the production-server test) would pay it again; instead,
the first to migrate saves the result under .test-db/, named by a hash of every migration
file, and the rest copy it in. A changed or new migration changes the hash, so a stale
template is never used.
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


@contextlib.contextmanager
def migrate_from_template(alias="default"):
    """The first `migrate` inside this block (Django creating the test database) comes
    from the template, or builds it. Only on SQLite; elsewhere migrate runs as usual.
    """
    connection = connections[alias]
    if connection.vendor != "sqlite":
        yield
        return
    path = template_path()
    call_command = management.call_command
    done = []

    def call(name, *args, **kwargs):
        if name != "migrate" or done:
            return call_command(name, *args, **kwargs)
        done.append(name)
        connection.ensure_connection()
        if path.exists():
            with contextlib.closing(sqlite3.connect(path)) as template:
                template.backup(connection.connection)
            return None
        result = call_command(name, *args, **kwargs)
        save_template(connection, path)
        return result

    with mock.patch.object(management, "call_command", call):
        yield
