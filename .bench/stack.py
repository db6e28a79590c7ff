"""The production stack on this machine: a scratch PostgreSQL database, Redis, gunicorn.

Used by bench.py and scale.py. Everything started here is stopped here: servers are
context managers, and each runs in a process group of its own that is ended whole.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
HOST = "127.0.0.1"
# Seconds a service may take to answer before the bench gives up on it.
CONNECT_TIMEOUT = 5
START_WITHIN = 60
STOP_WITHIN = 25
DRAIN_WITHIN = 120
DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class StackError(Exception):
    """The stack could not be built or started; the message says which step and why."""


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def database_url(name):
    return f"{POSTGRES_URL}/{name}"


def checked_name(name):
    if not DATABASE_NAME.fullmatch(name):
        raise StackError(f"{name!r} is not a plain database name (a-z, 0-9, _).")
    return name


def admin_connection():
    try:
        return psycopg.connect(
            database_url("postgres"), autocommit=True, connect_timeout=CONNECT_TIMEOUT
        )
    except psycopg.OperationalError as error:
        raise StackError(
            f"PostgreSQL at {POSTGRES_URL} is not answering: {error}"
        ) from None


def recreate_database(name):
    """An empty database called `name`, whatever was there before."""
    name = checked_name(name)
    with admin_connection() as connection:
        # FORCE: a run that was killed may have left a connection open.
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return database_url(name)


def drop_database(name):
    name = checked_name(name)
    with admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def flush_redis(url=REDIS_URL):
    """Empty the bench's Redis database: a page cached by an earlier run is no measure."""
    client = redis.Redis.from_url(
        url, socket_timeout=CONNECT_TIMEOUT, socket_connect_timeout=CONNECT_TIMEOUT
    )
    try:
        client.flushdb()
    except redis.RedisError as error:
        raise StackError(f"Redis at {url} is not answering: {error}") from None
    finally:
        client.close()


def production_env(database, *, page_cache_seconds=0, redis_url=REDIS_URL, **extra):
    """The environment production runs in, over plain HTTP on this machine."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    return environment | {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        **extra,
    }


def manage(env, *args, timeout=900):
    """Run a management command; its output, or StackError with the end of its errors."""
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, arguments from this module
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise StackError(f"manage.py {args[0]} took over {timeout} s") from None
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise StackError(f"manage.py {' '.join(args)} failed:\n{tail}")
    return result.stdout


def build_demo_site(env, *, discussion_slug, comments=200):
    """Migrate, load the demo content, add the long discussion, collect static files."""
    say("Migrating the scratch database")
    manage(env, "migrate", "--no-input")
    say("Loading the demo content")
    manage(env, "load_demo_content", "--hostname", HOST, "--port", "80")
    say(f"Adding a copy of the diazepam article with {comments} comments")
    manage(
        env,
        "add_comment_thread",
        "--article",
        "diazepam-for-back-pain",
        "--copy-as",
        discussion_slug,
        "--count",
        str(comments),
    )
    collect_static(env)


def collect_static(env):
    say("Collecting static files")
    manage(env, "collectstatic", "--no-input")


def static_url(name):
    """The hashed address collectstatic gave a static file, e.g. css/site.css."""
    manifest = ROOT / "static" / "staticfiles.json"
    try:
        paths = json.loads(manifest.read_text())["paths"]
        return f"/static/{paths[name]}"
    except (OSError, ValueError, KeyError) as error:
        raise StackError(f"No hashed {name} in {manifest}: {error!r}") from None


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port, path, headers=None, timeout=30):
    """(status, headers, body) of one GET; the body as sent (still compressed)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Server:
    """gunicorn with the production settings on a free port, started and stopped whole."""

    def __init__(self, name, env, log_dir, workers=2):
        self.name = name
        self.port = free_port()
        self.env = env | {
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "WEB_CONCURRENCY": str(workers),
        }
        self.log_path = Path(log_dir) / f"{name}.log"
        self.process = None

    @property
    def base_url(self):
        return f"http://{HOST}:{self.port}"

    def url(self, path):
        return self.base_url + path

    def get(self, path, headers=None):
        return get(self.port, path, headers)

    def start(self):
        say(f"Starting gunicorn ({self.name}) on {self.base_url}")
        with self.log_path.open("w") as log:
            # Access lines are formatted as in production, then dropped: a file of
            # every request would grow by the hundred thousand lines a run.
            self.process = subprocess.Popen(  # noqa: S603 - fixed program
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "python:settings.gunicorn",
                    "settings.wsgi",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_until_ready(self):
        deadline = time.monotonic() + START_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StackError(f"gunicorn ({self.name}) exited:\n{self.log_tail()}")
            try:
                status, _, _ = self.get("/healthz")
            except OSError:
                time.sleep(0.3)
                continue
            if status == 200:
                return
            raise StackError(
                f"gunicorn ({self.name}) answers /healthz with {status}:\n{self.log_tail()}"
            )
        raise StackError(f"gunicorn ({self.name}) not ready in {START_WITHIN} s")

    def wait_until_idle(self):
        """Return once the server answers at once again: its backlog has drained."""
        deadline = time.monotonic() + DRAIN_WITHIN
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                self.get("/healthz")
            except OSError:
                continue
            if time.monotonic() - started < 1:
                return
        raise StackError(f"gunicorn ({self.name}) still busy after {DRAIN_WITHIN} s")

    def log_tail(self, lines=20):
        try:
            return "\n".join(self.log_path.read_text().splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self):
        """End gunicorn's master and workers: the process group this server started."""
        if self.process is None or self.process.poll() is not None:
            return
        group = os.getpgid(self.process.pid)
        os.killpg(group, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_WITHIN)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=STOP_WITHIN)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


@contextmanager
def stopped_on_sigterm():
    """SIGTERM ends the run as Ctrl-C does: servers are stopped, the database dropped."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def scratch_database(name, keep=False):
    """A fresh database for the run, and Redis emptied; both cleared again after it."""
    flush_redis()
    url = recreate_database(name)
    try:
        yield url
    finally:
        try:
            flush_redis()
        except StackError as error:
            say(str(error))
        if keep:
            say(f"Kept the database {name}")
        else:
            drop_database(name)
