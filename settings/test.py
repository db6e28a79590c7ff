"""Test runs: fast hashing, plain static files, no HTTPS redirect, quiet logs."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page and fragment caches' own tests switch them on; elsewhere a test reads what
# it just wrote, and query counts do not depend on REDIS_URL being set for the run.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Tests run without collectstatic: find static files as they are asked for.
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_UPLOADS_ROOT = BASE_DIR / ".test-private-uploads"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"], "level": "CRITICAL"},
}
# Readers' emails are sent at once in tests; outage tests switch "mail" to the queue.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["mail"],
    },
    "imports": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["imports"],
    },
}
# Django's test Client.login() authenticates without a request, which axes refuses.
AUTHENTICATION_BACKENDS = [
    "home.accounts.lockout.RequestlessTestBackend",
    "django.contrib.auth.backends.ModelBackend",
]
