"""The server-side response cache: a repeat costs no query, and no change an editor makes is hidden."""

import os
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api.caching import EPOCH_KEY, TAG_PREFIX
from cms.api.views import APIEndpoint, PagesAPIViewSet
from tests.factories import ImageFactory, NewsArticlePageFactory
from tests.sites import FRENCH, translator
from translation.localization import translate_object

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.API_RESPONSE_CACHE_SECONDS = 60
    # The stored page JSON under it too: every change below must reach both.
    settings.API_STORED_PAGES = True
    cache.clear()
    yield
    cache.clear()


def tag_version(tag, worker_cache=cache):
    return worker_cache.get(TAG_PREFIX + tag)


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_a_repeated_request_is_answered_from_the_cache_with_the_same_body_and_etag(
    site, api, django_assert_num_queries
):
    url = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr&fields=*"
    first = api.get(url)
    with django_assert_num_queries(0):
        again = api.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == "application/json"
    assert "max-age=" in again["Cache-Control"]
    with django_assert_num_queries(0):
        assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_cache_hit_is_answered_before_routing_and_views_with_the_same_headers(
    site, api, django_assert_num_queries
):
    url = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr&fields=*"
    origin = settings.CORS_ALLOWED_ORIGINS[0]
    first = api.get(url, HTTP_ORIGIN=origin)
    view_ran = AssertionError("a cache hit ran view code")
    with (
        mock.patch.object(APIEndpoint, "initial", side_effect=view_ran) as initial,
        mock.patch.object(PagesAPIViewSet, "listing_view", side_effect=view_ran) as listing_view,
        django_assert_num_queries(0),
    ):
        again = api.get(url, HTTP_ORIGIN=origin)
        not_modified = api.get(url, HTTP_ORIGIN=origin, HTTP_IF_NONE_MATCH=first["ETag"])
    initial.assert_not_called()
    listing_view.assert_not_called()
    assert again.wsgi_request.resolver_match is None  # not even URL routing ran
    assert again.status_code == 200 and again.content == first.content
    # ETag, Cache-Control, Content-Language, CORS... as on the miss; only "Vary: Cookie" is
    # gone, which SessionMiddleware adds when DRF's authentication reads the session.
    headers = dict(first.items())
    headers["Vary"] = headers["Vary"].replace(", Cookie", "")
    assert dict(again.items()) == headers
    assert again["Access-Control-Allow-Origin"] == origin
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"] and "max-age=" in not_modified["Cache-Control"]
    assert api.get(url, HTTP_HOST="elsewhere.example").status_code == 400  # ALLOWED_HOSTS still applies


def test_a_stored_answer_is_not_served_to_a_host_no_longer_allowed(site, api, settings):
    url = f"/api/v2/pages/{site['who'].pk}/"
    settings.ALLOWED_HOSTS = ["cms.example"]
    stored = api.get(url, HTTP_HOST="cms.example")
    assert stored.status_code == 200
    assert api.get(url, HTTP_HOST="cms.example").content == stored.content  # a hit
    settings.ALLOWED_HOSTS = ["elsewhere.example"]
    assert api.get(url, HTTP_HOST="cms.example").status_code == 400
    assert api.get(url, HTTP_HOST="elsewhere.example").content == stored.content


def test_a_conditional_first_request_answers_304_and_the_next_one_fills_the_cache(
    site, api, django_assert_num_queries
):
    url = f"/api/v2/pages/{site['who'].pk}/"
    etag = api.get(url)["ETag"]
    cache.clear()
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_publishing_translating_and_unpublishing_show_once_committed(site, api, locales, committed):
    detail = f"/api/v2/pages/{site['who'].pk}/"
    french = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr"
    english = "/api/v2/pages/?type=news.NewsArticlePage&locale=en"
    assert api.get(detail).json()["title"] == "Who we are"
    assert "FR Fresh story" not in titles(api.get(french))
    assert titles(api.get(english)) == ["Story 0"]

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    committed(rename)
    assert api.get(detail).json()["title"] == "Who we really are"

    def publish_and_translate():
        article = NewsArticlePageFactory(parent=site["news"], title="Fresh story")
        article.save_revision().publish()
        translate_object(article, locales["fr"], translator(FRENCH, "FR"))

    committed(publish_and_translate)
    assert "FR Fresh story" in titles(api.get(french))

    committed(site["articles"][0].unpublish)
    assert "Story 0" not in titles(api.get(english))


def test_a_change_is_not_in_effect_before_its_transaction_commits(site, api, committed):
    """A request served during a long publishing transaction must not store old content as new."""
    detail = f"/api/v2/pages/{site['who'].pk}/"
    page_tag = f"page:{site['who'].pk}"
    committed(lambda: api.get(detail))
    version_before = tag_version(page_tag)

    def publish():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()
        # Still inside the publishing transaction, where other connections read the old
        # page: whatever they cache now is under the version that is about to go.
        assert tag_version(page_tag) == version_before

    committed(publish)
    assert tag_version(page_tag) != version_before
    assert api.get(detail).json()["title"] == "Who we really are"
    assert api.get(detail).json()["title"] == "Who we really are"


