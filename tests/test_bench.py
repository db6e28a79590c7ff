"""`make bench` reads wrk's report right and fails exactly when a budget is missed.

Only the pure parts: nothing here starts a server or touches a database.
"""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / ".bench"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

import bench  # noqa: E402
from budgets import (  # noqa: E402
    Budget,
    LighthouseBudget,
    LighthouseResult,
    Measured,
    as_fraction,
    check,
    check_lighthouse,
)
from load import WrkError, WrkResult, duration_ms, parse_wrk  # noqa: E402

# As Debian's wrk 4.1.0 prints it with --latency.
REPORT = """\
Running 10s test @ http://127.0.0.1:41234/articles/diazepam-for-back-pain/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    88.31ms   21.55ms 312.40ms   81.20%
    Req/Sec    90.42     17.31   130.00     70.50%
  Latency Distribution
     50%   84.12ms
     75%   97.80ms
     90%  112.31ms
     99%    1.02s
  1808 requests in 10.01s, 27.91MB read
Requests/sec:    180.62
Transfer/sec:      2.79MB
"""

FAILING_REPORT = """\
Running 10s test @ http://127.0.0.1:41234/search/?q=diazepam
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   912.00us  120.00us   2.10ms   70.00%
    Req/Sec     8.50k   400.00     9.10k    80.00%
  Latency Distribution
     50%  850.00us
     75%    1.01ms
     90%    1.20ms
     99%    1.90ms
  170012 requests in 10.00s, 80.10MB read
  Socket errors: connect 0, read 3, write 0, timeout 12
  Non-2xx or 3xx responses: 170000
Requests/sec:  17001.20
Transfer/sec:      8.01MB
"""


def test_wrk_report_is_read_in_milliseconds():
    result = parse_wrk(REPORT)
    assert result.requests_per_second == 180.62
    assert result.p50_ms == pytest.approx(84.12)
    assert result.p99_ms == pytest.approx(1020.0)
    assert result.requests == 1808
    assert result.failed == 0


def test_error_pages_and_socket_errors_count_as_failed_requests():
    result = parse_wrk(FAILING_REPORT)
    assert result.bad_responses == 170000
    assert result.socket_errors == 15
    assert result.p50_ms == pytest.approx(0.85)


@pytest.mark.parametrize(
    ("text", "ms"),
    [("512.00us", 0.512), ("84.12ms", 84.12), ("1.02s", 1020.0), ("2.00m", 120000.0)],
)
def test_wrk_durations(text, ms):
    assert duration_ms(text) == pytest.approx(ms)


