"""`make bench-scale`: the demo site against a generated large one, page by page.

Builds the demo site in a scratch PostgreSQL database (scale_small), copies it and
adds `generate_site` (scale_large: 10,000 articles and 200,000 comments by default),
then serves each in turn with gunicorn and the production settings, the page cache off
so pages are rendered, not replayed. Every reader page, feed and API list, and the
admin pages signed in as a superuser, is loaded with wrk and its queries counted.

A page misses when the large site's rate falls below the small site's divided by 1.5,
or its queries grow past 1.5 times. Rates are compared as fractions of the static
stylesheet's rate measured beside them, so a machine busier in one half of the run
than the other does not decide the verdict. Prints a markdown table; exits 1 naming
every page that misses, 2 when the stack could not be run.

The demo site's lists hold three or four articles; the large site's fill a page
(12 cards, 20 feed items, 50 admin rows). So the small site also gets 100 generated
articles and 2,000 comments (--small-articles, --small-comments): both sites' pages are
full, and what is left is what grows with the size of the site.

Options (or their environment variables): --articles (SCALE_ARTICLES, 10000),
--comments (SCALE_COMMENTS, 200000), --small-articles and --small-comments
(SCALE_SMALL_ARTICLES, SCALE_SMALL_COMMENTS, 100 and 2,000), --seconds (SCALE_SECONDS, 10),
--rounds (SCALE_ROUNDS, 2), --keep-databases, then --reuse-databases to measure the
kept ones again. `--help` lists them all.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# The bench's own Redis database, read by stack.py as it is imported.
os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402
import psycopg  # noqa: E402
import stack  # noqa: E402

ROOT = stack.ROOT
SMALL, LARGE = "scale_small", "scale_large"
DISCUSSION = "diazepam-for-back-pain-discussion"
LIMIT = 1.5
GENERATE_WITHIN = 3 * 60 * 60
ADMIN_USER = "scale-bench"

# (key, label, path or None when each site names its own, signed in as a superuser)
PAGES = [
    ("article", "Article", "/articles/diazepam-for-back-pain/", False),
    ("discussion", "Article, 200 comments", f"/articles/{DISCUSSION}/", False),
    ("home", "Home", "/", False),
    ("index", "Articles index", "/articles/", False),
    ("index_last", "Articles index, last page", "/articles/?page=99999", False),
    ("topic", "Topic page (largest topic)", None, False),
    ("search", "Search “diazepam”", "/search/?q=diazepam", False),
    ("search_common", "Search “pain” (many matches)", "/search/?q=pain", False),
    ("sitemap", "sitemap.xml (index of files)", "/sitemap.xml", False),
    ("sitemap_file", "Sitemap file 1 (most URLs)", "/sitemap-pages.xml", False),
    ("rss", "RSS feed", "/feeds/rss/", False),
    ("atom", "Atom feed", "/feeds/atom/", False),
    ("topic_rss", "Topic RSS feed (largest topic)", None, False),
    ("api", "API list of articles", "/api/v2/pages/?type=articles.ArticlePage", False),
    ("explorer", "Admin: explorer, articles index", None, True),
    ("comments", "Admin: comments, held queue", "/admin/comments/", True),
    ("comments_all", "Admin: comments, all", "/admin/comments/?state=all", True),
    ("reviews", "Admin: Reviews due", "/admin/reports/reviews-due/", True),
]


@dataclass
class Row:
    path: str
    status: int
    queries: int
    rate: float = 0.0
    fraction: float = 0.0  # the rate over the stylesheet's
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    failed: int = 0
    one_request: bool = False  # too slow to load: timed by a single request


# Run inside a site's environment (`scale.py --inspect`): addresses, queries, a session.


def inspect_site():
    """Print JSON: each page's path, status and queries, and a superuser's session key."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django_comments_xtd.models import XtdComment
    from queries import count as count_reader

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q
    from django.test import Client

    from articles.models import ArticleIndexPage, ArticlePage, Topic

    index = ArticleIndexPage.objects.get()
    topic = (
        Topic.objects.annotate(n=Count("articlepage", filter=Q(articlepage__live=True)))
        .order_by("-n", "slug")
        .first()
    )
    own = {
        "topic": index.topic_url(topic),
        "topic_rss": f"/feeds/topics/{topic.slug}/rss/",
        "explorer": f"/admin/pages/{index.pk}/",
    }
    user, _ = get_user_model().objects.get_or_create(
        username=ADMIN_USER, defaults={"is_superuser": True, "is_staff": True}
    )
    admin = Client(HTTP_HOST=stack.HOST, HTTP_ACCEPT_ENCODING=load.BROWSER_ENCODING)
    admin.force_login(user)
    reader = Client(HTTP_HOST=stack.HOST, HTTP_ACCEPT_ENCODING=load.BROWSER_ENCODING)
    found = {}
    for key, _, path, signed_in in PAGES:
        path = path or own[key]
        client = admin if signed_in else reader
        client.get(path)  # warm: per-process caches are full by the time wrk runs
        counted = count_admin(admin, path) if signed_in else count_reader(client, path)
        found[key] = {name: counted[name] for name in ("path", "status", "queries")}
    session = admin.cookies[settings.SESSION_COOKIE_NAME].value
    cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
    size = {
        "articles": ArticlePage.objects.live().count(),
        "comments": XtdComment.objects.count(),
    }
    print(json.dumps({"pages": found, "cookie": cookie, "size": size}))


