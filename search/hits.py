"""Counting searches for Wagtail's "Search terms" report without writing to the database.

A reader's search adds one to a counter in Redis (in this process's memory when
REDIS_URL is not set); `manage.py flush_search_hits` moves the counts into Wagtail's
Query and QueryDailyHits. The counters are keyed by day and by the query as Wagtail
normalises it, and at most MAX_COUNTERS of them wait for a flush: past that, searches
for queries not already counted are not counted, so junk cannot fill the cache.

A batch is taken from Redis by renaming the live hash (atomic), and is deleted inside
the database transaction that writes it, just before the commit: a failed write rolls
back and leaves the batch for the next flush, and two flushes of one batch cannot both
commit (only one DEL deletes it). With Redis down a search is served and not counted;
each call waits at most the cache's own timeouts (it shares the cache's connections).
"""

import functools
import logging
import threading
import uuid
from collections import Counter
from datetime import date

from redis.exceptions import RedisError

from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from home.cache import RedisSkipped

logger = logging.getLogger("healthinfo.search")

# Distinct (day, query) counters awaiting a flush; about 3 MB at most.
MAX_COUNTERS = 10_000
# Counts not flushed for this long are dropped (a flush runs every few minutes).
KEEP_SECONDS = 8 * 24 * 3600
# Rows per statement when writing a batch.
CHUNK = 500


def count_search(query):
    """Count one search for `query`; never raises and never touches the database."""
    text = normalise_query_string(query)
    if not text:
        return
    try:
        store().count(today(), text)
    except RedisSkipped:
        pass  # Redis failed moments ago, and home.cache logged it
    except RedisError as error:
        logger.warning("event=search_hit_not_counted error=%s", type(error).__name__)


def flush():
    """Write every counted search to the database; returns how many searches were written.

    Raises when the database or Redis fails; the counts not written stay to be flushed.
    """
    return store().flush(write_counts)


def flushed_first(view):
    """`view`, after a flush, so staff see searches counted up to now."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            flush()
        except (DatabaseError, RedisError) as error:
            logger.warning(
                "event=search_hits_not_flushed error=%s", type(error).__name__
            )
        return view(request, *args, **kwargs)

    return wrapped


def today():
    # Wagtail's own add_hit() dates a hit so; its report and clean-up expect it.
    return timezone.now().date()


def store():
    cache = caches["default"]
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    if get_client is None:
        return MEMORY
    return RedisStore(get_client(write=True), cache.make_key)


# Where counts wait


class MemoryStore:
    """Counts in this process only: each web process flushes its own (no REDIS_URL)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = Counter()

    def count(self, day, text):
        with self._lock:
            if (day, text) in self._counts or len(self._counts) < MAX_COUNTERS:
                self._counts[day, text] += 1

    def flush(self, write):
        with self._lock:
            batch, self._counts = self._counts, Counter()
        try:
            with transaction.atomic(durable=True):
                write(batch)
        except BaseException:
            with self._lock:
                # Put back, past the cap if need be (at most twice it): already counted.
                self._counts.update(batch)
            raise
        return batch.total()

    def clear(self):
        with self._lock:
            self._counts.clear()


MEMORY = MemoryStore()

# KEYS: live hash. ARGV: field, cap, seconds to keep. Atomic, so the cap holds exactly.
COUNT = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1
   or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
"""
# KEYS: live hash, new batch key, set of batch keys. Takes the live counts as a batch.
TAKE = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], KEYS[2])
  return 1
end
return 0
"""


class RedisStore:
    """Counts in one Redis hash, shared by every process; fields are "YYYY-MM-DD query"."""

    def __init__(self, client, make_key):
        self.client = client
        # One hash tag, so a Redis Cluster keeps every key on one node (RENAME needs it).
        self.live = make_key("{search-hits}:live")
        self.batches = make_key("{search-hits}:batches")
        self._make_key = make_key

    def count(self, day, text):
        self.client.register_script(COUNT)(
            keys=[self.live],
            args=[f"{day.isoformat()} {text}", MAX_COUNTERS, KEEP_SECONDS],
        )

    def flush(self, write):
        # A batch left by a failed flush goes first; while it fails no new batch is
        # taken, so at most two hashes of MAX_COUNTERS wait however long the outage.
        written = sum(
            self._flush_batch(key, write) for key in self.client.smembers(self.batches)
        )
        key = self._make_key(f"{{search-hits}}:batch:{uuid.uuid4().hex}")
        if self.client.register_script(TAKE)(keys=[self.live, key, self.batches]):
            written += self._flush_batch(key, write)
        return written

    def _flush_batch(self, key, write):
        raw = self.client.hgetall(key)
        batch = parse(raw)
        claimed = False
        try:
            # Durable: the commit happens here, not in some caller's transaction later.
            with transaction.atomic(durable=True):
                write(batch)
                # Deleted before the commit: should Redis fail here, nothing commits.
                claimed = self.client.delete(key) == 1
                if not claimed and raw:
                    raise AlreadyFlushed
        except AlreadyFlushed:
            return 0
        except BaseException:
            if claimed:  # the commit failed after the batch left Redis: put it back
                self._put_back(key, raw)
            raise
        self.client.srem(self.batches, key)
        return batch.total()

    def _put_back(self, key, raw):
        with self.client.pipeline() as pipe:
            pipe.hset(key, mapping=raw).expire(key, KEEP_SECONDS)
            pipe.sadd(self.batches, key).execute()


class AlreadyFlushed(Exception):
    """Another flush deleted this batch first, and wrote it."""


def parse(raw):
    """{(day, query): hits} from a Redis hash of "YYYY-MM-DD query" fields."""
    batch = Counter()
    for field, hits in raw.items():
        field = field.decode() if isinstance(field, bytes) else field
        text = normalise_query_string(field[11:])
        if text:
            batch[date.fromisoformat(field[:10]), text] += int(hits)
    return batch


# Where counts end up


def write_counts(batch):
    """Add {(day, query): hits} to Wagtail's QueryDailyHits (inside the caller's transaction)."""
    if not batch:
        return
    texts = sorted({text for _, text in batch})
    for chunk in chunks(texts):
        Query.objects.bulk_create(
            [Query(query_string=t) for t in chunk], ignore_conflicts=True
        )
    ids = {}
    for chunk in chunks(texts):
        ids.update(
            Query.objects.filter(query_string__in=chunk).values_list(
                "query_string", "pk"
            )
        )
    wanted = {(ids[text], day): hits for (day, text), hits in batch.items()}
    days = {day for _, day in wanted}
    existing = []
    for chunk in chunks(sorted({query_id for query_id, _ in wanted})):
        for row in QueryDailyHits.objects.select_for_update().filter(
            query_id__in=chunk, date__in=days
        ):
            if (row.query_id, row.date) in wanted:
                row.hits += wanted.pop((row.query_id, row.date))
                existing.append(row)
    QueryDailyHits.objects.bulk_update(existing, ["hits"], batch_size=CHUNK)
    QueryDailyHits.objects.bulk_create(
        [QueryDailyHits(query_id=q, date=d, hits=n) for (q, d), n in wanted.items()],
        batch_size=CHUNK,
    )


def chunks(items):
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