def test_output_without_a_report_is_an_error_not_zero():
    with pytest.raises(WrkError, match="Requests/sec"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def meeting_every_budget():
    """A run that meets every budget in bench.py's table, static file at 3,000 req/s."""

    def row(name, fraction, **fields):
        return Measured(
            name, f"/{name}/", rate=3000 * fraction, fraction=fraction, **fields
        )

    page = {"status": 200, "queries": 9, "writes": 0}
    return {
        "static": row("static", 1.0),
        "article": row("article", 1 / 20, served_bytes=11_000, **page),
        "article_200_comments": row(
            "article_200_comments", 1 / 50, served_bytes=25_000, **page
        ),
        "cached_article": row("cached_article", 0.95),
        "home": row("home", 1 / 10),
        "articles_index": row("articles_index", 1 / 10),
        "topic": row("topic", 1 / 10),
        "search": row("search", 1 / 10, **page),
        **{
            name: Measured(name, f"/{name}/", **page)
            for name in (
                "article:diazepam-for-back-pain",
                "article:nsaids-for-back-pain",
            )
        },
    }


def test_a_run_within_every_budget_passes():
    assert check(meeting_every_budget(), bench.BUDGETS) == []


def test_a_slow_article_is_named_with_its_share_of_the_static_rate():
    run = meeting_every_budget()
    run["article"].rate, run["article"].fraction = 75, 1 / 40
    assert check(run, bench.BUDGETS) == [
        "article: 75.0 req/s is 1/40 of the static file's rate; budget 1/30"
    ]


def test_one_query_over_the_article_budget_fails():
    run = meeting_every_budget()
    for name in ("article", "article_200_comments", "article:diazepam-for-back-pain"):
        run[name].queries = 13
    run["article:nsaids-for-back-pain"].queries = 13
    assert check(run, bench.BUDGETS) == ["article: 13 queries; budget 12"]


def test_a_longer_article_costing_more_queries_is_named():
    run = meeting_every_budget()
    run["article:nsaids-for-back-pain"].queries = 11
    assert check(run, bench.BUDGETS) == [
        "article:nsaids-for-back-pain: 11 queries, article 9; budget: the same"
    ]


def test_comments_must_not_add_queries():
    run = meeting_every_budget()
    run["article_200_comments"].queries = 10
    assert check(run, bench.BUDGETS) == [
        "article_200_comments: 10 queries, article 9; budget: the same"
    ]


def test_a_search_that_writes_fails():
    run = meeting_every_budget()
    run["search"].writes = 1
    assert check(run, bench.BUDGETS) == [
        "search: 1 INSERT/UPDATE/DELETE per request; budget 0"
    ]


def test_sizes_must_be_under_the_budget_and_say_when_uncompressed():
    run = meeting_every_budget()
    run["article"].served_bytes = 12_000
    run["article"].served_encoding = "br"
    run["article_200_comments"].served_bytes = 240_000
    run["article_200_comments"].served_encoding = "none"
    assert check(run, bench.BUDGETS) == [
        "article: 12,000 bytes sent (br); budget under 12,000",
        "article_200_comments: 240,000 bytes sent (uncompressed); budget under 30,000",
    ]


def test_failed_requests_and_error_pages_fail_whatever_the_rate():
    run = meeting_every_budget()
    run["home"].failed = 40
    run["topic"].status = 500
    assert check(run, bench.BUDGETS) == [
        "home: 40 requests failed under load (not 2xx/3xx, or socket errors)",
        "topic: /topic/ answered 500, not 200",
    ]


def test_an_address_not_measured_fails():
    run = meeting_every_budget()
    del run["search"]
    run["cached_article"].rate = run["cached_article"].fraction = None
    assert check(run, bench.BUDGETS) == [
        "cached_article: no request rate measured",
        "search: not measured",
    ]


def test_a_budget_without_a_query_count_fails():
    run = {"page": Measured("page", "/", rate=10, fraction=0.5)}
    assert check(run, {"page": Budget(max_queries=3)}) == ["page: queries not counted"]


def test_lighthouse_budgets():
    results = {
        "home": LighthouseResult(score=100, lcp_ms=850),
        "article": LighthouseResult(score=99, lcp_ms=1000),
        "search": LighthouseResult(score=None, lcp_ms=None, error="NO_FCP"),
        "article_200_comments": LighthouseResult(score=95, lcp_ms=2400),
    }
    assert check_lighthouse(results, bench.LIGHTHOUSE_BUDGETS) == [
        "Lighthouse article: performance 99; budget 100",
        "Lighthouse article: LCP 1.00 s; budget under 1.0 s",
        "Lighthouse search: no result (NO_FCP)",
    ]


def test_lighthouse_without_lcp_fails_an_lcp_budget():
    results = {"home": LighthouseResult(score=100, lcp_ms=None)}
    budgets = {"home": LighthouseBudget(min_score=100, max_lcp_ms=1000)}
    assert check_lighthouse(results, budgets) == ["Lighthouse home: no LCP measured"]


def wrk(rate, p50=10.0):
    return WrkResult(requests_per_second=rate, p50_ms=p50, p99_ms=p50 * 3, requests=1)


def test_each_rate_is_compared_with_the_static_rate_of_its_own_round():
    # The machine slowed down in round 2: the ratio holds, the medians of rates do not.
    measured = {n: Measured(n, "/") for n in ("static", "home")}
    bench.apply_load(
        measured,
        {
            "static": [wrk(3000), wrk(1000), wrk(3000)],
            "home": [wrk(300), wrk(100), wrk(300, p50=30.0)],
        },
    )
    home = measured["home"]
    assert home.fraction == pytest.approx(0.1)
    assert home.rate == 300
    assert home.p50_ms == 10.0


def test_the_table_shows_rates_as_the_budgets_are_written():
    table = bench.table(meeting_every_budget())
    article = next(line for line in table.splitlines() if line.startswith("article "))
    assert "1/20" in article
    assert "150" in article
    assert as_fraction(0.93) == "0.93×"


def test_quick_runs_through_the_environment(monkeypatch):
    monkeypatch.setenv("BENCH_ROUNDS", "1")
    monkeypatch.setenv("BENCH_LIGHTHOUSE", "0")
    args = bench.parse_args([])
    assert args.rounds == 1
    assert args.lighthouse is False
    assert bench.parse_args(["--rounds", "2"]).rounds == 2


def test_zero_rounds_is_refused(monkeypatch):
    monkeypatch.setenv("BENCH_ROUNDS", "0")
    with pytest.raises(SystemExit):
        bench.parse_args([])


def test_a_slow_machine_is_said_to_be_one():
    def results(index):
        return {"home": LighthouseResult(score=90, lcp_ms=900, benchmark_index=index)}

    assert "rated this machine's CPU at 480" in bench.slow_machine_note(results(480))
    assert bench.slow_machine_note(results(1400)) == ""
