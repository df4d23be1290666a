"""Reports › Failed tasks: background tasks that failed, with their error and a retry button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ops.tasks import error_line, failed_tasks, retry_tasks

SHOWN = 200


@require_http_methods(["GET", "POST"])
def failed_tasks_view(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        ids = request.POST.getlist("task")
        count = retry_tasks(ids)
        messages.success(
            request,
            ngettext("%(count)d task queued again.", "%(count)d tasks queued again.", count)
            % {"count": count},
        )
        return redirect("ops_failed_tasks")
    tasks = failed_tasks()
    rows = [
        {"id": task.pk, "name": task.task_path, "finished_at": task.finished_at, "error": error_line(task),
         "traceback": task.traceback, "arguments": task.args_kwargs}
        for task in tasks[:SHOWN]
    ]  # fmt: skip
    context = {"rows": rows, "total": tasks.count(), "page_title": _("Failed tasks")}
    return TemplateResponse(request, "ops/failed_tasks.html", context)
