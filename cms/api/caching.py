"""HTTP caching for API responses, and a server-side cache of whole responses.

Every 200 answer carries Cache-Control, an ETag (a hash of the JSON body, so it
changes exactly when what a frontend sees changes) and answers a matching
If-None-Match with 304.

Whole responses are also kept in Django's cache, keyed by the full URL and the
*content version*: any change a response could show replaces the version once its
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

VERSION_KEY = "cms-api:content-version"
# Headers worth replaying from a cached response; Cache-Control and ETag are set afresh.
REPLAYED_HEADERS = ("Content-Type", "Allow")


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


def cache_key(request) -> str:
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"cms-api:response:v2:{content_version()}:{request.method == 'HEAD'}:{url}"


def finish(request, response, etag: str, language: str | None):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    answer = get_conditional_response(request, etag=etag, response=response)
    # Content-Language for cms.api.http, on a 304 as on the 200 it stands for.
    return set_content_language(answer, language)


def with_http_caching(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        seconds = response_cache_seconds()
        key = cache_key(request) if seconds > 0 else None
        stored = cache.get(key) if key else None
        if stored is not None:
            body, etag, headers, language = stored
            response = HttpResponse(body)
            for name, value in headers:
                response[name] = value
            return finish(request, response, etag, language)

        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code != 200:
            patch_cache_control(response, no_cache=True)
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        language = getattr(response, "content_language", None)
        if key:
            headers = [(name, response[name]) for name in REPLAYED_HEADERS if response.has_header(name)]
            cache.set(key, (response.content, etag, headers, language), seconds)
        return finish(request, response, etag, language)

    return wrapped
