"""Test settings: fast and honest. DATABASE_URL picks SQLite (default) or PostgreSQL."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the apps on demand: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# One LocMemCache outlives each test's rolled-back data, so cached API responses would
# leak between tests; tests of the response cache turn it on with the settings fixture.
API_RESPONSE_CACHE_SECONDS = 0
# Tests change content in transactions that never commit, so the forgetting that follows a
# commit never runs: tests of stored page JSON turn it on and run the commit's work.
API_STORED_PAGES = False
