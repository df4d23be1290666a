"""With the shared Redis cache down the API answers from the database, and recovers by itself.

The Redis here is a private redis-server on its own port that the test really stops and
starts again; it keeps its data across the restart (as a Redis with persistence would),
so responses cached before the outage are still there when it returns.
"""

import logging

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

import ops.cache
from tests.ops.redis_server import PrivateRedis

pytestmark = pytest.mark.django_db

PORT = 6391


@pytest.fixture
def redis(settings, tmp_path, monkeypatch):
    server = PrivateRedis(PORT, data_dir=tmp_path)
    server.start()
    settings.CACHES = {"default": {"BACKEND": "ops.cache.FailSafeRedisCache", "LOCATION": server.url}}
    settings.API_RESPONSE_CACHE_SECONDS = 60
    # Try Redis again on every call rather than after a second: no test waits on a clock.
    monkeypatch.setattr(ops.cache, "RETRY_AFTER", 0)
    yield server
    server.stop()


def test_the_api_answers_without_redis_and_is_fresh_when_it_returns(site, redis, committed, caplog):
    api = APIClient()
    detail = f"/api/v2/pages/{site['who'].pk}/"
    first = api.get(detail)
    assert first.status_code == 200 and "X-API-Cache" not in first
    assert first.json()["title"] == "Who we are"

    redis.stop()
    with caplog.at_level(logging.WARNING, logger="ops.cache"):
        answers = [api.get(detail) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert all(answer["X-API-Cache"] == "unavailable" for answer in answers)
    assert answers[0].content == first.content
    warnings = [record for record in caplog.records if record.name == "ops.cache"]
    assert len(warnings) == 1 and "Cache unavailable" in warnings[0].getMessage()

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    committed(rename)  # the new content version cannot reach Redis
    assert api.get(detail).json()["title"] == "Who we really are"

    redis.start()  # with the old version and the old response still stored
    back = api.get(detail)
    assert back.status_code == 200 and "X-API-Cache" not in back
    assert back.json()["title"] == "Who we really are"
    assert caches["default"].available


def test_admin_login_works_while_redis_is_down(site, redis, admin_user, client):
    redis.stop()
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_health_reports_a_degraded_cache_but_stays_in_service(site, redis, client):
    healthy = client.get("/health/")
    assert healthy.status_code == 200 and healthy.json()["status"] == "ok"
    redis.stop()
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded" and body["failing"] == ["cache"]
    assert "Connection" in body["checks"]["cache"]["error"]
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_health_is_503_when_a_task_has_waited_too_long(db, client, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_MAX_TASK_WAIT = 60
    waiting = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="x.y", backend_name="default",
        queue_name="default", run_after=timezone.now(),
    )  # fmt: skip
    body = client.get("/health/").json()
    assert body["checks"]["tasks"]["waiting"] == 1 and body["status"] == "ok"
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["tasks"]
    assert response.json()["checks"]["tasks"]["oldest_waiting_seconds"] >= 300
