"""PostgreSQL read replicas: anonymous readers' pages read from one; all else, the primary.

Switched on by DATABASE_REPLICA_URLS (settings/services.py), which adds the replicas as
`replica_1`, `replica_2`, ... (the DATABASE_REPLICAS setting) with this router and its
middleware. A request reads from a
replica only when it is a GET or HEAD from someone without a session, outside the staff
and comment addresses, and not inside a transaction; it keeps to one replica throughout.
Writes, and everything outside a request (the worker, management commands), use the
primary. A replica may lag its primary: wait_for_replicas() lets a purge wait for it.
"""

import contextvars
import logging
import random
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger("healthinfo.replicas")

PRIMARY = "default"
# Where reads must see the latest writes: staff, forms, sign-in, the health check.
PRIMARY_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/comments/",
    "/accounts/",
    "/_util/",
    "/healthz",
)

_replica = contextvars.ContextVar("replica", default=None)


def replica_aliases():
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


def may_read_from_replica(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIMARY_PREFIXES)
    )


class ReplicaReadsMiddleware:
    """Chooses this request's replica, if it may use one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        aliases = replica_aliases()
        chosen = None
        if aliases and may_read_from_replica(request):
            chosen = random.choice(aliases)  # noqa: S311 - spreading load, not a secret
        token = _replica.set(chosen)
        try:
            return self.get_response(request)
        finally:
            _replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replica = _replica.get()
        # Inside a transaction the request is writing: it must read what it wrote.
        if replica is None or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return replica

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data, wherever it was read

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY  # replicas follow the primary's schema


def _replayed(alias, position):
    try:
        with connections[alias].cursor() as cursor:
            # NULL on a server that is not replaying anything: nothing to wait for.
            cursor.execute(
                "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)",
                [position],
            )
            return cursor.fetchone()[0]
    except DatabaseError:
        return False


def wait_for_replicas(timeout=None):
    """Wait until every replica has replayed what the primary has committed so far.

    Gives up after DATABASE_REPLICA_WAIT seconds (logged as event=replica_lagging).
    True when they have caught up (or there are none).
    """
    aliases = replica_aliases()
    if not aliases:
        return True
    if timeout is None:
        timeout = getattr(settings, "DATABASE_REPLICA_WAIT", 2.0)
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()")
            (position,) = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("event=replica_lagging error=%s", type(error).__name__)
        return False
    deadline = time.monotonic() + timeout
    behind = aliases
    while True:
        behind = [alias for alias in behind if not _replayed(alias, position)]
        if not behind:
            return True
        if time.monotonic() >= deadline:
            logger.warning(
                "event=replica_lagging replicas=%s waited=%ss",
                ",".join(behind),
                timeout,
            )
            return False
        time.sleep(0.05)
