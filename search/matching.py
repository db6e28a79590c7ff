"""A bounded pool of matching articles, so ranking costs the same however many match.

Ranking orders every match it is given, so the database backend is given a pool: live
articles that match, those matching in the title first, one more than a search shows
(which tells ranking.py that more matched). Nothing in the pool is ordered, so
PostgreSQL stops reading its full-text indexes as soon as it has enough. A search
cluster ranks everything itself, cheaply, and gets no pool.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import connections
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Value
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

NOTHING = Q(pk__in=[])


def pool(live, query, size, backend_name):
    """A filter keeping `live`'s pool for `query`, or None for a search cluster."""
    backend = get_search_backend(backend_name)
    if not hasattr(backend.results_class, "get_queryset"):
        return None  # not a database backend
    if connections[live.db].vendor == "postgresql":
        return _postgres_pool(backend, live, query, size)
    return _any_database_pool(backend, live, query, size)


def _postgres_pool(backend, live, query, size):
    """Up to `size + 1` ids, read from Wagtail's index table by its GIN indexes.

    Wagtail's own query joins the index to the pages on a text cast of the page id, which
    leads PostgreSQL to read every article; from the index side each match costs one
    primary-key probe, and only until the pool is full.
    """
    compiler = backend.query_compiler_class(live, query, operator="and")
    tsquery = compiler.build_tsquery(
        compiler.query, config=compiler.get_config(backend)
    )
    if tsquery is None:
        return NOTHING
    entries = IndexEntry.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(live.model)
    ).filter(
        Exists(live.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField())))
    )

    def tier(number):
        return {"page_id": Cast("object_id", IntegerField()), "tier": Value(number)}

    # The same expression as Wagtail's, so search/migrations/0004's index answers it.
    title_and_body = CombinedExpression(
        F("title"), "||", F("body"), output_field=SearchVectorField()
    )
    in_title = entries.filter(title=tsquery).values(**tier(0))[: size + 1]
    anywhere = (
        entries.alias(vector=title_and_body)
        .filter(vector=tsquery)
        .values(**tier(1))[: size + 1]
    )
    tiers = in_title.union(anywhere, all=True)
    sql, params = tiers.query.get_compiler(live.db).as_sql()
    # Each id once, title matches first: Django cannot group a union, so it is wrapped
    # here; the SQL is Django's own and every value stays a parameter.
    first = RawSQL(  # noqa: S611
        f"SELECT page_id FROM ({sql}) AS tiers "  # noqa: S608
        "GROUP BY page_id ORDER BY MIN(tier) LIMIT %s",
        (*params, size + 1),
    )
    return Q(pk__in=first)


def _any_database_pool(backend, live, query, size):
    """Up to `size` title matches and `size + 1` others, by the backend's own queries
    (SQLite's full-text table, MySQL's)."""

    def matching(fields=None):
        found = backend.search(
            query, live, fields=fields, operator="and", order_by_relevance=False
        )
        if not hasattr(found, "get_queryset"):
            return None  # nothing to search for
        return found.get_queryset().order_by().values("pk")

    in_title, anywhere = matching(["title"]), matching()
    if anywhere is None:
        return NOTHING
    return Q(pk__in=in_title[:size]) | Q(pk__in=anywhere[: size + 1])
