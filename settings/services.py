"""Deployment switches read from the environment: media storage, search, replicas, front cache.

Each is off until its variable is set (README, "Running past one machine"); a value
that cannot work stops the site at start with ImproperlyConfigured, saying which.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# What Wagtail 8 offers in wagtail.search.backends, besides the database.
SEARCH_BACKENDS = (
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
)
POSTGRESQL = "django.db.backends.postgresql"


def configure(settings, environ=None):
    """Adjusts the settings module's namespace for the services the environment names."""
    environ = os.environ if environ is None else environ
    front_cache(settings, environ)
    media_storage(settings, environ)
    search(settings, environ)
    replicas(settings, environ)
    app_servers(settings, environ)


def _list(value):
    return [
        item.strip() for item in value.replace("\n", ",").split(",") if item.strip()
    ]


def _seconds(environ, name, default):
    value = environ.get(name, "") or default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if seconds <= 0:
        raise ImproperlyConfigured(f"{name} must be a number of seconds above 0.")
    return seconds


def _http_url(name, url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} must be an http:// or https:// address with a host name, "
            f"e.g. http://127.0.0.1:6081; got {url!r}."
        )
    return url


def front_cache(settings, environ):
    """Purges pages from Varnish (home/front_cache.py) when FRONTEND_CACHE_URL is set."""
    # Installed always: its receivers do nothing until a front cache is configured.
    settings["INSTALLED_APPS"] = [
        *settings["INSTALLED_APPS"],
        "home.front_cache.FrontCacheConfig",
    ]
    url = environ.get("FRONTEND_CACHE_URL", "")
    if not url:
        return
    settings["WAGTAILFRONTENDCACHE"] = {
        "varnish": {
            "BACKEND": "home.front_cache.VarnishBackend",
            "LOCATION": _http_url("FRONTEND_CACHE_URL", url),
            "TIMEOUT": _seconds(environ, "FRONTEND_CACHE_TIMEOUT", "2"),
        }
    }


def media_origins(options):
    """Where readers' browsers fetch media from, for the Content-Security-Policy."""
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        return [f"{parts.scheme}://{parts.netloc}"]
    # AWS gives the global name; a bucket outside us-east-1 may redirect to its region's.
    bucket, region = options["bucket_name"], options.get("region_name")
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region and region != "us-east-1":
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


def media_storage(settings, environ):
    """Uploaded images and documents in S3-compatible object storage (django-storages)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return
    from botocore.config import Config

    endpoint = environ.get("MEDIA_S3_ENDPOINT_URL", "")
    timeout = _seconds(environ, "MEDIA_S3_TIMEOUT", "10")
    options = {
        "bucket_name": bucket,
        # Two uploads with one name must not replace each other.
        "file_overwrite": False,
        # Plain, lasting addresses: signed ones would expire inside cached pages.
        "querystring_auth": False,
        # The bucket's policy decides who reads what (README).
        "default_acl": None,
        "client_config": Config(
            # Path-style for S3-compatible services, which seldom serve bucket subdomains.
            s3={"addressing_style": "path" if endpoint else "auto"},
            connect_timeout=min(timeout, 5),
            read_timeout=timeout,
            retries={"max_attempts": 2, "mode": "standard"},
        ),
    }
    if endpoint:
        options["endpoint_url"] = _http_url("MEDIA_S3_ENDPOINT_URL", endpoint)
    if region := environ.get("AWS_S3_REGION_NAME", ""):
        options["region_name"] = region
    if domain := environ.get("MEDIA_S3_CUSTOM_DOMAIN", ""):
        options["custom_domain"] = domain
    settings["STORAGES"] = {
        **settings["STORAGES"],
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    # Documents keep going through the site, which checks private collections on every
    # download, instead of a redirect to an address anyone could pass on.
    settings["WAGTAILDOCS_SERVE_METHOD"] = "serve_view"
    policy = settings["CONTENT_SECURITY_POLICY"]
    directives = policy["DIRECTIVES"]
    settings["CONTENT_SECURITY_POLICY"] = {
        **policy,
        "DIRECTIVES": {
            **directives,
            "img-src": [*directives["img-src"], *media_origins(options)],
        },
    }


def search(settings, environ):
    """Wagtail's Elasticsearch or OpenSearch backend instead of the database's."""
    urls = _list(environ.get("SEARCH_URL", ""))
    if not urls:
        return
    kind = environ.get("SEARCH_BACKEND", "")
    if kind not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(
            "SEARCH_URL is set: set SEARCH_BACKEND to the cluster's kind and major "
            f"version, one of {', '.join(SEARCH_BACKENDS)}; got {kind!r}."
        )
    settings["WAGTAILSEARCH_BACKENDS"] = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{kind}",
            "URLS": [_http_url("SEARCH_URL", url) for url in urls],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "healthinfo_"),
            "TIMEOUT": _seconds(environ, "SEARCH_TIMEOUT", "2"),
        },
        # Kept current beside the cluster, so a search can fall back to it while the
        # cluster is down (`.search(..., backend="database")`).
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }


def replicas(settings, environ):
    """Read replicas for anonymous readers' pages (home/db_router.py)."""
    urls = _list(environ.get("DATABASE_REPLICA_URLS", ""))
    if not urls:
        return
    databases = dict(settings["DATABASES"])
    if databases["default"]["ENGINE"] != POSTGRESQL:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs DATABASE_URL to be PostgreSQL."
        )
    for number, url in enumerate(urls, start=1):
        replica = settings["database"](url)
        if replica["ENGINE"] != POSTGRESQL:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS: replica {number} is not a PostgreSQL address."
            )
        # Tests read the primary under this name; there is nothing to replicate.
        replica["TEST"] = {"MIRROR": "default"}
        databases[f"replica_{number}"] = replica
    settings["DATABASES"] = databases
    settings["DATABASE_REPLICAS"] = [f"replica_{n}" for n in range(1, len(urls) + 1)]
    settings["DATABASE_ROUTERS"] = ["home.db_router.ReplicaRouter"]
    settings["MIDDLEWARE"] = [
        *settings["MIDDLEWARE"],
        "home.db_router.ReplicaReadsMiddleware",
    ]
    # How long a purge waits for the replicas to replay a change.
    settings["DATABASE_REPLICA_WAIT"] = _seconds(environ, "DATABASE_REPLICA_WAIT", "2")


