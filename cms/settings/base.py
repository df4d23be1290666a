"""Settings shared by every environment.

All configuration that comes from the environment is declared once, in ``env``
below, with its type and (where it is safe) its default. The environment-specific
modules (dev, test, production) only override what differs.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
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
    DATABASE_PREPARED_STATEMENTS=(bool, True),
    CACHE_URL=(str, f"filecache://{BASE_DIR / '.cache'}"),
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
    API_STORED_PAGES=(bool, True),
    # Languages and translation
    CONTENT_LANGUAGES=(list, ["en", "fr", "nl"]),
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
    # Hardening
    CONTENT_SECURITY_POLICY=(str, ""),
    LOGIN_FAILURE_LIMIT=(int, 5),
    LOGIN_COOLOFF_MINUTES=(int, 15),
    API_THROTTLE_RATE=(str, ""),
    IMAGE_MAX_PIXELS=(int, 40_000_000),
    # Operations (ops)
    HEALTH_MAX_TASK_WAIT=(int, 300),
    TASKS_ABANDONED_AFTER=(int, 600),
    # Media on object storage (S3 or compatible); local disk (MEDIA_ROOT) when no bucket is set
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_PRIVATE_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    # Webhooks to the frontend (publishing/webhooks.py)
    FRONTEND_WEBHOOK_URLS=(list, []),
    FRONTEND_WEBHOOK_SECRET=(str, ""),
)

DEBUG = False
ALLOWED_HOSTS: list[str] = []
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "translation",
    "publishing",
    "sitesearch",
    "demo",
    "wagtail_headless_preview",
    "axes",
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
    # Before django_tasks_db: its db_worker command is replaced by one that re-runs the
    # tasks of a dead worker (ops/management/commands/db_worker.py).
    "ops",
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
    # Repeated API requests answered from the response cache with the headers every
    # middleware below gave the first answer (CORS, security, Vary), before any of them runs.
    "cms.api.caching.ResponseCacheMiddleware",
    # First after the cache, so it has the last word on /api/ responses' Vary and Content-Language.
    "cms.api.http.APIHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.headers.ContentSecurityPolicyMiddleware",
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
    # An interrupted admin request leaves nothing half-written (ops/atomic_admin.py).
    "ops.atomic_admin.AtomicAdminMiddleware",
    # French and Dutch translators stay in their language (translation/middleware.py).
    "translation.middleware.TranslatorLocaleMiddleware",
    # Glossary terms beside each segment of wagtail-localize's translation editor.
    "translation.glossary_hints.GlossaryHintsMiddleware",
    # Refuses logins after too many failures (security/login_throttling.py); last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
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
DATABASES = {
    "default": configure_database(
        env.db("DATABASE_URL"), prepared_statements=env("DATABASE_PREPARED_STATEMENTS")
    )
}
# One cache shared by every process, so a change made anywhere (a gunicorn worker, the task
# worker, a management command) drops the API's cached responses everywhere at once
# (cms/api/caching.py). Development defaults to files under .cache/, which runserver and
# management commands share; production requires CACHE_URL (production.py), e.g. Redis.
# Django's Redis backend is replaced by one that answers without the cache while Redis
# is down instead of failing (ops/cache.py).
CACHES = {"default": env.cache_url("CACHE_URL")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "ops.cache.FailSafeRedisCache"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: CONTENT_LANGUAGES (comma separated; the first is the source language,
# the others are translations made with wagtail-localize). A new one is set up with
# `manage.py add_language <code>`. The admin is offered in the same languages; where
# this project has no catalogue for one, its own strings fall back to English.
CONTENT_LANGUAGES = env("CONTENT_LANGUAGES")
LANGUAGE_CODE = CONTENT_LANGUAGES[0]
LANGUAGES = [(code, _(LANG_INFO.get(code, {}).get("name", code))) for code in CONTENT_LANGUAGES]
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
# Keep each page's rendered detail JSON in the database between changes (cms/api/stored_pages.py).
API_STORED_PAGES = env("API_STORED_PAGES")
# Widths offered for responsive images (srcset); each is a signed dynamic URL,
# so no rendition is generated while a JSON response is built.
API_IMAGE_RENDITION_WIDTHS = [400, 800, 1200, 1600]
# Pages per response of sitemap/: the sitemap protocol's limit of URLs per file.
API_SITEMAP_PAGE_SIZE = 50_000
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
        "CLASS": "translation.machine_translation.GlossaryDeepLTranslator",
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


# Hardening (issue 11): security headers, login and API throttling, image limits.
# Content-Security-Policy (security/headers.py): a strict one on the API's JSON, and
# one the Wagtail admin works under everywhere else. The admin's preview panel frames the
# frontend, so its origins (FRONTEND_BASE_URL, PREVIEW_CLIENT_URLS) are allowed as frames.
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
_FRAME_ORIGINS = sorted(
    {"/".join(url.split("/")[:3]) for url in [FRONTEND_BASE_URL, *PREVIEW_CLIENT_URLS.values()]}
)
CONTENT_SECURITY_POLICY = env("CONTENT_SECURITY_POLICY") or (
    "; ".join(
        [
            "default-src 'self'",
            # Some editor widgets (inline panels, date pickers) and wagtail-localize use inline scripts.
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            "font-src 'self' data:",
            # The dashboard's check for a newer Wagtail release.
            "connect-src 'self' https://releases.wagtail.io",
            f"frame-src 'self' {' '.join(_FRAME_ORIGINS)}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )
)

# Admin login throttling (security/login_throttling.py, django-axes): after LOGIN_FAILURE_LIMIT
# failures for one account or from one address, logins are refused for LOGIN_COOLOFF_MINUTES.
# Behind a reverse proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER so the client's address is used.
AUTHENTICATION_BACKENDS = [
    "security.login_throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=env("LOGIN_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "security.login_throttling.lockout_response"
AXES_RESET_ON_SUCCESS = True

# API rate limit per client address on the default (shared) cache, e.g. "120/minute";
# empty (the default) turns it off (cms/api/throttling.py).
API_THROTTLE_RATE = env("API_THROTTLE_RATE")

# Images: uploads above IMAGE_MAX_PIXELS (width × height × frames) are refused. Decoding is
# what costs memory (about 4 bytes a pixel), so this bounds what one rendition can take;
# Wagtail's default (128 million) let an 11,000 × 11,000 upload stall the workers.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env("IMAGE_MAX_PIXELS")

# Operations (ops): health checks, background tasks that survive their worker.

# /health/ answers 503 when the oldest task waiting for the worker has waited longer.
HEALTH_MAX_TASK_WAIT = env("HEALTH_MAX_TASK_WAIT")
# A task still marked running this many seconds after it started belonged to a worker
# that died (SIGKILL, a lost machine): the next worker runs it again. Every task is
# short (translation/subtree.py splits long jobs), so this is far above any real run.
TASKS_ABANDONED_AFTER = env("TASKS_ABANDONED_AFTER")


# Media on object storage when a bucket is named (django-storages' S3 backend; credentials
# come from the environment or the machine's role, as boto3 reads them), so every instance
# serves the same files, with plain URLs (a public bucket, or AWS_S3_CUSTOM_DOMAIN for a CDN).
# With AWS_PRIVATE_STORAGE_BUCKET_NAME too, the files of images and documents in a collection
# under a view restriction live in that private bucket instead (ops/media_storage.py), reached
# only through the CMS's access-checked views, which hand out presigned URLs valid for
# PRIVATE_MEDIA_URL_SECONDS.
PRIVATE_MEDIA_URL_SECONDS = 300


def s3_storage(bucket: str, *, signed: bool) -> dict:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": None if signed else env("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": signed,
            "querystring_expire": PRIVATE_MEDIA_URL_SECONDS,
            "file_overwrite": False,
            "default_acl": None,
        },
    }


def split_s3_storage(public_bucket: str, private_bucket: str) -> dict:
    return {
        "BACKEND": "ops.media_storage.PublicPrivateStorage",
        "OPTIONS": {
            **s3_storage(public_bucket, signed=False)["OPTIONS"],
            "private": s3_storage(private_bucket, signed=True)["OPTIONS"],
        },
    }


if env("AWS_STORAGE_BUCKET_NAME") and env("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = split_s3_storage(
        env("AWS_STORAGE_BUCKET_NAME"), env("AWS_PRIVATE_STORAGE_BUCKET_NAME")
    )
elif env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = s3_storage(env("AWS_STORAGE_BUCKET_NAME"), signed=False)
# Webhooks (publishing/webhooks.py): after each transaction that changed visible content,
# a signed POST listing the frontend paths that changed, to each of these URLs.
FRONTEND_WEBHOOK_URLS = env("FRONTEND_WEBHOOK_URLS")
FRONTEND_WEBHOOK_SECRET = env("FRONTEND_WEBHOOK_SECRET")
