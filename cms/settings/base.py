"""Settings shared by every environment.

All configuration that comes from the environment is declared once, in ``env``
below, with its type and (where it is safe) its default. The environment-specific
modules (dev, test, production) only override what differs.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from cms.settings.database import configure as configure_database

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# The environment schema: every variable any settings module reads, declared once with its
# type and default, and listed in the README's configuration tables (a test checks both).
# Secrets and hosts default to empty here; production.py refuses to start without them.
env = environ.Env(
    # Core
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    CONN_MAX_AGE=(int, 60),
    CACHE_URL=(str, "locmemcache://"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static")),
    LOG_LEVEL=(str, "INFO"),
    WAGTAILADMIN_BASE_URL=(str, "http://localhost:8000"),
    # Production's HTTPS behind a TLS proxy
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    # The API and its caches
    FRONTEND_BASE_URL=(str, "http://localhost:3000"),
    WAGTAILAPI_BASE_URL=(str, ""),
    CORS_ALLOWED_ORIGINS=(list, ["http://localhost:3000"]),
    API_CACHE_MAX_AGE=(int, 60),
    API_RESPONSE_CACHE_SECONDS=(int, None),
    # Translation
    DEEPL_API_KEY=(str, ""),
    TASKS_BACKEND=(str, ""),
    # Preview and the frontend cache
    PREVIEW_CLIENT_URLS=(dict, {}),
    PREVIEW_TOKEN_MAX_AGE=(int, 3600),
    FRONTEND_CACHE_BACKEND=(str, ""),
    FRONTEND_CACHE_LOCATION=(str, ""),
    CLOUDFLARE_BEARER_TOKEN=(str, ""),
    CLOUDFLARE_ZONE_ID=(str, ""),
    CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
)

DEBUG = False
ALLOWED_HOSTS: list[str] = []
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "translation",
    "publishing",
    "demo",
    "wagtail_headless_preview",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
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
    "django_filters",
    "rest_framework",
    "wagtail.api.v2",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An interrupted admin request leaves nothing half-written (cms/atomic_admin.py).
    "cms.atomic_admin.AtomicAdminMiddleware",
    # French and Dutch translators stay in their language (translation/middleware.py).
    "translation.middleware.TranslatorLocaleMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in WAL mode with a busy timeout and immediate transactions (cms/settings/database.py).
DATABASES = {"default": configure_database(env.db("DATABASE_URL"))}
# Per-process memory by default. Production with several workers wants a shared cache
# (CACHE_URL=redis://127.0.0.1:6379/1) so a publish drops cached API responses in
# every worker at once (cms/api/caching.py).
CACHES = {"default": env.cache_url("CACHE_URL")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source; French and Dutch are translations made with
# wagtail-localize. The admin interface is offered in the same three languages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("nl", _("Dutch")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page models exceed Django's default of 1,000 form fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Belgium and Luxembourg country office"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# API. The headless API (cms/api) serves a separate frontend on its own domain.
# Page URLs in API responses are that frontend's, never the CMS's own host: every
# page's path starts with its language code (/en/, /fr/..., /nl/...).
FRONTEND_BASE_URL = env("FRONTEND_BASE_URL").rstrip("/")
# Images and documents are served by the CMS; absolute URLs to them start here.
WAGTAILAPI_BASE_URL = (env("WAGTAILAPI_BASE_URL") or WAGTAILADMIN_BASE_URL).rstrip("/")
WAGTAILAPI_LIMIT_MAX = 100
API_CACHE_MAX_AGE = env("API_CACHE_MAX_AGE")
# How long the CMS keeps whole API responses in its own cache (cms/api/caching.py); 0 turns it off.
API_RESPONSE_CACHE_SECONDS = env("API_RESPONSE_CACHE_SECONDS")
if API_RESPONSE_CACHE_SECONDS is None:
    API_RESPONSE_CACHE_SECONDS = API_CACHE_MAX_AGE
# Widths offered for responsive images (srcset); each is a signed dynamic URL,
# so no rendition is generated while a JSON response is built.
API_IMAGE_RENDITION_WIDTHS = [400, 800, 1200, 1600]
# Only the frontend may read the API from a browser: read-only methods, no cookies.
CORS_ALLOWED_ORIGINS = env("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False


# Translation workflow (translation app): locale-confined translators, machine
# translation, and wagtail-localize's heavy jobs on Wagtail's task framework.

# DeepL when a key is configured; otherwise a development translator whose output is
# labelled "[FR machine]" so it can never pass for a real translation.
DEEPL_API_KEY = env("DEEPL_API_KEY")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
    if DEEPL_API_KEY
    else {"CLASS": "translation.machine_translation.DevelopmentTranslator", "OPTIONS": {}}
)

# Submitting a subtree and synchronising a locale become django-tasks tasks on the
# queue TASKS_BACKEND names. Development runs them at once, in the request, so a lone
# runserver works; production (see production.py) stores them in the database for
# `manage.py db_worker` to run.
WAGTAILLOCALIZE_JOBS = {"BACKEND": "translation.jobs.TaskFrameworkJobBackend"}
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND") or "django_tasks.backends.immediate.ImmediateBackend",
    }
}


# Preview and publishing (publishing): headless preview in the frontend, coordinated
# releases across languages, and the invalidation of the API's caches.

# The admin's Preview opens the frontend's preview route of the page's language, with
# ?content_type=…&token=…; the frontend then reads the draft from /api/v2/preview/.
# Override per language with PREVIEW_CLIENT_URLS="en=https://…,fr=https://…".
PREVIEW_CLIENT_URLS = {code: f"{FRONTEND_BASE_URL}/{code}/preview/" for code, _name in LANGUAGES}
PREVIEW_CLIENT_URLS |= env("PREVIEW_CLIENT_URLS")
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": f"{FRONTEND_BASE_URL}/preview/"}}
# Seconds a preview token stays valid; each click on Preview signs a new one.
PREVIEW_TOKEN_MAX_AGE = env("PREVIEW_TOKEN_MAX_AGE")

# The cache in front of the API (a CDN or Varnish), purged when content changes:
# FRONTEND_CACHE_BACKEND is "" (none), "http" (PURGE requests to FRONTEND_CACHE_LOCATION),
# "cloudflare" (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONE_ID) or "cloudfront"
# (CLOUDFRONT_DISTRIBUTION_ID, AWS credentials from the environment; needs boto3).
# Purged URLs are API URLs on WAGTAILAPI_BASE_URL, the host the cache serves.
FRONTEND_CACHE_BACKEND = env("FRONTEND_CACHE_BACKEND")
FRONTEND_CACHE_BACKENDS = {
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_LOCATION"),
    },
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    },
}
WAGTAILFRONTENDCACHE = (
    {"default": FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE_BACKEND]()} if FRONTEND_CACHE_BACKEND else {}
)
del FRONTEND_CACHE_BACKENDS
# API URLs carry no language prefix to multiply per language.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
