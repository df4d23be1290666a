"""Work a test's transaction leaves for its commit, which never comes in a test."""

from django.db import transaction


def run_on_commit_work():
    """Run what the transaction so far left for its commit, as if it had committed."""
    connection = transaction.get_connection()
    # On-commit work may leave more of its own (e.g. a deferred publish): run it all.
    while connection.run_on_commit:
        pending, connection.run_on_commit = connection.run_on_commit, []
        for _savepoints, callback, _robust in pending:
            callback()
