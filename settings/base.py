"""Settings shared by every environment; safe to deploy as they stand."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from home.cache import connection_class

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "home.accounts",
    "articles",
    "articles.comments",
    "articles.wordpress",
    "search",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "articles.comments.apps.XtdCommentsConfig",  # django_comments_xtd
    "django_comments",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",  # trigram lookups for "Did you mean"; inert on SQLite
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers If-None-Match with 304, for cached pages too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' pages, stored compressed as each client accepts them, with the
    # headers of the middleware below: a stored page is answered with no more work. It
    # reads the raw path and cookies only, nothing Django might fail to decode.
    "home.page_cache.PageCacheMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything reads a body or query Django cannot decode (a bare 500 otherwise).
    "home.middleware.RejectUndecodableMiddleware",
    "compression_middleware.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it turns a locked-out sign-in into the lockout page whatever ran before.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_name",
            ],
        },
    },
]

# Seconds to wait for the database to accept a connection, and for one statement to
# finish: a database that hangs gives readers the error page in seconds, and frees the
# worker, instead of holding every request behind it. 0 turns the statement limit off.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "10"))


def database(
    url,
    connect_timeout=DATABASE_CONNECT_TIMEOUT,
    statement_timeout=DATABASE_STATEMENT_TIMEOUT,
):
    """DATABASES["default"] for a dj-database-url address, with the timeouts above."""
    config = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.postgresql":
        options.setdefault("connect_timeout", connect_timeout)
        options.setdefault(
            "options", f"-c statement_timeout={statement_timeout * 1000}"
        )
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        # How long a write waits for another's lock before it fails.
        options.setdefault("timeout", statement_timeout or 5)
    return config


DATABASES = {
    "default": database(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Seconds Redis may take to connect or answer before the cache is skipped for that call.
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))


def redis_cache(url, timeout=REDIS_TIMEOUT):
    """A django-redis cache that treats Redis as optional: errors are logged, then ignored."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # Every page, feed and the API read the cache (Wagtail's site lookup,
            # renditions): an outage must fall back to the database, not give a 500.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            # After a failure, skip Redis for a few seconds rather than time out per call.
            "CONNECTION_POOL_KWARGS": {"connection_class": connection_class(url)},
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "healthinfo.cache"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads that must never be public (WordPress exports waiting for their import).
PRIVATE_UPLOADS_ROOT = Path(
    os.environ.get("PRIVATE_UPLOADS_ROOT", BASE_DIR / ".private-uploads")
)
WORDPRESS_IMPORT_MAX_BYTES = (
    int(os.environ.get("WORDPRESS_IMPORT_MAX_MB", "200")) * 1024 * 1024
)
WORDPRESS_IMPORT_KEEP_DAYS = int(os.environ.get("WORDPRESS_IMPORT_KEEP_DAYS", "7"))
WORDPRESS_IMPORT_MEDIA_DIR = os.environ.get("WORDPRESS_IMPORT_MEDIA_DIR") or None
# Headings that name an article section, added to the defaults in
# articles/wordpress/sections.py (a heading matches a phrase when it begins with its
# words), e.g. {"safety": ["cautions"], "bottom_line": ["in short"]}.
WORDPRESS_SECTION_HEADINGS = {}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security: secure unless an environment loosens it.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Load balancers probe over plain HTTP; a redirect would read as a failure.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Only a proxy that sets X-Forwarded-Proto itself (and drops the reader's own) may be
# believed; without one, any client could claim HTTPS and get secure-only behaviour.
TRUST_X_FORWARDED_PROTO = (
    os.environ.get("TRUST_X_FORWARDED_PROTO", "false").lower() == "true"
)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if TRUST_X_FORWARDED_PROTO else None
)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# A form refused for its CSRF token gets the site's own page, with what to do next.
CSRF_FAILURE_VIEW = "home.errors.csrf_failure"

# Browser features the site never uses are switched off for it and anything it embeds.
# The clipboard stays: the Wagtail admin's copy buttons write to it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Reader pages carry no inline script or style. The staff-only admins are left
# out: Wagtail's and Django's admin still rely on inline styles and scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Comments: django-comments-xtd, threaded three levels deep (levels 0, 1 and 2).
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = True
COMMENTS_XTD_FORM_CLASS = "articles.comments.forms.ArticleCommentForm"
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "all",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
# Emails go out in the request; a thread per email hides failures and races tests.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENT_MAX_LENGTH = 3000
COMMENTS_XTD_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "editors@example.org")
COMMENTS_XTD_CONTACT_EMAIL = COMMENTS_XTD_FROM_EMAIL
RATELIMIT_USE_CACHE = "default"
# With Redis down the rate limits cannot count. Fail open: comments and problem reports
# still pass the form hash, honeypot, email confirmation and the moderation holds, while
# failing closed would refuse every reader's post (and every page password) for the
# length of the outage. Staff sign-in lockout counts in the database and still holds.
RATELIMIT_FAIL_OPEN = True
# Comment posts allowed per IP address (django-ratelimit's rate syntax).
COMMENTS_RATE_LIMIT = "5/m"
# Behind a proxy, the request header holding the reader's address, e.g. HTTP_X_REAL_IP
# (README, "Behind a proxy"); empty: the socket's address. The env name is kept from
# when django-ratelimit read the header itself, and failed on a missing or bad one.
CLIENT_IP_HEADER = os.environ.get("RATELIMIT_IP_META_KEY", "")
RATELIMIT_IP_META_KEY = "home.client_ip.client_ip"
# The public host name comment emails and permalinks use (django.contrib.sites'
# domain, written by `manage.py migrate`), e.g. "health.example.org".
SITE_DOMAIN = os.environ.get("SITE_DOMAIN", "")

