"""What a bench run measured, and which budgets it missed: pure, no servers."""

from dataclasses import dataclass
from fnmatch import fnmatchcase


@dataclass(frozen=True)
class Budget:
    """Limits for one address (or every address a pattern names, e.g. "article:*")."""

    # Requests per second as a fraction of the static file's, in the same run.
    min_rate: float | None = None
    max_queries: int | None = None
    # The same number of queries as this other address: cost must not grow with content.
    queries_as: str | None = None
    # INSERT, UPDATE and DELETE statements in one request.
    max_writes: int | None = None
    # Bytes on the wire when asked as a browser asks (compressed), strictly under.
    max_served_bytes: int | None = None


@dataclass(frozen=True)
class LighthouseBudget:
    min_score: int | None = None
    max_lcp_ms: float | None = None


@dataclass
class Measured:
    """One address: the load's medians, and its queries and sizes."""

    name: str
    path: str
    rate: float | None = None
    fraction: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    failed: int = 0
    status: int | None = None
    queries: int | None = None
    writes: int | None = None
    plain_bytes: int | None = None
    gzip_bytes: int | None = None
    br_bytes: int | None = None
    served_bytes: int | None = None
    served_encoding: str = ""
    cache: str = ""


def as_fraction(value):
    """0.93 as "0.93×", 0.024 as "1/41": the budgets are written the same way."""
    if value is None:
        return "–"
    if value >= 0.5:
        return f"{value:.2f}×"
    return f"1/{1 / value:.0f}" if value > 0 else "0"


def rate_text(value):
    """Requests per second: whole numbers, with a decimal below 100."""
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def matching(measured, pattern):
    return [m for name, m in measured.items() if fnmatchcase(name, pattern)]


def check(measured, budgets):
    """Every missed budget as a sentence naming the address; empty when all are met."""
    missed = []
    for pattern, budget in budgets.items():
        rows = matching(measured, pattern)
        if not rows:
            missed.append(f"{pattern}: not measured")
        for row in rows:
            missed += check_row(row, budget, measured)
    return missed


def check_row(row, budget, measured):
    name, missed = row.name, []
    if row.failed:
        missed.append(
            f"{name}: {row.failed:,} requests failed under load (not 2xx/3xx, or socket errors)"
        )
    if row.status is not None and row.status != 200:
        missed.append(f"{name}: {row.path} answered {row.status}, not 200")
    if budget.min_rate is not None:
        if row.fraction is None:
            missed.append(f"{name}: no request rate measured")
        elif row.fraction < budget.min_rate:
            missed.append(
                f"{name}: {rate_text(row.rate)} req/s is {as_fraction(row.fraction)} of "
                f"the static file's rate; budget {as_fraction(budget.min_rate)}"
            )
    missed += check_queries(row, budget, measured)
    if budget.max_served_bytes is not None:
        if row.served_bytes is None:
            missed.append(f"{name}: size not measured")
        elif row.served_bytes >= budget.max_served_bytes:
            how = (
                row.served_encoding if row.served_encoding != "none" else "uncompressed"
            )
            missed.append(
                f"{name}: {row.served_bytes:,} bytes sent ({how}); "
                f"budget under {budget.max_served_bytes:,}"
            )
    return missed


def check_queries(row, budget, measured):
    name, missed = row.name, []
    wants_count = (budget.max_queries, budget.queries_as, budget.max_writes)
    if any(limit is not None for limit in wants_count) and row.queries is None:
        return [f"{name}: queries not counted"]
    if budget.max_queries is not None and row.queries > budget.max_queries:
        missed.append(f"{name}: {row.queries} queries; budget {budget.max_queries}")
    if budget.queries_as is not None:
        other = measured.get(budget.queries_as)
        if other is None or other.queries is None:
            missed.append(f"{name}: {budget.queries_as} has no query count to compare")
        elif row.queries != other.queries and row.name != other.name:
            missed.append(
                f"{name}: {row.queries} queries, {budget.queries_as} {other.queries}; "
                "budget: the same"
            )
    if budget.max_writes is not None and row.writes > budget.max_writes:
        missed.append(
            f"{name}: {row.writes} INSERT/UPDATE/DELETE per request; budget {budget.max_writes}"
        )
    return missed


@dataclass(frozen=True)
class LighthouseResult:
    score: int | None
    lcp_ms: float | None
    fcp_ms: float | None = None
    tbt_ms: float | None = None
    cls: float | None = None
    # What Lighthouse flags: audit titles with their figures, worst first.
    flagged: tuple = ()
    error: str = ""
    # Lighthouse's measure of this machine's CPU; its mobile figures assume about 1,000+.
    benchmark_index: float | None = None


def check_lighthouse(results, budgets):
    missed = []
    for name, budget in budgets.items():
        result = results.get(name)
        if result is None or result.error or result.score is None:
            reason = result.error if result else "not run"
            missed.append(f"Lighthouse {name}: no result ({reason})")
            continue
        if budget.min_score is not None and result.score < budget.min_score:
            missed.append(
                f"Lighthouse {name}: performance {result.score}; budget {budget.min_score}"
            )
        if budget.max_lcp_ms is None:
            continue
        if result.lcp_ms is None:
            missed.append(f"Lighthouse {name}: no LCP measured")
        elif result.lcp_ms >= budget.max_lcp_ms:
            missed.append(
                f"Lighthouse {name}: LCP {result.lcp_ms / 1000:.2f} s; "
                f"budget under {budget.max_lcp_ms / 1000:.1f} s"
            )
    return missed
