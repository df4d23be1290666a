"""A migrated SQLite test database kept between runs, so a test process need not migrate.

Every test process creates its own in-memory SQLite database and runs the 237 migrations
of Django, Wagtail, wagtail-localize and ours into it: about 12 s of Django rendering model
states, in each xdist worker, on every run. What they produce depends only on the migration
files, so the first process to run them saves a copy under ``.test-databases/`` and later
processes load the copy instead (milliseconds). The copy is keyed by a hash of every
installed app's migration files and the Django and SQLite versions: editing, adding or
upgrading any of them makes a new key, and the migrations run again. The copy is taken
after ``migrate`` returns, so it holds the rows its post-migrate handlers wrote (content
types, permissions). PostgreSQL runs migrate as before.
"""

import hashlib
import os
import sqlite3
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.core.management.commands import migrate
from django.db import connections

TEMPLATES = Path(__file__).resolve().parent.parent / ".test-databases"


def migrations_key():
    """A hash of everything the migrated database depends on."""
    digest = hashlib.sha256(f"{django.get_version()} {sqlite3.sqlite_version}".encode())
    for app in sorted(apps.get_app_configs(), key=lambda config: config.label):
        for file in sorted((Path(app.path) / "migrations").glob("*.py")):
            digest.update(f"{app.label}/{file.name}".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:20]


def migrate_from_template(original_handle):
    """``migrate``'s handle for the test database's creation; it puts the original back at once."""

    def handle(command, *args, **options):
        migrate.Command.handle = original_handle
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return original_handle(command, *args, **options)
        template = TEMPLATES / f"migrated-{migrations_key()}.sqlite3"
        connection.ensure_connection()
        if template.exists():
            source = sqlite3.connect(template)
            source.backup(connection.connection)
            source.close()
            return None
        result = original_handle(command, *args, **options)
        save(connection, template)
        return result

    return handle


def save(connection, template):
    """Write the template atomically: two workers may migrate at the same time on a first run."""
    TEMPLATES.mkdir(exist_ok=True)
    partial = template.with_suffix(f".{os.getpid()}.partial")
    copy = sqlite3.connect(partial)
    connection.connection.backup(copy)
    copy.close()
    os.replace(partial, template)
    for older in TEMPLATES.glob("migrated-*.sqlite3"):  # made from migrations that changed since
        if older != template:
            older.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """pytest-django's settings fixture, which it runs just before creating the test database.

    The only ``migrate`` call between here and the first test is the test database's
    creation; the replacement handles that one call and restores the command.
    """
    original_handle = migrate.Command.handle
    migrate.Command.handle = migrate_from_template(original_handle)
    yield
    migrate.Command.handle = original_handle
