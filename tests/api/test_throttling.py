"""Optional API rate limits: off by default; when on, 429 with Retry-After per client (issue 11)."""

import os
import uuid

import pytest
from django.core.cache import caches

URL = "/api/v2/locales/"


def address():
    """A client address of its own per test, so no count carries over in a shared cache."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


@pytest.mark.django_db
def test_throttling_is_off_by_default(api, settings):
    assert settings.API_THROTTLE_RATE == ""
    client_address = address()
    assert {api.get(URL, REMOTE_ADDR=client_address).status_code for _ in range(30)} == {200}


@pytest.fixture
def shared_cache(settings):
    """The default cache on the test Redis database: counts shared by every worker."""
    location = os.environ.get("TEST_REDIS_URL", "")
    if not location:
        pytest.skip("TEST_REDIS_URL is not set: no Redis database is set aside for the tests")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location},
    }
    cache = caches["default"]
    try:
        cache.get("ping")
    except Exception as error:  # noqa: BLE001 - any connection error means there is no Redis here
        pytest.skip(f"no Redis at {location}: {error}")
    return cache


@pytest.mark.django_db
def test_over_the_rate_a_client_gets_429_with_retry_after(api, settings, shared_cache):
    settings.API_THROTTLE_RATE = "3/minute"
    client_address = address()
    statuses = [api.get(URL, REMOTE_ADDR=client_address).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = api.get("/api/v2/pages/", REMOTE_ADDR=client_address)
    assert refused.status_code == 429
    assert refused.json()["message"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Another client has its own allowance.
    assert api.get(URL, REMOTE_ADDR=address()).status_code == 200
    # The count lives in the shared cache, where another worker would read it.
    assert any(key for key in shared_cache._cache.get_client().keys(f"*throttle_api_{client_address}*"))
