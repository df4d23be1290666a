"""Statements PostgreSQL plans once per connection instead of on every request.

The statement that answers a stored page (cms.api.stored_pages.find_by_id) took 0.2 ms to
run and 0.7 ms to plan: most of a stored detail's time in the database. Through
``prepared_cursor`` it is sent with its values apart (server-side binding), and psycopg
prepares it once it has run ``prepare_threshold`` times on a connection
(``cms.settings.database``); PostgreSQL then reuses one plan for every id.

Only statements whose best plan does not depend on their values go through it: a text
search or a listing at some offset is planned for its own words and numbers. Django's
own queries bind their values on the client and are never prepared.
"""

from django.db import connection


def prepared_cursor():
    """A cursor of the default connection whose repeated statements are prepared (PostgreSQL).

    Elsewhere an ordinary cursor; also while queries are logged (``DEBUG``, a test
    counting them): psycopg keeps no text of a prepared statement for the log to show.
    With prepared statements turned off, psycopg sends the statement unprepared.
    """
    if connection.vendor != "postgresql" or connection.queries_logged:
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    return connection.make_cursor(ServerBindingCursor(connection.connection))
