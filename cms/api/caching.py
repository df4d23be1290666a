"""HTTP caching for API responses, and a server-side cache of whole responses.

Every 200 answer carries Cache-Control, an ETag (a hash of the JSON body, so it
changes exactly when what a frontend sees changes) and answers a matching
If-None-Match with 304.

Whole responses are also kept in Django's cache by ``ResponseCacheMiddleware``, the
outermost middleware: a repeat is answered with the stored bytes and final headers
before any other middleware, routing, view or serializer runs.

Each stored response names the *tags* it depends on, each tag with the version it had
when the response was computed; a hit is served only while every one is unchanged.
``publishing.invalidation`` replaces the versions of the tags a committed change touches
(``bump``), so a publish drops only the responses that can show it:

- ``all``: every response; replaced by changes that are not a page's (snippets, images,
  redirects, sites, locales), by deletes, and after a cache outage;
- ``page:<id>``: the detail and find-by-path responses of one page;
- ``own:<code>``: responses listing pages of one language that show only the pages' own
  fields (listings with summary fields, search, navigation); ``own:*`` for listings not
  limited to one language;
- ``any:<code>``: responses listing pages of one language with fields that show *other*
  pages (translations, breadcrumb, related articles, rich text links...); ``any:*``
  likewise, and the endpoints that mix every language (locales, sitemap, change feed).

Entries also expire after ``API_RESPONSE_CACHE_SECONDS`` (default: the HTTP max-age);
``0`` turns the server-side cache off. With a shared cache (Redis) a bump reaches every
worker at once; with LocMemCache (one per process) the expiry bounds staleness.
"""

import functools
import hashlib
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_etags

from cms.api.http import set_content_language
from ops.cache import cache_recovered

API_PREFIX = "/api/"
TAG_PREFIX = "cms-api:tag:"
#: Replaced by every invalidation before its tags, and again after them. Before: a response
#: whose computation spans a change is not stored (it may show the old content under the
#: new tag versions). After: see ``StoredResponse.is_current``.
EPOCH_KEY = "cms-api:epoch"
ALL = "all"
ANY_LANGUAGE = "*"

# Listing fields that show nothing but the listed page itself (and snippets or images,
# whose changes replace ``all``): a listing of these depends on its own language only.
OWN_FIELDS = frozenset(
    [
        "id", "type", "locale", "content_locale", "is_fallback", "title", "path", "url", "seo_title",
        "search_description", "first_published_at", "last_published_at", "article_type",
        "publication_date", "dateline", "lead", "lead_image", "topics", "media_contacts",
    ]
)  # fmt: skip
# Endpoints whose answers list pages of one language (``?locale=``) or of every one.
PAGE_LISTINGS = frozenset(["pages", "search", "navigation"])
# Endpoints that show no page: only ``all`` applies.
PAGELESS = frozenset(["images", "topics", "media-contacts"])
# The headers a 304 keeps from the 200 it stands for (RFC 9110, 15.4.5), plus CORS and
# security headers, which the middleware in front would have added to it.
NOT_MODIFIED_DROPS = frozenset(["content-type", "content-length"])


def response_cache_seconds() -> int:
    return getattr(settings, "API_RESPONSE_CACHE_SECONDS", settings.API_CACHE_MAX_AGE)


def tag_versions(tags) -> dict[str, str]:
    """The current version of each tag; a tag never seen (or evicted) gets a new one."""
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key) or "none"
    return found


def epoch() -> str:
    return tag_versions([EPOCH_KEY])[TAG_PREFIX + EPOCH_KEY]


def bump(tags):
    """Replace the versions of these tags: every response depending on one of them is dropped."""
    replace_epoch()  # first and last: see ``EPOCH_KEY``
    cache.set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, None)
    replace_epoch()


def replace_epoch():
    cache.set(TAG_PREFIX + EPOCH_KEY, uuid.uuid4().hex, None)


def forget_everything():
    """Drop every cached response and stored page JSON (after a restore)."""
    from cms.api import stored_pages

    stored_pages.forget([ALL])
    bump([ALL])


