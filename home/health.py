"""/healthz for load balancers and monitoring: database, cache and mail queue, no details."""

import logging
import sys
import uuid

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import Error as DatabaseError
from django.db import connection
from django.db.models import Q
from django.dispatch import receiver
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("healthinfo.health")

OK, DEGRADED, ERROR = "ok", "degraded", "error"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("event=database_unavailable error=%s", type(error).__name__)
        return ERROR
    return OK


def cache_status():
    """Degraded, not down: every page serves from the database without the cache."""
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception as error:  # any backend's failure means the same to a reader
        logger.warning("event=cache_unavailable error=%s", type(error).__name__)
        return DEGRADED
    if found != token:
        # django-redis ignores (and logs) its errors: a lost write is the sign.
        logger.warning("event=cache_unavailable error=round_trip_failed")
        return DEGRADED
    return OK


def overdue_mail():
    """READY mail tasks due for longer than MAIL_QUEUE_STALLED_AFTER: no worker is taking them."""
    cutoff = timezone.now() - settings.MAIL_QUEUE_STALLED_AFTER
    ready = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, queue_name="mail"
    )
    # A task's run_after is a far-future sentinel when it may run at once.
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(
        run_after__lt=cutoff
    )
    return ready.filter(due_long_ago).count()


def mail_queue_status():
    try:
        overdue = overdue_mail()
    except DatabaseError:
        return ERROR
    if overdue:
        logger.warning("event=mail_queue_stalled overdue=%d", overdue)
        return DEGRADED
    return OK


@never_cache
@require_safe
def healthz(request):
    """200 while readers can be served (the database works), 503 when they cannot."""
    checks = {
        "database": database_status(),
        "cache": cache_status(),
        "mail_queue": mail_queue_status(),
    }
    if checks["database"] == ERROR:
        overall = ERROR
    elif OK == checks["cache"] == checks["mail_queue"]:
        overall = OK
    else:
        overall = DEGRADED
    return JsonResponse(
        {"status": overall, **checks}, status=503 if overall == ERROR else 200
    )


@receiver(got_request_exception)
def log_database_outage(sender, request=None, **kwargs):
    """A named event for a reader request the database failed, besides Django's traceback."""
    # Connected when the URLconf imports this module, before any view runs.
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error(
            "event=database_unavailable error=%s path=%s",
            type(error).__name__,
            getattr(request, "path", ""),
        )