def count_admin(client, path):
    """queries.count() for a signed-in page: the session cookie is kept."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return {
        "path": path,
        "status": response.status_code,
        "queries": len(captured.captured_queries),
    }


# The run


def inspect(env):
    result = subprocess.run(  # noqa: S603 - this script, in the site's environment
        [sys.executable, __file__, "--inspect"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise stack.StackError(f"Inspecting the site failed:\n{tail}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def copy_database(source, target):
    """`target` as a copy of `source` (which nothing may be connected to)."""
    source, target = stack.checked_name(source), stack.checked_name(target)
    with stack.admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    return stack.database_url(target)


def analyse(url):
    with psycopg.connect(
        url, autocommit=True, connect_timeout=stack.CONNECT_TIMEOUT
    ) as connection:
        connection.execute("VACUUM (ANALYZE)")


def generate(env, articles, comments, seed):
    """Run generate_site, its progress shown; (seconds, peak memory in MB)."""
    command = [
        sys.executable,
        "manage.py",
        "generate_site",
        f"--articles={articles}",
        f"--comments={comments}",
        f"--seed={seed}",
    ]
    stack.say("Generating: " + " ".join(command[2:]))
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 - fixed program
        command,
        cwd=ROOT,
        env=env | {"PYTHONUNBUFFERED": "1"},  # progress as it happens
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    watchdog = threading.Timer(GENERATE_WITHIN, process.kill)
    watchdog.start()
    lines = []
    try:
        for line in process.stdout:
            lines.append(line.rstrip())
            stack.say("  " + line.rstrip())
        # wait4 rather than wait: it tells this child's own peak memory.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    finally:
        watchdog.cancel()
    if process.returncode != 0:
        output = "\n".join(lines[-15:]) or "(no output)"
        raise stack.StackError(f"generate_site failed:\n{output}")
    return time.monotonic() - started, usage.ru_maxrss / 1024


def run_wrk(url, seconds, cookie=None):
    """load.run_wrk(), with a session cookie for the admin's pages."""
    if cookie is None:
        return load.run_wrk(url, seconds=seconds)
    command = [
        load.WRK,
        f"-t{load.THREADS}",
        f"-c{load.CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-H",
        f"Accept-Encoding: {load.BROWSER_ENCODING}",
        "-H",
        f"Cookie: {cookie}",
        url,
    ]
    result = subprocess.run(  # noqa: S603 - fixed program
        command, capture_output=True, text=True, timeout=seconds + 30, check=False
    )
    if result.returncode != 0:
        raise load.WrkError(f"wrk failed on {url}: {result.stderr or result.stdout}")
    return load.parse_wrk(result.stdout)


def timed_get(server, path, cookie):
    """(status, seconds) of one request; a request past the time limit is None."""
    started = time.monotonic()
    try:
        status, _, _ = stack.get(
            server.port, path, {"Cookie": cookie} if cookie else None, timeout=120
        )
    except OSError:
        return None, time.monotonic() - started
    return status, time.monotonic() - started


def drained(server):
    """Wait for the server's backlog; a server still swamped is restarted."""
    try:
        server.wait_until_idle()
    except stack.StackError as error:
        stack.say(f"{error}: restarting it")
        server.stop()
        server.start()


