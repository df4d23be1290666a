"""The server-side response cache: a repeat costs no query, and no change an editor makes is hidden."""

import os

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api.caching import VERSION_KEY
from tests.factories import ImageFactory, NewsArticlePageFactory
from tests.sites import FRENCH, translator
from translation.localization import translate_object

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.API_RESPONSE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


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
    committed(lambda: api.get(detail))
    version_before = cache.get(VERSION_KEY)

    def publish():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()
        # Still inside the publishing transaction, where other connections read the old
        # page: whatever they cache now is under the version that is about to go.
        assert cache.get(VERSION_KEY) == version_before

    committed(publish)
    assert cache.get(VERSION_KEY) != version_before
    assert api.get(detail).json()["title"] == "Who we really are"
    assert api.get(detail).json()["title"] == "Who we really are"


def test_drafts_leave_cached_responses_alone(site, api, committed, django_assert_num_queries):
    url = f"/api/v2/pages/{site['who'].pk}/"
    committed(lambda: api.get(url))
    version = cache.get(VERSION_KEY)

    def save_draft():
        site["who"].title = "A draft title"
        site["who"].save_revision()

    committed(save_draft)
    assert cache.get(VERSION_KEY) == version
    with django_assert_num_queries(0):
        assert api.get(url).json()["title"] == "Who we are"


def test_a_new_image_appears_in_the_cached_images_listing(api, db, committed):
    # Counted, not assumed empty: the module's shared site may already hold images.
    before = api.get("/api/v2/images/").json()["meta"]["total_count"]
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
    version_before = other_worker.get(VERSION_KEY)
    assert version_before is not None

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    committed(rename)
    assert other_worker.get(VERSION_KEY) not in (None, version_before)
    assert api.get(detail).json()["title"] == "Who we really are"
