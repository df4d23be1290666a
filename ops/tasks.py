"""Background tasks that are never lost, never silently failed.

- ``DatabaseBackend``: django-tasks-db's queue, with Wagtail's reference-index task for an
  inline child row (e.g. a related article of a news article) queued for its parent
  instead. The task would index the parent anyway, but the child row is often deleted and
  re-created by the same save (modelcluster), so the queued task failed with
  ``DoesNotExist`` while the parent's own task did the work.
- ``requeue_abandoned``: a task still marked running long after it started belonged to a
  worker that died (SIGKILL, a lost machine); it is put back in the queue for the next
  worker. Long jobs are split into short idempotent steps (translation/subtree.py), so
  running a task again is safe.
- ``retry``: a failed task back in the queue (the admin's report and ``failed_tasks``).
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend
from modelcluster.fields import ParentalKey

logger = logging.getLogger(__name__)

REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"


def parent_of(app_label: str, model_name: str, pk: str):
    """(app_label, model_name, pk) of the row an inline child belongs to, or None."""
    model = apps.get_model(app_label, model_name)
    keys = [field for field in model._meta.get_fields() if isinstance(field, ParentalKey)]
    if not keys:
        return None
    parent_id = model._default_manager.filter(pk=pk).values_list(keys[0].attname, flat=True).first()
    if parent_id is None:
        return None
    parent = keys[0].related_model._meta
    return [parent.app_label, parent.model_name, str(parent_id)]


class DatabaseBackend(BaseDatabaseBackend):
    def enqueue(self, task, args, kwargs):
        if task.module_path == REFERENCE_INDEX_TASK and len(args) == 3:
            args = parent_of(*args) or args
        return super().enqueue(task, args, kwargs)


def requeue_abandoned(worker_id: str | None = None, now=None) -> int:
    """Put back in the queue the tasks of workers that died; returns how many.

    ``worker_id`` is the worker asking: the task it is running itself is alive, however long.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    candidates = DBTaskResult.objects.running().filter(
        started_at__lt=now - timedelta(seconds=settings.TASKS_ABANDONED_AFTER)
    )
    ids = [
        pk
        for pk, workers in candidates.values_list("pk", "worker_ids")
        if not workers or workers[-1] != worker_id
    ]
    if not ids:
        return 0
    count = (
        DBTaskResult.objects.running()
        .filter(pk__in=ids)
        .update(status=TaskResultStatus.READY, started_at=None)
    )
    logger.warning("Requeued %d task(s) whose worker stopped answering: %s", count, [str(pk) for pk in ids])
    return count


def failed_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.failed().order_by("-finished_at")


def retry_tasks(task_ids) -> int:
    """Put failed tasks back in the queue; returns how many."""
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.failed()
        .filter(pk__in=list(task_ids))
        .update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
            run_after=timezone.now(),
        )
    )


def error_line(task_result) -> str:
    """The exception of a failed task in one line: its class and message."""
    lines = [line for line in task_result.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else task_result.exception_class_path
