"""List the background tasks that failed, with their error; --retry queues them again."""

from django.core.management.base import BaseCommand

from ops.tasks import error_line, failed_tasks, retry_tasks


class Command(BaseCommand):
    help = "List failed background tasks with their error; --retry ID … (or --retry-all) queues them again."

    def add_arguments(self, parser):
        parser.add_argument("--retry", nargs="+", metavar="ID", default=[], help="Queue these tasks again.")
        parser.add_argument("--retry-all", action="store_true", help="Queue every failed task again.")

    def handle(self, *args, retry: list[str], retry_all: bool, **options):
        tasks = list(failed_tasks())
        if retry or retry_all:
            ids = [task.pk for task in tasks] if retry_all else retry
            count = retry_tasks(ids)
            self.stdout.write(f"Queued {count} failed task(s) again.")
            return
        for task in tasks:
            self.stdout.write(f"{task.pk}  {task.finished_at:%Y-%m-%d %H:%M:%S}  {task.task_path}")
            self.stdout.write(f"    {error_line(task)}")
        self.stdout.write(f"{len(tasks)} failed task(s).")
