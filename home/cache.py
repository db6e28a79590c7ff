"""Redis as an optional cache: after a failure, skip it for a while instead of waiting on it."""

import logging
import threading
import time
from urllib.parse import urlsplit

from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("healthinfo.cache")

# Seconds the site works without Redis after a failed call before it tries again.
RETRY_AFTER = 10.0

_lock = threading.Lock()
_down_until = {}


class RedisSkipped(RedisConnectionError):
    """Redis failed moments ago; this call did not try it."""


def redis_is_skipped(address):
    return time.monotonic() < _down_until.get(address, 0.0)


def _trip(address, error):
    with _lock:
        first = not redis_is_skipped(address)
        _down_until[address] = time.monotonic() + RETRY_AFTER
    if first:
        logger.warning(
            "event=cache_unavailable retry_in=%ss error=%s",
            int(RETRY_AFTER),
            type(error).__name__,
        )


class Skipping:
    """A hung Redis costs one timeout per RETRY_AFTER seconds, not one per cache call."""

    def _address(self):
        return getattr(self, "path", None) or (self.host, self.port)

    def connect(self):
        if redis_is_skipped(self._address()):
            raise RedisSkipped("Redis skipped after a recent failure")
        try:
            super().connect()
        except (RedisConnectionError, RedisTimeoutError) as error:
            _trip(self._address(), error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            _trip(self._address(), error)
            raise


class SkippingConnection(Skipping, Connection):
    pass


class SkippingSSLConnection(Skipping, SSLConnection):
    pass


class SkippingUnixConnection(Skipping, UnixDomainSocketConnection):
    pass


def connection_class(url):
    """The skipping counterpart of the connection class redis-py picks for `url`."""
    scheme = urlsplit(url).scheme
    if scheme == "rediss":
        return SkippingSSLConnection
    if scheme == "unix":
        return SkippingUnixConnection
    return SkippingConnection


class WithoutSkippedCalls(logging.Filter):
    """Drops django-redis' per-call traceback for calls the breaker skipped."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(getattr(error, "__cause__", None), RedisSkipped)