def test_drafts_leave_cached_responses_alone(site, api, committed, django_assert_num_queries):
    url = f"/api/v2/pages/{site['who'].pk}/"
    committed(lambda: api.get(url))
    epoch = tag_version(EPOCH_KEY)

    def save_draft():
        site["who"].title = "A draft title"
        site["who"].save_revision()

    committed(save_draft)
    assert tag_version(EPOCH_KEY) == epoch  # no invalidation at all
    with django_assert_num_queries(0):
        assert api.get(url).json()["title"] == "Who we are"


def test_a_new_image_appears_in_the_cached_images_listing(api, db, committed):
    before = committed(lambda: api.get("/api/v2/images/")).json()["meta"]["total_count"]
    committed(ImageFactory)
    assert api.get("/api/v2/images/").json()["meta"]["total_count"] == before + 1


def test_errors_are_not_cached(api, db):
    missing = api.get("/api/v2/pages/find/?path=/fr/later/")
    assert api.get("/api/v2/pages/find/?path=/fr/later/").status_code == 404
    assert missing.status_code == 404
    assert "no-cache" in missing["Cache-Control"]


def test_turned_off_every_request_reaches_the_database(api, settings, db):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    url = "/api/v2/locales/"
    api.get(url)
    with CaptureQueriesContext(connection) as queries:
        api.get(url)
    assert len(queries) > 0


# The Redis server and database number the tests may use, e.g. redis://127.0.0.1:6379/15.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


@pytest.fixture
def redis_cache(settings):
    """The shared cache production uses, on the database TEST_REDIS_URL names (CI sets it)."""
    if not REDIS_URL:
        pytest.skip("TEST_REDIS_URL is not set: no Redis database is set aside for the tests")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    redis = caches["default"]
    redis.clear()  # only the database set aside for the tests
    yield redis
    redis.clear()


def test_with_a_shared_redis_cache_a_publish_in_one_worker_reaches_the_others(
    site, api, redis_cache, committed
):
    detail = f"/api/v2/pages/{site['who'].pk}/"
    assert api.get(detail).json()["title"] == "Who we are"
    # Another worker's view of the cache: a separate client on the same Redis server.
    other_worker = RedisCache(REDIS_URL, {})
    page_tag = f"page:{site['who'].pk}"
    version_before = tag_version(page_tag, other_worker)
    assert version_before is not None

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    committed(rename)
    assert tag_version(page_tag, other_worker) not in (None, version_before)
    assert api.get(detail).json()["title"] == "Who we really are"


@pytest.mark.parametrize(
    "accept", ["application/json; indent=8", "text/html", "application/xml", "*/*; q=0.1", "bogus;;;"]
)
@pytest.mark.parametrize("url", ["/api/v2/locales/", "/api/v2/pages/", "/api/v2/topics/"])
def test_the_accept_header_cannot_change_what_other_clients_get(api, accept, url):
    plain = api.get(url).content
    cache.clear()
    odd = api.get(url, HTTP_ACCEPT=accept)
    assert odd.status_code == 200
    assert odd.content == plain
    assert api.get(url).content == plain


# After a publish, only the responses that can show the page are recomputed --------------


def served_from_cache(api, url) -> bool:
    """Whether the answer cost no query (a cache hit), after checking it is a 200."""
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries) == 0


def test_publishing_an_english_article_keeps_the_responses_that_cannot_show_it(site, api, locales, committed):
    article = site["articles"][0]
    french, dutch = (article.get_translation(locales[code]) for code in ("fr", "nl"))
    french_about = site["about"].get_translation(locales["fr"])
    dutch_about = site["about"].get_translation(locales["nl"])  # an alias of the English page
    french_who = site["who"].get_translation(locales["fr"])
    showing_it = {
        "its English detail": f"/api/v2/pages/{article.pk}/",
        "its French detail (translations list)": f"/api/v2/pages/{french.pk}/",
        "its Dutch detail (translations list)": f"/api/v2/pages/{dutch.pk}/",
        "its English find-by-path": "/api/v2/pages/find/?path=/en/news/story-0/",
        "the English listing it is in": "/api/v2/pages/?type=news.NewsArticlePage&locale=en",
        "a listing of every language": "/api/v2/pages/?type=news.NewsArticlePage",
        "a French listing showing translations": "/api/v2/pages/?locale=fr&fields=translations",
        "the English navigation": "/api/v2/navigation/?locale=en",
        "the English search": "/api/v2/search/?q=story&locale=en",
        "the English page linking to it": f"/api/v2/pages/{site['about'].pk}/",
        "the French page linking to it": f"/api/v2/pages/{french_about.pk}/",
        "the Dutch alias linking to it": f"/api/v2/pages/{dutch_about.pk}/",
    }
    not_showing_it = {
        "the French listing of titles": "/api/v2/pages/?type=news.NewsArticlePage&locale=fr",
        "the Dutch listing with summary fields": "/api/v2/pages/?locale=nl&fields=lead,lead_image,topics",
        "the French navigation": "/api/v2/navigation/?locale=fr",
        "the French search": "/api/v2/search/?q=story&locale=fr",
        "a French page without links to it": f"/api/v2/pages/{french_who.pk}/",
        "the images": "/api/v2/images/",
        "the topics": "/api/v2/topics/?locale=fr",
    }
    for url in [*showing_it.values(), *not_showing_it.values()]:
        committed(lambda url=url: api.get(url))
        assert served_from_cache(api, url), url

    def rename():
        article.title = "Story zero"
        article.save_revision().publish()

    committed(rename)

    recomputed = {name for name, url in showing_it.items() if not served_from_cache(api, url)}
    assert recomputed == set(showing_it)
    kept = {name for name, url in not_showing_it.items() if served_from_cache(api, url)}
    assert kept == set(not_showing_it)
    english_title = {
        item["locale"]: item["title"]
        for item in api.get(showing_it["its French detail (translations list)"]).json()["translations"]
    }
    assert english_title["en"] == "Story zero"
    assert "Story zero" in titles(api.get(showing_it["the English listing it is in"]))


