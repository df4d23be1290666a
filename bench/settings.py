"""Settings of the benchmark's servers and generator: production-like, on their own database.

``BENCH_SERVER`` picks what the server serves: ``ours`` (the project's URLs, /api/v2/),
``stock`` (Wagtail's own API viewsets at /stock-api/v2/) or ``floor`` (our captured
responses from memory, answered where our response cache answers: bench/floor.py). All
three run the same middleware (the floor in the response cache's place), database and
cache settings.
"""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import MIDDLEWARE, configure_database, env

SERVER = os.environ.get("BENCH_SERVER", "ours")
ROOT_URLCONF = "bench.urls_stock" if SERVER == "stock" else "cms.urls"

DEBUG = False
SECRET_KEY = "bench-only-key"  # noqa: S105 - a local benchmark, never deployed
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
bench_database = env.db("BENCH_DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cms_bench")
DATABASES = {"default": configure_database(bench_database)}  # as the project's: prepared statements on
DATABASES["default"]["CONN_MAX_AGE"] = 600
MEDIA_ROOT = env.str("BENCH_MEDIA_ROOT", default=str(BASE_DIR / "bench" / "media"))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One cache per worker process, as the project's settings give by default.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env.bool("BENCH_NO_RESPONSE_CACHE", default=False):
    API_RESPONSE_CACHE_SECONDS = 0
# While generating, Wagtail's per-save background tasks (reference index, search index) are
# discarded: the generator indexes its pages for search in bulk itself.
if env.bool("BENCH_GENERATING", default=False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# The response carries the number of SQL queries it cost; same header on all three servers.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
if SERVER == "floor":
    MIDDLEWARE = [
        "bench.floor.StoredResponsesMiddleware" if name == "cms.api.caching.ResponseCacheMiddleware" else name
        for name in MIDDLEWARE
    ]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
