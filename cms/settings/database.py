"""The database settings every environment shares.

The embedded SQLite database of ``make run`` is written by the dev server's threads, the
admin's autosave and the task worker at once. With SQLite's defaults a transaction that
reads and then writes fails at once ("database is locked") when another writer got in
between, whatever the timeout. So SQLite runs with a write-ahead log (readers never block
the writer), waits for a busy database instead of failing, and takes its write lock when a
transaction begins (Django 5.1's ``transaction_mode``), so a transaction never has to
upgrade a read lock.

On PostgreSQL, the few statements the API sends through ``cms.api.prepared_statements``
are prepared on each connection (``DATABASE_PREPARED_STATEMENTS``, on by default; turn it
off behind a pooler in transaction mode that does not keep prepared statements).

Admin requests run in one transaction each (ops/atomic_admin.py), so a create interrupted
halfway leaves no page without its revision behind.
"""

SQLITE_BUSY_TIMEOUT_SECONDS = 20
PREPARE_THRESHOLD = 5


def configure(database: dict, prepared_statements: bool = True) -> dict:
    """``database`` (one entry of ``DATABASES``) with the shared options added."""
    database = {**database}
    if database["ENGINE"] == "django.db.backends.postgresql" and prepared_statements:
        # Statements sent through cms.api.prepared_statements are prepared once they ran
        # this many times on a connection (Django turns preparing off unless asked).
        database["OPTIONS"] = {"prepare_threshold": PREPARE_THRESHOLD, **database.get("OPTIONS", {})}
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            **database.get("OPTIONS", {}),
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return database
