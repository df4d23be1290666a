"""HTTP caching for API responses, and a server-side cache of whole responses.

Every 200 answer carries Cache-Control, an ETag (a hash of the JSON body, so it
changes exactly when what a frontend sees changes) and answers a matching
If-None-Match with 304.

Whole responses are also kept in Django's cache (``ResponseCacheMiddleware``, which
answers a repeat before any view work), keyed by the full URL and the *content
version*: any change a response could show replaces the version once its
transaction commits (``publishing.invalidation`` decides what counts), so every
cached response is dropped at once instead of guessing which URLs a change touches.
Entries also expire after ``API_RESPONSE_CACHE_SECONDS`` (default: the HTTP max-age),
which bounds staleness when the cache is per process (LocMemCache) and the change
happened in another process; with a shared cache (Redis, database) the version
change reaches every worker immediately. ``API_RESPONSE_CACHE_SECONDS = 0`` turns
the server-side cache off.
"""

import functools
import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from cms.api.http import set_content_language
from ops.cache import cache_recovered

VERSION_KEY = "cms-api:content-version"
API_PREFIX = "/api/"


def response_cache_seconds() -> int:
    return getattr(settings, "API_RESPONSE_CACHE_SECONDS", settings.API_CACHE_MAX_AGE)


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or "none"
    return version


def new_content_version():
    """Forget every cached response."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def forget_after_outage(sender, **kwargs):
    """Changes made while the cache was down could not replace the version: replace it now."""
    new_content_version()


cache_recovered.connect(forget_after_outage, dispatch_uid="cms-api.forget_after_outage")


def cache_available() -> bool:
    """False while the shared cache is down and responses are served from the database."""
    return getattr(cache, "available", True)


def cache_key(request) -> str:
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"cms-api:response:v2:{content_version()}:{request.method == 'HEAD'}:{url}"


def finish(request, response, etag: str):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    answer = get_conditional_response(request, etag=etag, response=response)
    # Content-Language for cms.api.http, on a 304 as on the 200 it stands for.
    return set_content_language(answer, getattr(response, "content_language", None))


def with_http_caching(view):
    """Cache-Control, an ETag of the body, 304 on a matching If-None-Match; errors say no-cache.

    A 200 is marked with its ETag (``response.api_etag``) for ``ResponseCacheMiddleware``,
    which keeps it; views of the API only, so no other response is ever stored.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code != 200:
            patch_cache_control(response, no_cache=True)
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response.api_etag = etag
        if not cache_available():
            response["X-API-Cache"] = "unavailable"  # answered from the database; see ops/cache.py
        return finish(request, response, etag)

    return wrapped


class ResponseCacheMiddleware:
    """Answers a repeated API request from the cache before URL routing, views or serializers.

    It sits right after CorsMiddleware: a hit skips every middleware below it (sessions,
    locale, CSRF, authentication...) and the whole view, and costs two cache reads and no
    query; CORS, security and WhiteNoise headers are still added on the way out. What is
    stored is the 200 as the inner middleware finished it (its ETag computed once, its
    headers replayed as they were), under the key of the content version read *before* the
    view ran, so an answer computed during a publish is filed under the version that goes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = response_cache_seconds()
        if seconds <= 0 or request.method not in ("GET", "HEAD") or not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        request.get_host()  # a Host outside ALLOWED_HOSTS stays a 400, as without the cache
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            body, etag, headers, language = stored
            answer = get_conditional_response(
                request, etag=etag, response=HttpResponse(body, headers=headers)
            )
            return set_content_language(answer, language)
        response = self.get_response(request)
        etag = getattr(response, "api_etag", None)
        if etag and response.status_code == 200 and not response.cookies:
            language = getattr(response, "content_language", None)
            cache.set(key, (response.content, etag, list(response.items()), language), seconds)
        return response