def forget_after_outage(sender, **kwargs):
    """Changes made while the cache was down could not replace tag versions: drop every response now.

    (Stored page JSON lives in the database: its forgetting did not depend on the cache.)
    """
    bump([ALL])


cache_recovered.connect(forget_after_outage, dispatch_uid="cms-api.forget_after_outage")


def cache_available() -> bool:
    """False while the shared cache is down and responses are served from the database."""
    return getattr(cache, "available", True)


def listing_kind(fields_parameter: str | None) -> str:
    """``own`` when every requested field shows only the listed page, ``any`` otherwise."""
    if not fields_parameter:
        return "own"
    for name in fields_parameter.split(","):
        name = name.strip().lstrip("-").split("(")[0]
        if name not in OWN_FIELDS and name != "_":
            return "any"
    return "own"


def language_of(request) -> str:
    """The listing's ``?locale=`` as invalidation spells it; any other spelling counts as every language."""
    code = request.GET.get("locale")
    return code if code in dict(settings.WAGTAIL_CONTENT_LANGUAGES) else ANY_LANGUAGE


def request_tags(request) -> list[str]:
    """The tags an API response depends on, as far as its URL tells (see the module docstring)."""
    parts = request.path[len(API_PREFIX) :].split("/")  # "v2", endpoint, [id or "find"], ""
    endpoint = parts[1] if len(parts) > 1 else ""
    if endpoint in PAGELESS:
        return [ALL]
    if endpoint == "pages" and len(parts) > 3 and parts[2]:
        # A page by id or path: its own tag, added once the view has answered (``response_tags``).
        return [ALL]
    if endpoint in PAGE_LISTINGS:
        kind = "own" if endpoint == "navigation" else listing_kind(request.GET.get("fields"))
        return [ALL, f"{kind}:{language_of(request)}"]
    return [ALL, f"any:{ANY_LANGUAGE}"]


def response_tags(request, response) -> list[str]:
    """The tags of a computed response: its URL's, and the page it shows for a detail or find."""
    tags = request_tags(request)
    parts = request.path[len(API_PREFIX) :].split("/")
    if len(parts) > 3 and parts[1] == "pages" and parts[2]:
        page_id = getattr(response, "api_page_id", None)  # set by the pages viewset's page answers
        # A find answered with a redirect shows another page's path: any language's change.
        tags.append(f"page:{page_id}" if isinstance(page_id, int) else f"any:{ANY_LANGUAGE}")
    return tags


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


class StoredResponse:
    """A 200 as the whole middleware stack finished it, and the tag versions it was computed at.

    ``checked_at_epoch``: an epoch at which those versions were known to be current.
    """

    __slots__ = (
        "body", "checked_at_epoch", "etag", "expires_at", "header_store", "not_modified_store", "versions",
    )  # fmt: skip

    def __init__(self, response, versions: dict[str, str], seconds: int, computed_at_epoch: str):
        self.body = response.content
        self.etag = response.api_etag
        self.expires_at = time.time() + seconds  # wall clock: the same in every process
        # ResponseHeaders' own mapping ({lowercase name: (name, value)}), checked and encoded
        # once here: a replay copies it instead of setting a dozen headers one by one.
        self.header_store = dict(response.headers._store)
        self.not_modified_store = {
            lower: item for lower, item in self.header_store.items() if lower not in NOT_MODIFIED_DROPS
        }
        self.versions = versions
        self.checked_at_epoch = computed_at_epoch

    def is_current(self) -> bool:
        """Unexpired, and no tag of it replaced.

        While the epoch is the one its tags were last checked at, no invalidation has begun
        since, so one read answers; after any other change, the tags are read again and, when
        unchanged, the epoch read before them is noted. That epoch may be the first of an
        invalidation whose tags are not written yet: ``bump`` replaces the epoch once more
        after the tags, so such a note never outlives the invalidation.
        """
        if time.time() >= self.expires_at:
            return False
        now = cache.get(TAG_PREFIX + EPOCH_KEY)
        if now is not None and now == self.checked_at_epoch:
            return True
        if cache.get_many(list(self.versions)) != self.versions:
            return False
        if now is not None:  # an evicted epoch is no epoch to note: the next one may be evicted too
            self.checked_at_epoch = now
        return True

    def matches(self, etags) -> bool:
        """If-None-Match's weak comparison, as Django's own conditional responses do it."""
        return "*" in etags or any(etag.removeprefix("W/") == self.etag for etag in etags)

    def replay(self, request):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and self.matches(parse_etags(if_none_match)):
            response, store = HttpResponseNotModified(), self.not_modified_store
        else:
            response, store = HttpResponse(self.body), self.header_store
        response.headers._store = store.copy()
        return response


