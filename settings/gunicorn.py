"""gunicorn's configuration: `gunicorn -c python:settings.gunicorn settings.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: a stuck request is killed after `timeout`, which threads would not be.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Every dependency has a shorter timeout (database 5 s connect, 10 s per statement,
# Redis 0.5 s, SMTP is never called in a request), so 30 s means something is wrong.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak never takes the site down.
max_requests = 1000
max_requests_jitter = 100
# Django decides whether X-Forwarded-Proto is believed (TRUST_X_FORWARDED_PROTO);
# gunicorn's own trust of it would go round that setting.
secure_scheme_headers = {}
# No runtime-management socket in the home directory.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
# key=value, like the application's logs; the path without its query string.
access_log_format = (
    'event=request remote=%(h)s method=%(m)s path="%(U)s" status=%(s)s '
    'bytes=%(B)s ms=%(M)s agent="%(a)s"'
)
