"""`make bench`: the production stack on PostgreSQL and Redis under load, against budgets.

Builds the demo site in a scratch database, starts gunicorn twice (page cache off and
on), loads each address with wrk in interleaved rounds, counts each page's queries,
weighs it compressed, runs Lighthouse as a phone, and exits 1 naming every budget
missed (2 when the stack could not be run at all).

Options (or their environment variables, for `make bench`): --rounds (BENCH_ROUNDS,
default 3), --seconds (BENCH_SECONDS, 10), --no-lighthouse (BENCH_LIGHTHOUSE=0),
--lighthouse-runs (BENCH_LIGHTHOUSE_RUNS, 3). `--help` lists the rest.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from budgets import (  # noqa: E402
    Budget,
    LighthouseBudget,
    Measured,
    as_fraction,
    check,
    check_lighthouse,
    rate_text,
)

# Rates are fractions of the static file's rate in the same run; sizes are bytes as a
# browser receives them (Accept-Encoding: gzip, br), strictly under the figure.
BUDGETS = {
    "article": Budget(min_rate=1 / 30, max_queries=12, max_served_bytes=12_000),
    # Every live article costs the diazepam article's queries, the longest included.
    "article:*": Budget(queries_as="article"),
    "article_200_comments": Budget(
        min_rate=1 / 75, queries_as="article", max_served_bytes=30_000
    ),
    "cached_article": Budget(min_rate=0.9),
    "home": Budget(min_rate=1 / 20),
    "articles_index": Budget(min_rate=1 / 20),
    "topic": Budget(min_rate=1 / 20),
    "search": Budget(min_rate=1 / 20, max_writes=0),
}
LIGHTHOUSE_BUDGETS = {
    "home": LighthouseBudget(min_score=100, max_lcp_ms=1000),
    "article": LighthouseBudget(min_score=100, max_lcp_ms=1000),
    "search": LighthouseBudget(min_score=100, max_lcp_ms=1000),
    "article_200_comments": LighthouseBudget(min_score=95),
}

DATABASE = "bench_healthinfo"
ARTICLE = "diazepam-for-back-pain"
DISCUSSION = "diazepam-for-back-pain-discussion"
COMMENTS = 200
CACHE_SECONDS = 300
# (name, server, path): "uncached" runs with PAGE_CACHE_SECONDS=0, "cached" with 300.
ADDRESSES = [
    ("static", "uncached", None),  # the hashed stylesheet: the reference rate
    ("article", "uncached", f"/articles/{ARTICLE}/"),
    ("article_200_comments", "uncached", f"/articles/{DISCUSSION}/"),
    ("cached_article", "cached", f"/articles/{ARTICLE}/"),
    ("home", "uncached", "/"),
    ("articles_index", "uncached", "/articles/"),
    ("topic", "uncached", "/articles/topics/back-pain/"),
    ("search", "uncached", "/search/?q=diazepam"),
]
LIGHTHOUSE_PAGES = ["home", "article", "search", "article_200_comments"]


def env_default(name, default):
    return os.environ.get(name, default)


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--rounds",
        type=positive,
        default=env_default("BENCH_ROUNDS", "3"),
        help="interleaved load rounds; each figure is their median (default 3)",
    )
    parser.add_argument(
        "--seconds",
        type=positive,
        default=env_default("BENCH_SECONDS", "10"),
        help="seconds of load per address per round (default 10)",
    )
    parser.add_argument(
        "--warmup",
        type=positive,
        default=env_default("BENCH_WARMUP", "2"),
        help="seconds of load per address before the rounds (default 2)",
    )
    parser.add_argument(
        "--no-lighthouse",
        dest="lighthouse",
        action="store_false",
        default=env_default("BENCH_LIGHTHOUSE", "1") != "0",
        help="skip Lighthouse",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=positive,
        default=env_default("BENCH_LIGHTHOUSE_RUNS", "3"),
        help="Lighthouse runs per page; their median counts (default 3)",
    )
    parser.add_argument(
        "--lighthouse-cpu-slowdown",
        type=float,
        default=env_default("BENCH_LIGHTHOUSE_CPU_SLOWDOWN", None),
        help="replace Lighthouse's 4× CPU throttling, calibrated to this machine "
        "(Lighthouse's throttling docs); the budgets are set for its default",
    )
    parser.add_argument(
        "--lighthouse-reports",
        metavar="DIR",
        default=env_default("BENCH_LIGHTHOUSE_REPORTS", None),
        help="keep Lighthouse's HTML and JSON reports in DIR",
    )
    parser.add_argument(
        "--database",
        default=env_default("BENCH_DATABASE", DATABASE),
        help=f"scratch PostgreSQL database, dropped and recreated (default {DATABASE})",
    )
    parser.add_argument(
        "--keep-database",
        action="store_true",
        help="leave the scratch database in place afterwards",
    )
    # argparse converts string defaults (from the environment) with `type` too.
    return parser.parse_args(argv)


def apply_counts(measured, counts):
    for name, found in counts.items():
        row = measured.setdefault(name, Measured(name, found["path"]))
        row.status = found["status"]
        row.queries = found["queries"]
        row.writes = found["writes"]
        if row.plain_bytes is None:
            row.plain_bytes = found["bytes"]


def apply_sizes(row, sizes):
    row.plain_bytes = sizes.plain
    row.gzip_bytes = sizes.gzip
    row.br_bytes = sizes.br
    row.served_bytes = sizes.served
    row.served_encoding = sizes.served_encoding


def apply_load(measured, rounds):
    """Medians over the rounds; each round's rate over that round's static rate."""
    from load import median

    for name, results in rounds.items():
        row = measured[name]
        row.rate = median([r.requests_per_second for r in results])
        row.p50_ms = median([r.p50_ms for r in results])
        row.p99_ms = median([r.p99_ms for r in results])
        row.failed = sum(r.failed for r in results)
        row.fraction = median(
            [
                r.requests_per_second / s.requests_per_second
                for r, s in zip(results, rounds["static"], strict=True)
                if s.requests_per_second
            ]
        )


def warm_up(addresses, servers, args):
    """A short load on each address first: caches filled, workers' imports done."""
    from load import run_wrk
    from stack import say

    for name, server, path in addresses:
        say(f"Warming up {name} ({args.warmup} s)")
        run_wrk(servers[server].url(path), seconds=args.warmup)
        servers[server].wait_until_idle()