def load_round(name, env, found, logs, args):
    """One turn of load on one site, served alone: ({key: WrkResult}, stylesheet rate).

    A page slower than --slow seconds for one request is not loaded: sixteen
    connections would only queue behind it. Its result is that one request.
    """
    stack.flush_redis()  # nothing cached by the other site, or by an earlier turn
    stylesheet = stack.static_url("css/site.css")
    results = {}
    with stack.Server(f"scale-{name}", env, logs) as server:
        run_wrk(server.url("/"), args.warmup)  # both workers' imports and templates
        drained(server)
        reference = [run_wrk(server.url(stylesheet), args.seconds)]
        for key, label, _, signed_in in PAGES:
            page, cookie = found["pages"][key], found["cookie"] if signed_in else None
            if page["status"] != 200:
                continue
            timed_get(server, page["path"], cookie)  # a worker's first is no measure
            status, seconds = timed_get(server, page["path"], cookie)
            if status not in (200, None):  # e.g. a signed-out admin page's redirect
                raise stack.StackError(f"{name}: {page['path']} answers {status}")
            if status is None or seconds > args.slow:
                stack.say(f"{name}: {label}: {seconds:.1f} s for one request")
                results[key] = load.WrkResult(
                    requests_per_second=1 / seconds,
                    p50_ms=seconds * 1000,
                    p99_ms=seconds * 1000,
                    requests=1,
                    socket_errors=int(status is None),
                )
                continue
            stack.say(f"{name}: {label} ({args.seconds} s)")
            run_wrk(server.url(page["path"]), args.warmup, cookie)
            drained(server)
            results[key] = run_wrk(server.url(page["path"]), args.seconds, cookie)
            drained(server)
        reference.append(run_wrk(server.url(stylesheet), args.seconds))
    static_rate = sum(r.requests_per_second for r in reference) / len(reference)
    return results, static_rate


def measure(sites, logs, args):
    """{site: {key: Row}}: queries counted once, then rounds taking turns by site."""
    found = {}
    for name, env in sites.items():
        stack.say(f"Counting queries on the {name} site")  # no server needed
        found[name] = inspect(env)
    turns = {name: [] for name in sites}
    for n in range(args.rounds):
        for name, env in sites.items():
            stack.say(f"Round {n + 1}/{args.rounds}: the {name} site")
            turns[name].append(load_round(name, env, found[name], logs, args))
    rows = {}
    for name in sites:
        rows[name] = {}
        for key, *_ in PAGES:
            row = rows[name][key] = Row(**found[name]["pages"][key])
            done = [(r[key], static) for r, static in turns[name] if key in r]
            if not done:
                continue
            row.rate = load.median([r.requests_per_second for r, _ in done])
            row.fraction = load.median([r.requests_per_second / s for r, s in done])
            row.p50_ms = load.median([r.p50_ms for r, _ in done])
            row.p99_ms = load.median([r.p99_ms for r, _ in done])
            row.failed = sum(r.failed for r, _ in done)
            row.one_request = any(r.requests == 1 for r, _ in done)
    statics = {
        name: load.median([static for _, static in turns[name]]) for name in sites
    }
    return rows, statics, {name: found[name]["size"] for name in sites}


def misses(small, large):
    """Why each page misses, by key: status, failures, rate or queries past the limit."""
    found = {}
    for key, label, *_ in PAGES:
        s, g, reasons = small[key], large[key], []
        if s.status != 200 or g.status != 200:
            reasons.append(f"status {s.status} small, {g.status} large")
        if g.failed:
            reasons.append(f"{g.failed} failed requests")
        if s.fraction and g.fraction < s.fraction / LIMIT:
            reasons.append(f"rate ×{g.fraction / s.fraction:.2f} of the small site's")
        if g.queries > s.queries * LIMIT:
            reasons.append(f"queries {s.queries} → {g.queries}")
        if reasons:
            found[key] = f"{label}: " + "; ".join(reasons)
    return found


def rate(row):
    """The rate as shown: † when it is one request's, the page being too slow to load."""
    return f"{row.rate:,.1f}{'†' if row.one_request else ''}"