WAGTAIL_SITE_NAME = "Clear Health"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff addresses are never sent to a third party: no Gravatar, an admin that works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Finishing the Medical review workflow records the review, then publishes.
WAGTAIL_FINISH_WORKFLOW_ACTION = "articles.review_finish.finish_workflow"

# Background work: Wagtail's own tasks run at once (the default); readers' emails go
# through a database queue that `manage.py db_worker --queue-name mail` works through.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["mail"],
    },
    # WordPress imports from the admin: a worker of their own, so a long import never
    # holds up readers' emails.
    "imports": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["imports"],
    },
}
# /healthz calls the mail queue degraded once mail has waited this long for a worker.
MAIL_QUEUE_STALLED_AFTER = timedelta(minutes=10)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
# Seconds an SMTP connection or reply may take before the send fails (and is retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "editors@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where readers' problem reports go.
EDITORIAL_EMAIL = os.environ.get("EDITORIAL_EMAIL", DEFAULT_FROM_EMAIL)

# One line per event, key=value, so a log search finds every failure of a kind
# (event=cache_unavailable, event=database_unavailable, event=mail_queue_stalled).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "keyvalue": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"
        },
    },
    "filters": {
        "without_skipped_cache_calls": {"()": "home.cache.WithoutSkippedCalls"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "keyvalue"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "healthinfo": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "healthinfo.cache": {"filters": ["without_skipped_cache_calls"]},
    },
}

# Days a comment's email confirmation link works; after that the reader posts again.
COMMENTS_CONFIRMATION_DAYS = int(os.environ.get("COMMENTS_CONFIRMATION_DAYS", "7"))

# Signing in: lockout after failed passwords (django-axes) and two-factor sign-in
# (django-otp). See home/accounts/ and the README's "Signing in" section.
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The database, not the cache, counts failures: a Redis outage must not lift the lockout.
AXES_HANDLER = "home.accounts.lockout.LockoutHandler"
# Order matters to LockoutHandler: username first, then address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Failures within AXES_COOLOFF_TIME that lock out a username, and an address
# (higher: several staff may share one office address).
AXES_FAILURE_LIMIT = int(os.environ.get("LOCKOUT_USERNAME_FAILURES", "5"))
LOCKOUT_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOCKOUT_ADDRESS_FAILURES", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOCKOUT_MINUTES", "15")))
# A success does not wipe the count: it would also wipe the failures against other
# usernames from the same address, a way round the lock for anyone with an account.
AXES_RESET_ON_SUCCESS = False
# Tries while locked are refused without restarting the clock, so the page can say
# how many minutes are left and mean it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "home.accounts.lockout.locked_out"
# The same client address as the rate limits: the proxy's header when
# RATELIMIT_IP_META_KEY names one, else REMOTE_ADDR.
AXES_CLIENT_IP_CALLABLE = "home.client_ip.client_ip"
# Wrong page passwords allowed per address and page (django-ratelimit's syntax).
PROTECTED_PAGE_RATE_LIMIT = "10/15m"
# Staff must set up two-factor sign-in before using the admin; off by default.
REQUIRE_STAFF_2FA = os.environ.get("REQUIRE_STAFF_2FA", "false").lower() == "true"
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", WAGTAIL_SITE_NAME)

# Full-page cache for anonymous readers (home/page_cache.py): seconds a page is kept,
# 0 turns it off. Kept well under the comment form's two-hour timestamp window.
# Off without Redis: each server process would keep its own copy, which another
# process's changes could not purge.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0")
)
# Parts of pages every reader sees (home/fragment_cache.py), for requests
# the page cache cannot answer whole (signed in, first read after a change); 0 is off.
FRAGMENT_CACHE_SECONDS = int(
    os.environ.get("FRAGMENT_CACHE_SECONDS", "300" if REDIS_URL else "0")
)

# Running past one machine: object storage for media, a search cluster, read
# replicas and a front cache, each switched on by the environment (settings/services.py).
from . import services  # noqa: E402

services.configure(globals())
