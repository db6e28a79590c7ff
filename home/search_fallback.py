"""Search that outlives its cluster: when Elasticsearch or OpenSearch cannot be reached,
the same search runs on the "database" backend kept current beside it (settings/services.py).

After a failure the cluster is skipped for RETRY_AFTER seconds: a hung cluster costs one
SEARCH_TIMEOUT, and one event=search_cluster_unavailable line, per process in that time
instead of one per search.
"""

import logging
import threading
import time

from django.conf import settings

from wagtail.search.backends.base import BaseSearchResults

logger = logging.getLogger("healthinfo.search")

DATABASE = "database"
# Seconds readers' searches go to the database after the cluster failed.
RETRY_AFTER = 30.0


def _cluster_errors():
    """The clients' errors for a cluster that cannot be reached or does not answer in time."""
    errors = []
    try:  # elasticsearch 8 and 9: refused, timed out, TLS, unreadable answer
        from elastic_transport import TransportError
    except ImportError:
        pass
    else:
        errors.append(TransportError)
    try:  # opensearch-py: refused, ConnectionTimeout, SSLError
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
    except ImportError:
        pass
    else:
        errors.append(OpenSearchConnectionError)
    return tuple(errors)


CLUSTER_ERRORS = _cluster_errors()

_lock = threading.Lock()
_down_until = 0.0


def cluster_is_skipped():
    return time.monotonic() < _down_until


def _trip(error):
    global _down_until
    with _lock:
        first = not cluster_is_skipped()
        _down_until = time.monotonic() + RETRY_AFTER
    if first:
        logger.warning(
            "event=search_cluster_unavailable retry_in=%ss error=%s",
            int(RETRY_AFTER),
            type(error).__name__,
        )


def has_fallback():
    return DATABASE in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


class FallbackSearchResults(BaseSearchResults):
    """Lazy as Wagtail's own: the cluster's results, or the database's if it fails."""

    def __init__(self, results, on_database):
        super().__init__(results.backend, results.query_compiler)
        self._cluster_results = results
        self._on_database = on_database

    def _clone(self):
        new = type(self)(self._cluster_results, self._on_database)
        new.start, new.stop = self.start, self.stop
        return new

    def _run(self, evaluate):
        if not cluster_is_skipped():
            try:
                return evaluate(self._cluster_results[self.start : self.stop])
            except CLUSTER_ERRORS as error:
                _trip(error)
        return evaluate(self._on_database()[self.start : self.stop])

    def _do_search(self):
        return self._run(list)

    def _do_count(self):
        return self._run(lambda results: results.count())


def or_database(results, on_database):
    """`results` from the default backend, falling back to `on_database()`'s."""
    if not has_fallback():
        return results
    return FallbackSearchResults(results, on_database)


def search(queryset, query, **options):
    """`queryset.search(query, **options)`, falling back to the database backend."""
    return or_database(
        queryset.search(query, **options),
        lambda: queryset.search(query, backend=DATABASE, **options),
    )


def autocomplete(queryset, query, **options):
    """`queryset.autocomplete(query, **options)`, falling back to the database backend."""
    return or_database(
        queryset.autocomplete(query, **options),
        lambda: queryset.autocomplete(query, backend=DATABASE, **options),
    )
