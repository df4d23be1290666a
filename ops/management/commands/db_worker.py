"""django-tasks-db's worker, which also re-runs the tasks of workers that died.

Same command, same options (it replaces django_tasks_db's, which comes later in
INSTALLED_APPS). Besides running tasks, the worker looks for tasks left running by a
dead worker when it starts and then every ``TASKS_ABANDONED_AFTER / 4`` seconds, and puts
them back in the queue (ops/tasks.py).
"""

import logging
import threading

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands import db_worker

from ops.tasks import requeue_abandoned

logger = logging.getLogger("django_tasks_db")


def watch_for_abandoned_tasks(stop: threading.Event, worker_id: str):
    interval = max(settings.TASKS_ABANDONED_AFTER / 4, 0.5)
    while True:
        try:
            requeue_abandoned(worker_id)
        except Exception:
            logger.exception("Could not look for abandoned tasks")
        finally:
            connection.close()  # this thread's own connection
        if stop.wait(interval):
            return


class Command(db_worker.Command):
    help = "Run the database task worker; tasks of a worker that died are run again"

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload,
               max_tasks, worker_id, **options):  # fmt: skip
        self.configure_logging(verbosity)
        stop = threading.Event()
        watcher = threading.Thread(target=watch_for_abandoned_tasks, args=(stop, worker_id), daemon=True)
        watcher.start()
        worker = db_worker.Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        worker.configure_signals()
        self.stdout.write(f"Worker {worker_id} started (queues: {queue_name}).")
        try:
            worker.run()
        finally:
            stop.set()
