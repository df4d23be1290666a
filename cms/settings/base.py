"""Settings shared by every environment.

All configuration that comes from the environment is declared once, in ``env``
below, with its type and (where it is safe) its default. The environment-specific
modules (dev, test, production) only override what differs.
"""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# Variables with a safe default for every environment. Secrets and hosts are not
# here on purpose: production reads them with no default (see production.py).
env = environ.Env(
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    WAGTAILADMIN_BASE_URL=(str, "http://localhost:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static")),
)

DEBUG = False
ALLOWED_HOSTS: list[str] = []
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "translation",
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

DATABASES = {"default": env.db("DATABASE_URL")}
# Per-process memory by default. Production with several workers wants a shared cache
# (CACHE_URL=redis://127.0.0.1:6379/1) so a publish drops cached API responses in
# every worker at once (cms/api/caching.py).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
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
CONTENT_LANGUAGES = env.list("CONTENT_LANGUAGES", default=["en", "fr", "nl"])
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
FRONTEND_BASE_URL = env.str("FRONTEND_BASE_URL", default="http://localhost:3000").rstrip("/")
# Images and documents are served by the CMS; absolute URLs to them start here.
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL).rstrip("/")
WAGTAILAPI_LIMIT_MAX = 100
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
# How long the CMS keeps whole API responses in its own cache (cms/api/caching.py); 0 turns it off.
API_RESPONSE_CACHE_SECONDS = env.int("API_RESPONSE_CACHE_SECONDS", default=API_CACHE_MAX_AGE)
# Widths offered for responsive images (srcset); each is a signed dynamic URL,
# so no rendition is generated while a JSON response is built.
API_IMAGE_RENDITION_WIDTHS = [400, 800, 1200, 1600]
# Only the frontend may read the API from a browser: read-only methods, no cookies.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["http://localhost:3000"])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False


# Translation workflow (translation app): locale-confined translators, machine
# translation, and wagtail-localize's heavy jobs on Wagtail's task framework.
MIDDLEWARE += ["translation.middleware.TranslatorLocaleMiddleware"]
# Glossary terms beside each segment of wagtail-localize's translation editor.
MIDDLEWARE += ["translation.glossary_hints.GlossaryHintsMiddleware"]

# DeepL when a key is configured; otherwise a development translator whose output is
# labelled "[FR machine]" so it can never pass for a real translation.
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
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
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}


# Preview and publishing (cms.publishing): headless preview in the frontend, the news
# moderation workflow, coordinated releases across languages, and frontend cache purges.
INSTALLED_APPS += ["wagtail_headless_preview", "cms.publishing"]

# The admin's Preview opens the frontend's preview route of the page's language, with
# ?content_type=…&token=…; the frontend then reads the draft from /api/v2/preview/.
# Override per language with PREVIEW_CLIENT_URLS="en=https://…,fr=https://…".
PREVIEW_CLIENT_URLS = {code: f"{FRONTEND_BASE_URL}/{code}/preview/" for code, _name in LANGUAGES}
PREVIEW_CLIENT_URLS |= env.dict("PREVIEW_CLIENT_URLS", default={})
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": f"{FRONTEND_BASE_URL}/preview/"}}
# Seconds a preview token stays valid; each click on Preview signs a new one.
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=3600)

# The cache in front of the API (a CDN or Varnish), purged when content changes:
# FRONTEND_CACHE_BACKEND is "" (none), "http" (PURGE requests to FRONTEND_CACHE_LOCATION),
# "cloudflare" (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONE_ID) or "cloudfront"
# (CLOUDFRONT_DISTRIBUTION_ID, AWS credentials from the environment; needs boto3).
# Purged URLs are API URLs on WAGTAILAPI_BASE_URL, the host the cache serves.
FRONTEND_CACHE_BACKEND = env.str("FRONTEND_CACHE_BACKEND", default="")
FRONTEND_CACHE_BACKENDS = {
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_LOCATION"),
    },
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    },
}
WAGTAILFRONTENDCACHE = (
    {"default": FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE_BACKEND]()} if FRONTEND_CACHE_BACKEND else {}
)
del FRONTEND_CACHE_BACKENDS
# API URLs carry no language prefix to multiply per language.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
