"""The database settings every environment shares.

The embedded SQLite database of ``make run`` is written by the dev server's threads, the
admin's autosave and the task worker at once. With SQLite's defaults a transaction that
reads and then writes fails at once ("database is locked") when another writer got in
between, whatever the timeout. So SQLite runs with a write-ahead log (readers never block
the writer), waits for a busy database instead of failing, and takes its write lock when a
transaction begins (Django 5.1's ``transaction_mode``), so a transaction never has to
upgrade a read lock.

Admin requests run in one transaction each (ops/atomic_admin.py), so a create interrupted
halfway leaves no page without its revision behind.
"""

SQLITE_BUSY_TIMEOUT_SECONDS = 20


def configure(database: dict) -> dict:
    """``database`` (one entry of ``DATABASES``) with the shared options added."""
    database = {**database}
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            **database.get("OPTIONS", {}),
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return database