class RecentResponses:
    """The stored responses this process served last, unpickled once (``LOCAL_ENTRIES`` at most).

    Only a shortcut past the shared cache's read and unpickling of a body: every hit still
    checks the entry's tag versions in the shared cache, so a change another process
    committed is seen at once.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: dict[str, StoredResponse] = {}
        self.lock = threading.Lock()  # gunicorn threads store at the same time

    def get(self, key: str) -> StoredResponse | None:
        stored = self.entries.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                self.put(key, stored)
        return stored

    def put(self, key: str, stored: StoredResponse):
        with self.lock:
            if len(self.entries) >= self.size:
                self.entries.pop(next(iter(self.entries)), None)  # the oldest
            self.entries[key] = stored


LOCAL_ENTRIES = 1000
recent = RecentResponses(LOCAL_ENTRIES)


class ResponseCacheMiddleware:
    """Answers a repeated API request from the cache before any other middleware or view.

    It is the outermost middleware: a hit costs one read of the shared cache (the epoch,
    and the entry's tag versions in one ``get_many`` when a change was made since they were
    last checked; the entry itself is kept in the process once read, ``recent``), no
    query, and no other middleware. So what is stored is
    the response as every other middleware left it: Vary, Content-Language, CORS and
    security headers included. The key holds what those depend on: the scheme (HSTS),
    the method (HEAD has no body), the Origin (CORS) and the Host with the hosts allowed
    (so a hit needs no host check of its own); an Origin the settings do not
    allow by name is not cached at all, so no visitor can fill the cache with variants.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = response_cache_seconds()
        key = self.key(request) if seconds > 0 else None
        if key is None:
            return self.get_response(request)
        stored = recent.get(key)
        if stored is not None and stored.is_current():
            return stored.replay(request)
        request.get_host()  # a Host outside ALLOWED_HOSTS stays a 400, as without the cache
        epoch_before = epoch()
        response = self.get_response(request)
        if getattr(response, "api_etag", None) and response.status_code == 200 and not response.cookies:
            versions = tag_versions(response_tags(request, response))
            if epoch() == epoch_before:  # no change committed while the view read the database
                stored = StoredResponse(response, versions, seconds, epoch_before)
                cache.set(key, stored, seconds)
                recent.put(key, stored)
        return response

    @staticmethod
    def key(request) -> str | None:
        if request.method not in ("GET", "HEAD") or not request.path.startswith(API_PREFIX):
            return None
        origin = request.META.get("HTTP_ORIGIN", "")
        if origin and origin not in settings.CORS_ALLOWED_ORIGINS:
            return None
        meta = request.META
        # The host as get_host() reads it, with the hosts allowed: only a request whose host
        # get_host() accepted stores an entry, so a hit needs no check of its own (a quarter
        # of a hit's own work). The path and query string as they came, not get_full_path()'s
        # re-quoting: the same URL spelled two ways is two entries.
        host = (
            meta.get("HTTP_X_FORWARDED_HOST", ""), meta.get("HTTP_HOST", ""),
            meta.get("SERVER_NAME", ""), meta.get("SERVER_PORT", ""), settings.ALLOWED_HOSTS,
        )  # fmt: skip
        url = f"{request.path}?{meta.get('QUERY_STRING', '')}"
        digest = hashlib.sha256(f"{host}{url}".encode()).hexdigest()
        # v5: entries carry the epoch they were checked at; a v4 entry, kept by a shared cache
        # across the deploy, would be unpickled without it.
        return f"cms-api:response:v5:{request.scheme}:{request.method}:{origin}:{digest}"
