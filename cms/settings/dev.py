"""Local development: debug on, a fixed key, any host. Never used in production."""

from .base import *  # noqa: F403
from .base import env

# DEBUG is on unless the environment says DEBUG=false.
DEBUG = env("DEBUG") if "DEBUG" in env.ENVIRON else True
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve uncompressed static files straight from the apps, no collectstatic needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
