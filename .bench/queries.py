"""Database queries per page, counted in-process against the bench's database.

Run by bench.py with the servers' environment: `python .bench/queries.py PATH...`
(or NAME=PATH). Prints JSON: for each page its status, queries, writes (INSERT,
UPDATE, DELETE), size and X-Page-Cache; with --articles, every live article as well.
Every page is asked for once before any is counted: the servers are measured warm.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
COUNT_WITHIN = 600

WRITES = ("INSERT", "UPDATE", "DELETE")


def count_queries(env, pages, articles=False):
    """{name: counts} for {name: path}, in a process with the servers' environment."""
    command = [sys.executable, __file__, *(f"{n}={p}" for n, p in pages.items())]
    result = subprocess.run(  # noqa: S603 - this script, with paths from the bench
        [*command, *(["--articles"] if articles else [])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COUNT_WITHIN,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"Counting queries failed:\n{tail}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # wrk keeps no cookies, and neither does a first-time reader.
    client.cookies.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    client.cookies.clear()
    statements = [q["sql"].lstrip().upper() for q in captured.captured_queries]
    return {
        "path": path,
        "status": response.status_code,
        "queries": len(statements),
        "writes": sum(1 for sql in statements if sql.startswith(WRITES)),
        "bytes": len(response.content),
        "cache": response.get("X-Page-Cache", ""),
    }


def live_articles():
    from articles.models import ArticlePage

    return {
        f"article:{page.slug}": page.url
        for page in ArticlePage.objects.live().public().order_by("path")
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="PATH or NAME=PATH")
    parser.add_argument("--articles", action="store_true")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.test import Client

    pages = dict(p.split("=", 1) if "=" in p else (p, p) for p in args.pages)
    if args.articles:
        pages |= live_articles()
    # As a browser asks: the page cache keeps one copy per accepted compression.
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip, br")
    # Every page once first: the first requests fill per-process and Redis caches
    # (content types, site root paths) that every later request reads.
    for path in pages.values():
        client.get(path)
        client.cookies.clear()
    print(json.dumps({name: count(client, path) for name, path in pages.items()}))


if __name__ == "__main__":
    main()