def load_rounds(addresses, servers, args):
    """{name: [WrkResult per round]}, the addresses taking turns in every round."""
    from load import run_wrk
    from stack import say

    rounds = {name: [] for name, _, _ in addresses}
    for n in range(args.rounds):
        for name, server, path in addresses:
            say(f"Round {n + 1}/{args.rounds}: {name} ({args.seconds} s)")
            url = servers[server].url(path)
            rounds[name].append(run_wrk(url, seconds=args.seconds))
            # Requests wrk gave up on may still be queued: none may spill into the next.
            servers[server].wait_until_idle()
    return rounds


def number(value, spec=",.0f"):
    return "–" if value is None else format(value, spec)


def table(measured):
    """The results as a fixed-width table, one line per address."""
    head = (
        "address",
        "req/s",
        "×static",
        "p50 ms",
        "p99 ms",
        "queries",
        "writes",
        "bytes",
        "gzip",
        "br",
        "cache",
    )
    lines = []
    for row in measured.values():
        lines.append(
            (
                row.name,
                rate_text(row.rate),
                as_fraction(row.fraction) if row.rate is not None else "–",
                number(row.p50_ms, ".1f"),
                number(row.p99_ms, ".1f"),
                number(row.queries, "d"),
                number(row.writes, "d"),
                number(row.plain_bytes, ","),
                number(row.gzip_bytes, ","),
                number(row.br_bytes, ","),
                row.cache or "–",
            )
        )
    widths = [max(len(str(r[i])) for r in [head, *lines]) for i in range(len(head))]

    def format_line(cells):
        first = cells[0].ljust(widths[0])
        rest = (str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    out = [format_line(head), format_line(["-" * w for w in widths])]
    out += [format_line(line) for line in lines]
    return "\n".join(out)


def lighthouse_table(results):
    lines = ["page                   score   LCP s   FCP s   TBT ms    CLS  CPU index"]
    for name, r in results.items():
        if r.error or r.score is None:
            lines.append(f"{name:<22} failed: {r.error}")
            continue
        lines.append(
            f"{name:<22} {r.score:>5} {number(r.lcp_ms and r.lcp_ms / 1000, '.2f'):>7} "
            f"{number(r.fcp_ms and r.fcp_ms / 1000, '.2f'):>7} {number(r.tbt_ms):>8} "
            f"{number(r.cls, '.3f'):>6} {number(r.benchmark_index):>10}"
        )
        lines += [f"    flagged: {text}" for text in r.flagged]
    return "\n".join(lines)


def slow_machine_note(results):
    """A warning when Lighthouse found this machine slower than its throttling assumes."""
    from load import median

    index = median([r.benchmark_index for r in results.values()])
    if index is None or index >= 1000:
        return ""
    return (
        f"Note: Lighthouse rated this machine's CPU at {index:,.0f} (it assumes 1,000 or "
        "more before slowing it 4×): TBT, LCP and scores read worse than on a quiet "
        "machine. Busy with other work? Run again when it is idle."
    )


def run_lighthouse(args, server):
    """{name: LighthouseResult}, or None with the reason printed when it cannot run."""
    import lighthouse

    if not args.lighthouse:
        print("Lighthouse skipped (--no-lighthouse or BENCH_LIGHTHOUSE=0).")
        return None
    try:
        lighthouse.ensure_installed()
    except lighthouse.LighthouseMissing as reason:
        print(f"Lighthouse skipped: {reason}.")
        return None
    paths = {name: path for name, _, path in ADDRESSES}
    pages = {name: server.url(paths[name]) for name in LIGHTHOUSE_PAGES}
    return lighthouse.audit_pages(
        pages,
        runs=args.lighthouse_runs,
        report_dir=args.lighthouse_reports,
        cpu_slowdown=args.lighthouse_cpu_slowdown,
    )


def measure(args, logs):
    """Build, serve, measure: the rows and the Lighthouse results (None if skipped)."""
    from load import sizes
    from queries import count_queries
    from stack import (
        Server,
        build_demo_site,
        production_env,
        say,
        scratch_database,
        static_url,
    )

    with scratch_database(args.database, keep=args.keep_database) as database:
        envs = {
            "uncached": production_env(database, page_cache_seconds=0),
            "cached": production_env(database, page_cache_seconds=CACHE_SECONDS),
        }
        build_demo_site(envs["uncached"], discussion_slug=DISCUSSION, comments=COMMENTS)
        addresses = [
            (name, server, path or static_url("css/site.css"))
            for name, server, path in ADDRESSES
        ]
        measured = {name: Measured(name, path) for name, _, path in addresses}
        say("Counting queries per page")
        for server in envs:
            pages = {n: p for n, s, p in addresses if s == server and n != "static"}
            apply_counts(
                measured,
                count_queries(envs[server], pages, articles=server == "uncached"),
            )
        with (
            Server("uncached", envs["uncached"], logs) as uncached,
            Server("cached", envs["cached"], logs) as cached,
        ):
            servers = {"uncached": uncached, "cached": cached}
            for name, server, path in addresses:
                apply_sizes(measured[name], sizes(servers[server].port, path))
            warm_up(addresses, servers, args)
            for name, server, path in addresses:
                _, headers, _ = servers[server].get(
                    path, {"Accept-Encoding": "gzip, br"}
                )
                measured[name].cache = headers.get("X-Page-Cache", "")
            apply_load(measured, load_rounds(addresses, servers, args))
            lighthouse_results = run_lighthouse(args, cached)
    return measured, lighthouse_results


def report(measured, lighthouse_results, args):
    """Print the tables and the missed budgets; the exit status."""
    print()
    print(
        f"Load: wrk -t2 -c16, {args.seconds} s per address, median of {args.rounds} "
        "interleaved rounds; ×static is each round's rate over that round's static rate."
    )
    print(table(measured))
    print()
    for row in measured.values():
        print(f"  {row.name}: {row.path}")
    missed = check(measured, BUDGETS)
    if lighthouse_results is not None:
        print()
        print(
            f"Lighthouse (mobile), median of {args.lighthouse_runs} run(s); CPU index is "
            "Lighthouse's benchmark of this machine (it expects 1,000 or more):"
        )
        print(lighthouse_table(lighthouse_results))
        print(slow_machine_note(lighthouse_results))
        missed += check_lighthouse(lighthouse_results, LIGHTHOUSE_BUDGETS)
    print()
    if missed:
        print(f"{len(missed)} budget(s) missed:")
        print("\n".join(f"  - {line}" for line in missed))
        return 1
    print("Every budget met.")
    return 0


def main(argv=None):
    from load import WRK, WrkError
    from stack import StackError, stopped_on_sigterm

    args = parse_args(argv)
    if not Path(WRK).exists():
        print(f"wrk is not installed ({WRK}): apt-get install wrk", file=sys.stderr)
        return 2
    try:
        with stopped_on_sigterm(), tempfile.TemporaryDirectory(prefix="bench-") as logs:
            measured, lighthouse_results = measure(args, logs)
    except (StackError, WrkError, RuntimeError, OSError) as error:
        print(f"The bench could not run: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "Interrupted: servers stopped, scratch database dropped.", file=sys.stderr
        )
        return 130
    return report(measured, lighthouse_results, args)


if __name__ == "__main__":
    sys.exit(main())
