"""Production: every secret and host comes from the environment, with no default.

A missing SECRET_KEY or ALLOWED_HOSTS stops start-up with django-environ's
ImproperlyConfigured error naming the variable; so does a missing DATABASE_URL,
because production must never fall back to the embedded SQLite file; so does
FRONTEND_WEBHOOK_URLS without FRONTEND_WEBHOOK_SECRET (unsigned webhooks).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

REQUIRED = {
    "DATABASE_URL": "e.g. postgres://user:pass@host/db",
    "SECRET_KEY": "a long random string",
    "ALLOWED_HOSTS": "comma separated, e.g. cms.example.org",
}
for name, example in REQUIRED.items():
    if not env.ENVIRON.get(name):
        raise ImproperlyConfigured(f"Set the {name} environment variable ({example}).")

# Every process must see the same cache: with a per-process one, a change made by another
# worker, the task worker or publish_scheduled stays hidden behind cached API responses.
SHARED_CACHE_REASON = (
    "a cache shared by every gunicorn worker, the task worker and management commands, "
    "e.g. redis://127.0.0.1:6379/1, so that a change made in one process is not hidden by "
    "another process's cached API responses"
)
if not env.ENVIRON.get("CACHE_URL"):
    raise ImproperlyConfigured(f"Set the CACHE_URL environment variable ({SHARED_CACHE_REASON}).")
if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache", "FileBasedCache")):  # noqa: F405
    raise ImproperlyConfigured(
        f"CACHE_URL names a cache local to one process or machine; production needs {SHARED_CACHE_REASON}."
    )

# A receiver can only tell the CMS's webhooks from anyone else's POSTs by their signature.
if env("FRONTEND_WEBHOOK_URLS") and not env("FRONTEND_WEBHOOK_SECRET"):
    raise ImproperlyConfigured(
        "Set the FRONTEND_WEBHOOK_SECRET environment variable: FRONTEND_WEBHOOK_URLS is set, and "
        "without a secret the webhooks would go out unsigned, so a receiver could not tell them "
        "from anyone else's requests."
    )

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")  # noqa: F405

# Heavy jobs (translating a subtree, syncing a locale) wait in the database for
# `manage.py db_worker`, which runs beside gunicorn.
# ops.tasks.DatabaseBackend is django-tasks-db's queue with one fix (see ops/tasks.py).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND") or "ops.tasks.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
}
