"""Running past one machine: each service is switched on by the environment, and only then.

Settings are built as a server builds them: settings/base.py run afresh with the
environment given (settings/services.py reads it at the end).
"""

import importlib.util
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from storages.backends.s3 import S3Storage

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test import RequestFactory
from django.utils.module_loading import import_string

from wagtail.contrib.frontend_cache.utils import get_backends

from articles.models import ArticlePage
from home.db_router import ReplicaReadsMiddleware, ReplicaRouter, wait_for_replicas
from home.front_cache import VarnishBackend
from settings.services import (
    SEARCH_BACKENDS,
    media_origins,
    nothing_server_local,
    server_local_problems,
)
from tests.servers import ROOT

SWITCHES = (
    "FRONTEND_CACHE_URL",
    "FRONTEND_CACHE_TIMEOUT",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_REGION_NAME",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_CUSTOM_DOMAIN",
    "MEDIA_S3_TIMEOUT",
    "SEARCH_URL",
    "SEARCH_BACKEND",
    "SEARCH_INDEX_PREFIX",
    "SEARCH_TIMEOUT",
    "DATABASE_URL",
    "DATABASE_REPLICA_URLS",
    "DATABASE_REPLICA_WAIT",
    "REDIS_URL",
    "APP_SERVERS",
    "MEDIA_ROOT_SHARED",
)
PRIMARY = "postgres://postgres@db.internal:5432/healthinfo"
ON_POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def built(monkeypatch):
    """settings/base.py's namespace for an environment of only the switches given."""

    def build(**env):
        for name in SWITCHES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        # A fresh copy of the module: the one Django loaded stays as it is.
        spec = importlib.util.spec_from_file_location(
            "settings.base_for_test", ROOT / "settings" / "base.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return vars(module)

    yield build
    # Several APP_SERVERS register the deploy check in this process: take it back out.
    checks.registry.registry.deployment_checks.discard(nothing_server_local)


def test_by_default_everything_stays_on_this_machine(built):
    config = built()

    assert config["WAGTAILSEARCH_BACKENDS"] == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    assert config["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert "WAGTAILFRONTENDCACHE" not in config
    assert list(config["DATABASES"]) == ["default"]
    assert "DATABASE_ROUTERS" not in config
    assert "home.db_router.ReplicaReadsMiddleware" not in config["MIDDLEWARE"]


# Front cache


def test_front_cache_url_sends_purges_there_with_a_timeout(built):
    config = built(FRONTEND_CACHE_URL="http://127.0.0.1:6081")

    (backend,) = get_backends(config["WAGTAILFRONTENDCACHE"]).values()
    assert isinstance(backend, VarnishBackend)
    assert (backend.cache_scheme, backend.cache_netloc) == ("http", "127.0.0.1:6081")
    assert backend.timeout == 2
    assert "home.front_cache.FrontCacheConfig" in config["INSTALLED_APPS"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"FRONTEND_CACHE_URL": "127.0.0.1:6081"}, "FRONTEND_CACHE_URL"),
        (
            {
                "FRONTEND_CACHE_URL": "http://127.0.0.1:6081",
                "FRONTEND_CACHE_TIMEOUT": "0",
            },
            "FRONTEND_CACHE_TIMEOUT",
        ),
        ({"SEARCH_URL": "http://search:9200"}, "SEARCH_BACKEND"),
        (
            {"SEARCH_URL": "http://search:9200", "SEARCH_BACKEND": "solr"},
            "SEARCH_BACKEND",
        ),
        ({"SEARCH_URL": "search:9200", "SEARCH_BACKEND": "opensearch3"}, "SEARCH_URL"),
        ({"DATABASE_REPLICA_URLS": PRIMARY}, "DATABASE_URL"),
        (
            {"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URLS": "sqlite:///replica.db"},
            "DATABASE_REPLICA_URLS",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "MEDIA_S3_ENDPOINT_URL": "minio:9000"},
            "MEDIA_S3_ENDPOINT_URL",
        ),
    ],
)
def test_a_setting_that_cannot_work_stops_the_start_and_says_which(built, env, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        built(**env)


# Search


@pytest.mark.parametrize("kind", SEARCH_BACKENDS)
def test_search_url_selects_wagtails_search_cluster_backend(built, kind):
    config = built(
        SEARCH_URL="https://user:secret@search.example.org:9243, https://search2.example.org",
        SEARCH_BACKEND=kind,
    )

    assert config["WAGTAILSEARCH_BACKENDS"] == {
        "default": {
            "BACKEND": f"wagtail.search.backends.{kind}",
            "URLS": [
                "https://user:secret@search.example.org:9243",
                "https://search2.example.org",
            ],
            "INDEX_PREFIX": "healthinfo_",
            "TIMEOUT": 2.0,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }


@pytest.mark.parametrize(
    ("kind", "client"),
    [("elasticsearch9", "elasticsearch"), ("opensearch3", "opensearchpy")],
)
def test_the_search_backend_builds_its_client_from_the_configuration(
    built, kind, client
):
    pytest.importorskip(client, reason=f"the {client} client is not installed")
    config = built(
        SEARCH_URL="https://user:secret@search.example.org:9243", SEARCH_BACKEND=kind
    )
    params = dict(config["WAGTAILSEARCH_BACKENDS"]["default"])

    backend = import_string(params.pop("BACKEND") + ".SearchBackend")(params)

    assert backend.index_prefix == "healthinfo_"
    assert backend.timeout == 2.0
    (host,) = backend.hosts
    assert (host["host"], host["port"]) == ("search.example.org", 9243)
    assert host.get("scheme") == "https" or host.get("use_ssl") is True


# Object storage


@pytest.mark.parametrize(
    "env",
    [
        {"AWS_S3_REGION_NAME": "eu-west-2"},
        {"AWS_S3_REGION_NAME": "us-east-1"},
        {"MEDIA_S3_ENDPOINT_URL": "https://objects.example.net:9000"},
        {"MEDIA_S3_CUSTOM_DOMAIN": "media.example.org"},
    ],
)
def test_media_in_object_storage_is_allowed_by_the_content_security_policy(
    built, monkeypatch, env
):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    config = built(AWS_STORAGE_BUCKET_NAME="health-media", **env)
    storage = config["STORAGES"]["default"]

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["client_config"].read_timeout == 10
    # The address the storage gives a file is one the page's policy lets browsers load.
    address = urlsplit(S3Storage(**options).url("original_images/back.jpg"))
    origin = f"{address.scheme}://{address.netloc}"
    assert origin in media_origins(options)
    allowed = config["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert set(media_origins(options)) <= set(allowed)
    assert config["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


# Read replicas


def test_replica_urls_add_replicas_read_through_the_router(built):
    config = built(
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URLS="postgres://postgres@replica-a:5432/healthinfo,"
        "postgres://postgres@replica-b:5432/healthinfo",
    )

    databases = config["DATABASES"]
    assert list(databases) == ["default", "replica_1", "replica_2"]
    assert databases["replica_2"]["HOST"] == "replica-b"
    # The same time limits as the primary; tests read the primary under these names.
    assert databases["replica_1"]["OPTIONS"] == databases["default"]["OPTIONS"]
    assert databases["replica_1"]["TEST"] == {"MIRROR": "default"}
    assert config["DATABASE_REPLICAS"] == ["replica_1", "replica_2"]
    assert config["DATABASE_ROUTERS"] == ["home.db_router.ReplicaRouter"]
    assert config["MIDDLEWARE"][-1] == "home.db_router.ReplicaReadsMiddleware"


@pytest.fixture
def replicas(settings):
    settings.DATABASE_REPLICAS = ["replica_1"]


def read_from(request):
    """The database the router picks for reads while the site handles `request`."""
    chosen = []

    def view(request):
        chosen.append(ReplicaRouter().db_for_read(ArticlePage))
        return None

    ReplicaReadsMiddleware(view)(request)
    return chosen[0]


def test_an_anonymous_readers_page_is_read_from_a_replica(replicas):
    assert read_from(RequestFactory().get("/articles/diazepam/")) == "replica_1"
    assert read_from(RequestFactory().head("/search/?q=diazepam")) == "replica_1"


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().post("/comments/post/"),
        RequestFactory().post("/articles/diazepam/"),
        RequestFactory().get("/admin/pages/"),
        RequestFactory().get("/comments/confirm/abc/"),
        RequestFactory().get("/healthz"),
    ],
    ids=["comment", "form", "admin", "confirmation", "health"],
)
def test_writes_staff_and_forms_read_from_the_primary(replicas, request_):
    assert read_from(request_) == "default"


def test_someone_signed_in_reads_from_the_primary(replicas):
    request = RequestFactory().get("/articles/diazepam/")
    request.COOKIES["sessionid"] = "abc"
    assert read_from(request) == "default"


def test_outside_a_request_everything_uses_the_primary(replicas):
    router = ReplicaRouter()
    assert router.db_for_read(ArticlePage) == "default"
    assert router.db_for_write(ArticlePage) == "default"
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica_1", "articles")


def test_reads_inside_a_transaction_use_the_primary(replicas, db):
    request = RequestFactory().get("/articles/diazepam/")
    with transaction.atomic():
        assert read_from(request) == "default"


def test_writes_always_go_to_the_primary(replicas):
    chosen = []

    def view(request):
        chosen.append(ReplicaRouter().db_for_write(ArticlePage))

    ReplicaReadsMiddleware(view)(RequestFactory().get("/articles/diazepam/"))
    assert chosen == ["default"]


def test_without_replicas_there_is_nothing_to_wait_for(settings):
    settings.DATABASE_REPLICAS = []
    assert wait_for_replicas() is True


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL)")
def test_waiting_for_replicas_asks_postgresql_where_they_are(settings, db):
    # The primary stands in for a replica: it replays nothing, so it is never behind.
    settings.DATABASE_REPLICAS = ["default"]
    assert wait_for_replicas(timeout=1) is True


# Several application servers


def test_one_server_may_keep_things_to_itself(built):
    assert server_local_problems(built()) == []


def test_several_servers_must_share_cache_media_database_and_sessions(built):
    config = built(APP_SERVERS="10.0.0.5:8001,10.0.0.6:8001")

    problems = {error.id for error in server_local_problems(config)}

    assert problems == {"services.E001", "services.E002", "services.E003"}


def test_several_servers_sharing_everything_pass(built, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "key")
    config = built(
        APP_SERVERS="10.0.0.5:8001,10.0.0.6:8001",
        DATABASE_URL=PRIMARY,
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="health-media",
    )
    assert server_local_problems(config) == []

    config = built(
        APP_SERVERS="10.0.0.5:8001,10.0.0.6:8001",
        DATABASE_URL=PRIMARY,
        REDIS_URL="redis://cache.internal:6379/0",
        MEDIA_ROOT_SHARED="true",
    )
    assert server_local_problems(config) == []


def test_the_deploy_check_refuses_several_servers_on_one_machines_state():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", *SWITCHES}
    }
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment
        | {
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "health.example.org",
            "DATABASE_URL": "sqlite:///:memory:",
            "APP_SERVERS": "10.0.0.5:8001,10.0.0.6:8001",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    for code in ("services.E001", "services.E002", "services.E003"):
        assert code in result.stderr
