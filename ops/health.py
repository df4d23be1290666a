"""``GET /health/``: whether this instance can serve, for load balancers and monitoring.

200 when it can, 503 when it cannot, always with a JSON body that says why, and never
cached by anyone. The checks:

- ``database``: a query answers. Without it nothing works: 503.
- ``cache``: the shared cache answers. Without it the API still answers from the database
  (ops/cache.py), only slower, so this instance stays in service: 200 with
  ``"status": "degraded"``. Taking every instance out of the load balancer because the
  shared Redis is down would turn a slowdown into an outage.
- ``tasks``: how many tasks wait for the worker and how long the oldest has waited. When
  it has waited longer than ``HEALTH_MAX_TASK_WAIT`` seconds no worker is running (or
  they cannot keep up): 503, so monitoring notices; failed tasks are counted too.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

HEALTH_KEY = "ops:health"


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def check_cache() -> dict:
    ping = getattr(cache, "ping", None)
    if ping is not None:
        ping()  # the fail-safe Redis cache would otherwise hide the failure
    else:
        token = str(time.monotonic())
        cache.set(HEALTH_KEY, token, 10)
        if cache.get(HEALTH_KEY) != token:
            raise RuntimeError("the cache did not keep a value")
    return {"ok": True}


def check_tasks() -> dict:
    """The database queue's backlog; other task backends keep no queue to inspect."""
    if not settings.TASKS["default"]["BACKEND"].endswith("DatabaseBackend"):
        return {"ok": True, "queue": "none"}
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    waited = (timezone.now() - oldest).total_seconds() if oldest else 0
    limit = settings.HEALTH_MAX_TASK_WAIT
    return {
        "ok": waited <= limit,
        "waiting": waiting.count(),
        "oldest_waiting_seconds": round(waited, 1),
        "max_wait_seconds": limit,
        "running": DBTaskResult.objects.running().count(),
        "failed": DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count(),
    }


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}
#: A failing check that leaves the instance able to serve.
DEGRADING = {"cache"}


@never_cache
def health_view(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as error:  # any failure is a reason to report, not to crash
            results[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            if name == "database":
                break  # the other checks need the database too
    failing = [name for name, result in results.items() if not result["ok"]]
    fatal = [name for name in failing if name not in DEGRADING]
    status = "unavailable" if fatal else "degraded" if failing else "ok"
    body = {"status": status, "failing": failing, "checks": results}
    return JsonResponse(body, status=503 if fatal else 200)