def app_servers(settings, environ):
    """APP_SERVERS lists the application servers behind the front cache; with more than
    one, `manage.py check --deploy` refuses anything kept on one server only."""
    settings["APP_SERVERS"] = _list(environ.get("APP_SERVERS", ""))
    settings["MEDIA_ROOT_SHARED"] = (
        environ.get("MEDIA_ROOT_SHARED", "false").lower() == "true"
    )
    if len(settings["APP_SERVERS"]) > 1:
        from django.core import checks

        checks.register(nothing_server_local, checks.Tags.caches, deploy=True)


LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def nothing_server_local(app_configs=None, **kwargs):
    """The deploy check: what several application servers must share."""
    from django.conf import settings

    names = ("APP_SERVERS", "CACHES", "STORAGES", "MEDIA_ROOT_SHARED", "DATABASES")
    config = {name: getattr(settings, name) for name in names}
    config["SESSION_ENGINE"] = settings.SESSION_ENGINE
    return server_local_problems(config)


def server_local_problems(config):
    """What one server alone would keep, given several APP_SERVERS (a settings mapping)."""
    from django.core.checks import Error

    if len(config["APP_SERVERS"]) < 2:
        return []
    local_cache = config["CACHES"]["default"]["BACKEND"] in LOCAL_CACHES
    session_engine = config.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
    errors = []
    if local_cache:
        errors.append(
            Error(
                "Several application servers, but each keeps its own cache: rate "
                "limits count per server and a change cannot clear the others' pages.",
                hint="Set REDIS_URL to one Redis every server uses.",
                id="services.E001",
            )
        )
    storage = config["STORAGES"]["default"]["BACKEND"]
    if storage.endswith("FileSystemStorage") and not config["MEDIA_ROOT_SHARED"]:
        errors.append(
            Error(
                "Several application servers, but uploads are kept on each server's "
                "own disk: an image uploaded on one is missing on the others.",
                hint="Set AWS_STORAGE_BUCKET_NAME (object storage), or mount MEDIA_ROOT "
                "from shared storage on every server and set MEDIA_ROOT_SHARED=true.",
                id="services.E002",
            )
        )
    if config["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3":
        errors.append(
            Error(
                "Several application servers cannot share a SQLite file.",
                hint="Set DATABASE_URL to PostgreSQL.",
                id="services.E003",
            )
        )
    if session_engine.endswith(".file") or (
        session_engine.endswith(".cache") and local_cache
    ):
        errors.append(
            Error(
                "Several application servers, but sessions are kept on one: staff "
                "would be signed out whenever another server answers.",
                hint="Keep the default database sessions, or cached ones in Redis.",
                id="services.E004",
            )
        )
    return errors