def table(small, large, missed):
    lines = [
        "| Page | Small r/s | Large r/s | Rate ratio | p50 ms small → large "
        "| Queries small → large | Within 1.5× |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for key, label, *_ in PAGES:
        s, g = small[key], large[key]
        ratio = g.fraction / s.fraction if s.fraction else 0.0
        lines.append(
            f"| {label} | {rate(s)} | {rate(g)} | {ratio:.2f} "
            f"| {s.p50_ms:,.0f} → {g.p50_ms:,.0f} | {s.queries} → {g.queries} "
            f"| {'no' if key in missed else 'yes'} |"
        )
    return "\n".join(lines)


def run(args, logs):
    """Build both sites (or take the kept ones) and measure them: rows, rates, timing."""
    if args.reuse_databases:
        envs = {
            "small": stack.production_env(stack.database_url(SMALL)),
            "large": stack.production_env(stack.database_url(LARGE)),
        }
        stack.collect_static(envs["small"])
        try:
            return (*measure(envs, logs, args), None)
        finally:
            stack.flush_redis()
    with stack.scratch_database(SMALL, keep=args.keep_databases) as small_url:
        small_env = stack.production_env(small_url)
        stack.build_demo_site(small_env, discussion_slug=DISCUSSION)
        large_url = copy_database(SMALL, LARGE)
        try:
            large_env = stack.production_env(large_url)
            generation = generate(large_env, args.articles, args.comments, args.seed)
            if args.small_articles:
                generate(small_env, args.small_articles, args.small_comments, 1)
            # Fresh planner statistics, as a site that grew slowly would have.
            for url in (small_url, large_url):
                analyse(url)
            measured = measure({"small": small_env, "large": large_env}, logs, args)
        finally:
            if not args.keep_databases:
                stack.drop_database(LARGE)
    return (*measured, generation)


def env_default(name, default):
    return os.environ.get(name, default)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspect", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--articles", type=int, default=int(env_default("SCALE_ARTICLES", "10000"))
    )
    parser.add_argument(
        "--comments", type=int, default=int(env_default("SCALE_COMMENTS", "200000"))
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--small-articles",
        type=int,
        default=int(env_default("SCALE_SMALL_ARTICLES", "100")),
        help="generated articles on the small site too, so its lists fill a page "
        "as the large site's do (default 100; 0 is the demo content alone)",
    )
    parser.add_argument(
        "--small-comments",
        type=int,
        default=int(env_default("SCALE_SMALL_COMMENTS", "2000")),
    )
    parser.add_argument(
        "--seconds",
        type=int,
        default=int(env_default("SCALE_SECONDS", "10")),
        help="seconds of load per page (default 10)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(env_default("SCALE_ROUNDS", "2")),
        help="turns of load per site, taken alternately; medians count (default 2)",
    )
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of load before each (default 2)"
    )
    parser.add_argument(
        "--slow",
        type=float,
        default=3.0,
        help="a page slower than this many seconds for one request is timed by "
        "that request, not loaded (default 3)",
    )
    parser.add_argument(
        "--reuse-databases",
        action="store_true",
        help=f"measure the {SMALL} and {LARGE} a --keep-databases run left",
    )
    parser.add_argument(
        "--keep-databases",
        action="store_true",
        help=f"leave {SMALL} and {LARGE} in place afterwards",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.inspect:
        inspect_site()
        return 0
    try:
        with (
            stack.stopped_on_sigterm(),
            tempfile.TemporaryDirectory(prefix="scale-") as logs,
        ):
            rows, statics, sizes, generation = run(args, logs)
    except (stack.StackError, load.WrkError, OSError) as error:
        print(f"The scale bench could not run: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted: servers stopped, databases dropped.", file=sys.stderr)
        return 130
    small, large = rows["small"], rows["large"]
    missed = misses(small, large)
    print()
    made = (
        f"generated in {generation[0] / 60:.1f} min, peak memory "
        f"{generation[1]:,.0f} MB"
        if generation
        else "generated by an earlier run"
    )
    small_size, large_size = sizes["small"], sizes["large"]
    print(
        f"Small: {small_size['articles']:,} articles, {small_size['comments']:,} "
        f"comments. Large: {large_size['articles']:,} articles, "
        f"{large_size['comments']:,} comments ({made}). wrk -t2 "
        f"-c16, {args.seconds} s a page, median of {args.rounds} rounds taking turns, "
        "page cache off. Rate ratio: large over small, each as a fraction of the "
        f"stylesheet's rate beside it ({statics['small']:,.0f} and "
        f"{statics['large']:,.0f} r/s). †: too slow to load (over {args.slow:g} s); "
        "timed by one request."
    )
    if small_size["articles"] < 50:
        print(
            "The small site's lists are not full: --small-articles 100 compares full "
            "pages, leaving only what grows with the site."
        )
    print()
    print(table(small, large, missed))
    print()
    if missed:
        print(f"{len(missed)} page(s) miss 1.5×:")
        print("\n".join(f"  - {line}" for line in missed.values()))
        return 1
    print("Every page is within 1.5× of the small site's.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
