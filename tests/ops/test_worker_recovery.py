"""Jobs survive their worker: a real db_worker killed with SIGKILL mid-translation, then a new one.

A subtree translation is one short task per slice of pages (translation/subtree.py). The
first worker is killed while it translates; the second finds the task its predecessor
left running, runs it again, and the job completes with every page translated once.
"""

import signal
import time

import pytest

from tests.ops.conftest import ADMIN
from tests.ops.stack import Client

pytestmark = pytest.mark.e2e

ADMIN_PORT = 8623
SUBTREE = """
from home.models import HomePage, SectionPage
home = HomePage.objects.get(locale__language_code="en")
root = home.add_child(instance=SectionPage(title="Big section", slug="big-section"))
root.save_revision().publish()
for n in range(25):
    child = root.add_child(instance=SectionPage(title=f"Part {n}", slug=f"part-{n}"))
    child.save_revision().publish()
    grandchild = child.add_child(instance=SectionPage(title=f"Detail {n}", slug=f"detail-{n}"))
    grandchild.save_revision().publish()
print(root.pk)
"""


def job_state(stack):
    rows = stack.sql(
        "SELECT position, finished_at IS NOT NULL FROM translation_pagejob ORDER BY id DESC LIMIT 1"
    )
    return rows[0] if rows else (0, False)


def running_tasks(stack) -> int:
    return stack.sql("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'")[0][0]


def test_a_subtree_translation_killed_with_its_worker_completes_once_on_a_new_worker(stack):
    root_id = int(stack.shell(SUBTREE))
    french = stack.sql("SELECT id FROM wagtailcore_locale WHERE language_code = 'fr'")[0][0]
    stack.gunicorn(ADMIN_PORT, workers=1)
    editor = Client(ADMIN_PORT)
    editor.log_in(*ADMIN)
    submitted = editor.post_form(
        f"/admin/localize/submit/page/{root_id}/", {"locales": [french], "include_subtree": "on"}
    )
    assert submitted.status == 302, submitted.text[:2000]

    first = stack.worker(name="worker-killed")
    deadline = time.monotonic() + 120
    while job_state(stack)[0] < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    position, finished = job_state(stack)
    assert position >= 3 and not finished, "the job ended before the worker could be killed"
    left_running = running_tasks(stack)

    # A new worker that considers a task running for more than a second abandoned.
    second = stack.worker(env={"TASKS_ABANDONED_AFTER": "1"}, name="worker-new")
    stack.wait_for_tasks()
    assert job_state(stack) == (50, True)  # 25 parts and 25 details below the section
    if left_running:
        assert "Requeued 1 task" in (stack.tmp_path / "worker-new.log").read_text()

    # Every page of the subtree exists once in French, none twice.
    duplicates = stack.sql(
        "SELECT translation_key FROM wagtailcore_page WHERE locale_id = %s GROUP BY translation_key "
        "HAVING count(*) > 1",
        [french],
    )
    assert duplicates == []
    translated = stack.sql(
        "SELECT count(*) FROM wagtailcore_page fr JOIN wagtailcore_page en "
        "ON en.translation_key = fr.translation_key AND fr.locale_id = %s "
        "WHERE en.path LIKE (SELECT path FROM wagtailcore_page WHERE id = %s) || '%%'",
        [french, root_id],
    )[0][0]
    assert translated == 51
    assert stack.sql("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'FAILED'") == [
        (0,)
    ]

    # SIGTERM mid-job: the worker finishes its short slice and exits within seconds (a bound,
    # far below Docker's 10 s and systemd's 90 s); the next worker carries on.
    stack.stop(second)
    dutch = stack.sql("SELECT id FROM wagtailcore_locale WHERE language_code = 'nl'")[0][0]
    editor.post_form(f"/admin/localize/submit/page/{root_id}/", {"locales": [dutch], "include_subtree": "on"})
    third = stack.worker(name="worker-stopped")
    deadline = time.monotonic() + 300
    while job_state(stack)[0] < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not job_state(stack)[1], "the job ended before the worker could be stopped"
    assert stack.stop(third, signal.SIGTERM, timeout=10) == 0
    stack.worker(name="worker-after-stop")
    stack.wait_for_tasks()
    assert job_state(stack) == (50, True)  # 25 parts and 25 details below the section
    stack.stop_all()
