"""The embedded SQLite of ``make run`` survives concurrent writers; an interrupted create leaves nothing."""

import sqlite3
import threading
from unittest import mock

import environ
import pytest
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.urls import reverse

from cms.settings.database import configure
from home.models import SectionPage


def make_run_database(path):
    """The DATABASES entry ``make run`` gets for a SQLite file, as cms/settings/base.py builds it."""
    defaults = {"TIME_ZONE": None, "CONN_HEALTH_CHECKS": False, "CONN_MAX_AGE": 0, "AUTOCOMMIT": True,
                "TEST": {}, "OPTIONS": {}}  # fmt: skip
    return defaults | configure(environ.Env.db_url_config(f"sqlite:///{path}"))


def test_a_read_then_write_transaction_waits_for_another_writer_instead_of_failing(
    tmp_path, django_db_blocker
):
    with django_db_blocker.unblock():
        concurrent_transactions(tmp_path)


def transaction_on(path, alias):
    """A connection of ``make run``'s settings with a transaction begun the way ``atomic()`` begins it."""
    connection = DatabaseWrapper(make_run_database(path), alias=alias)
    connection.ensure_connection()
    connection._start_transaction_under_autocommit()
    return connection


def concurrent_transactions(tmp_path):
    path = tmp_path / "cms.sqlite3"
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE item (name TEXT)")
    setup.commit()
    setup.close()
    request_read, autosave_wrote = threading.Event(), threading.Event()
    outcome = {}

    def request():  # reads, then writes, in one transaction
        try:
            connection = transaction_on(path, "request")
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM item")
                request_read.set()
                autosave_wrote.wait(2)  # with immediate transactions the autosave waits for us instead
                cursor.execute("INSERT INTO item VALUES ('request')")
            connection.connection.commit()
            connection.close()
            outcome["request"] = "ok"
        except Exception as error:  # noqa: BLE001 - the outcome is what the test reports
            outcome["request"] = str(error)
            request_read.set()

    def autosave():  # writes while the request's transaction is open
        request_read.wait()
        connection = transaction_on(path, "autosave")
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO item VALUES ('autosave')")
            autosave_wrote.set()
        connection.connection.commit()
        connection.close()
        outcome["autosave"] = "ok"

    threads = [threading.Thread(target=request), threading.Thread(target=autosave)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome == {"request": "ok", "autosave": "ok"}
    check = sqlite3.connect(path)
    assert check.execute("SELECT count(*) FROM item").fetchone()[0] == 2
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.django_db
def test_a_create_interrupted_after_the_page_row_leaves_no_page_behind(admin_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=["home", "sectionpage", home_page.pk])
    from tests.test_admin_forms import publish, section_fields

    failing = mock.patch.object(
        SectionPage, "save_revision", side_effect=OperationalError("database is locked")
    )
    with failing, pytest.raises(OperationalError):
        admin_client.post(url, publish(section_fields(title="Interrupted", slug="interrupted")))
    assert not SectionPage.objects.filter(slug="interrupted").exists()