def test_a_snippet_change_drops_every_cached_response(site, api, committed):
    url = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr"
    committed(lambda: api.get(url))

    def rename_topic():
        site["topic"].name = "Weather"
        site["topic"].save()

    committed(rename_topic)
    assert not served_from_cache(api, url)


def test_a_response_computed_while_a_change_commits_is_not_stored(site, api, committed, monkeypatch):
    """The view may read the old page while the change commits: its answer must not be kept."""
    from cms.api import caching

    url = f"/api/v2/pages/{site['who'].pk}/"
    real_response_tags = caching.response_tags

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    def rename_once_the_view_has_read(request, response):
        monkeypatch.setattr(caching, "response_tags", real_response_tags)
        committed(rename)
        return real_response_tags(request, response)

    monkeypatch.setattr(caching, "response_tags", rename_once_the_view_has_read)
    assert api.get(url).json()["title"] == "Who we are"  # read before the rename
    assert api.get(url).json()["title"] == "Who we really are"


# A hit reads the epoch only, while no change has been made since its tags were checked ----


class SharedCacheSeenByTheMiddleware:
    """The cache as ``cms.api.caching`` uses it, with hooks on its reads and writes."""

    def __init__(self, real, on_read=None, before_tags_written=None):
        self.real, self.on_read, self.before_tags_written = real, on_read, before_tags_written

    def __getattr__(self, name):
        return getattr(self.real, name)

    def get(self, key, *args, **kwargs):
        if self.on_read:
            self.on_read([key])
        return self.real.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        if self.on_read:
            self.on_read(list(keys))
        return self.real.get_many(keys, *args, **kwargs)

    def set_many(self, mapping, *args, **kwargs):
        if self.before_tags_written and TAG_PREFIX + EPOCH_KEY not in mapping:
            self.before_tags_written()
        return self.real.set_many(mapping, *args, **kwargs)


def test_a_hit_reads_the_epoch_alone_until_a_change_then_its_tags_once(site, api, committed, monkeypatch):
    from cms.api import caching

    url = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr"
    committed(lambda: api.get(url))
    reads = []
    monkeypatch.setattr(caching, "cache", SharedCacheSeenByTheMiddleware(cache, on_read=reads.append))

    def reads_of_a_hit():
        reads.clear()
        assert served_from_cache(api, url)
        return list(reads)

    epoch, tags = [TAG_PREFIX + EPOCH_KEY], [TAG_PREFIX + "all", TAG_PREFIX + "own:fr"]
    assert reads_of_a_hit() == [epoch]

    def publish_in_english():  # a change this French listing cannot show
        article = site["articles"][0]
        article.title = "Story zero"
        article.save_revision().publish()

    committed(publish_in_english)
    assert reads_of_a_hit() == [epoch, tags]
    assert reads_of_a_hit() == [epoch]


def test_a_hit_in_the_middle_of_an_invalidation_is_not_trusted_after_it(site, api, committed, monkeypatch):
    """Between an invalidation's first epoch and its tags, a hit still finds its tags unchanged."""
    from cms.api import caching

    url = f"/api/v2/pages/{site['who'].pk}/"
    committed(lambda: api.get(url))
    titles_meanwhile = []

    def request_before_the_tags_are_replaced():
        if not titles_meanwhile:
            titles_meanwhile.append(api.get(url).json()["title"])

    monkeypatch.setattr(
        caching,
        "cache",
        SharedCacheSeenByTheMiddleware(cache, before_tags_written=request_before_the_tags_are_replaced),
    )

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    committed(rename)
    assert titles_meanwhile == ["Who we are"]  # served from the cache: the change was committed
    assert api.get(url).json()["title"] == "Who we really are"
