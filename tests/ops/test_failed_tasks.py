"""Failed background tasks are visible to administrators (admin report, command) and can be retried."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ops.tasks import DatabaseBackend, parent_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed():
    return DBTaskResult.objects.create(
        args_kwargs={"args": ["news", "newsarticlepage", "7"], "kwargs": {}},
        task_path="wagtail.tasks.update_reference_index_task",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="builtins.LookupError",
        traceback="Traceback (most recent call last):\n  ...\nLookupError: the row has gone\n",
    )


def test_the_admin_report_lists_failures_and_retries_them(admin_client, failed):
    report = admin_client.get("/admin/reports/failed-tasks/")
    assert report.status_code == 200
    assert "LookupError: the row has gone" in report.content.decode()
    assert "update_reference_index_task" in report.content.decode()

    response = admin_client.post("/admin/reports/failed-tasks/", {"task": [str(failed.pk)]})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY and failed.traceback == ""
    assert (
        "No background task has failed" in admin_client.get("/admin/reports/failed-tasks/").content.decode()
    )


def test_only_administrators_see_the_report(client, django_user_model, failed):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/failed-tasks/").status_code in (302, 403)
    assert client.post("/admin/reports/failed-tasks/", {"task": [str(failed.pk)]}).status_code in (302, 403)
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.FAILED


def test_the_command_lists_and_retries(failed):
    out = io.StringIO()
    call_command("failed_tasks", stdout=out)
    assert "LookupError: the row has gone" in out.getvalue() and "1 failed task(s)." in out.getvalue()
    out = io.StringIO()
    call_command("failed_tasks", "--retry-all", stdout=out)
    assert "Queued 1 failed task(s) again." in out.getvalue()
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY


def test_an_inline_childs_reference_index_task_is_queued_for_its_parent(site, settings):
    """The DoesNotExist failures: a related-article row deleted by the save that queued it."""
    from wagtail.tasks import update_reference_index_task

    from news.models import NewsArticleRelatedArticle

    article = site["articles"][0]
    related = NewsArticleRelatedArticle.objects.create(page=article, article=article)
    assert parent_of("news", "newsarticlerelatedarticle", str(related.pk)) == [
        "news", "newsarticlepage", str(article.pk)
    ]  # fmt: skip
    backend = DatabaseBackend("default", {})
    result = backend.enqueue(
        update_reference_index_task, ["news", "newsarticlerelatedarticle", str(related.pk)], {}
    )
    assert DBTaskResult.objects.get(pk=result.id).args_kwargs["args"] == [
        "news",
        "newsarticlepage",
        str(article.pk),
    ]
