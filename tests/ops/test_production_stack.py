"""The production recipe end to end: two gunicorn instances, the task worker, one PostgreSQL, one Redis.

Every change is made in one process and read through the API of another; the first read
after the change has returned (committed) must already show it, whatever that reader had
cached. Then the development server beside a management command, as under ``make run``.
"""

import pytest

from tests.ops.conftest import ADMIN
from tests.ops.stack import Client

pytestmark = pytest.mark.e2e

EDITOR_PORT, READER_PORT, DEV_PORT = 8620, 8621, 8622


def title(client, page_id):
    response = client.get(f"/api/v2/pages/{page_id}/")
    return response.json()["title"] if response.status == 200 else response.status


def test_a_change_made_in_any_process_is_read_at_once_through_another_instance(stack):
    stack.gunicorn(EDITOR_PORT)
    stack.gunicorn(READER_PORT)
    stack.worker()
    page_id = stack.page_id
    editor, reader = Client(EDITOR_PORT), Client(READER_PORT)

    # The admin behind the TLS proxy: it says https, so no redirect and secure cookies work.
    assert Client(EDITOR_PORT, proxy_header=False).get("/admin/login/").status == 301
    editor.log_in(*ADMIN)

    assert title(reader, page_id) == "Stack page"
    assert reader.get(f"/api/v2/pages/{page_id}/").headers.get("x-api-cache") is None

    # Unpublish and publish again through one instance's admin; read through the other.
    assert editor.post_form(f"/admin/pages/{page_id}/unpublish/", {}).status == 302
    assert title(reader, page_id) == 404
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    assert editor.post_form(publish, {}).status == 302
    assert title(reader, page_id) == "Stack page"

    # Scheduled publishing: publish_scheduled is another process.
    stack.shell(
        "from datetime import timedelta; from django.utils import timezone; from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id}).specific; page.title = 'Stack page, scheduled'\n"
        "page.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))"
    )
    assert title(reader, page_id) == "Stack page"
    stack.manage("publish_scheduled")
    assert title(reader, page_id) == "Stack page, scheduled"

    # The task worker: synchronising French creates an alias of a new English page.
    new_id = stack.shell(
        "from home.models import HomePage, SectionPage\n"
        "home = HomePage.objects.get(locale__language_code='en')\n"
        "page = home.add_child(instance=SectionPage(title='Worker page', slug='worker-page'))\n"
        "page.save_revision().publish(); print(page.translation_key)"
    )
    french = "/api/v2/pages/?locale=fr&limit=100"
    assert "Worker page" not in [item["title"] for item in reader.get(french).json()["items"]]
    stack.manage("sync_locales", "--locale", "fr")
    stack.wait_for_tasks()
    assert "Worker page" in [item["title"] for item in reader.get(french).json()["items"]], new_id

    health = reader.get("/health/")
    assert health.status == 200 and health.json()["status"] == "ok"
    assert "no-cache" in health.headers["cache-control"]
    stack.stop_all()


def test_under_make_run_the_development_server_sees_a_management_command_at_once(stack):
    # Development settings with no CACHE_URL: the default cache is shared through files.
    dev = {"DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    stack.runserver(DEV_PORT, env=dev, unset=("CACHE_URL",))
    reader = Client(DEV_PORT, proxy_header=False)
    page_id = stack.page_id
    before = title(reader, page_id)
    assert before == title(reader, page_id)  # now cached by the development server
    stack.shell(
        f"from wagtail.models import Page\npage = Page.objects.get(pk={page_id}).specific\n"
        "page.title = 'Renamed by a command'; page.save_revision().publish()",
        env=dev,
        unset=("CACHE_URL",),
    )
    assert title(reader, page_id) == "Renamed by a command"
    stack.stop_all()
