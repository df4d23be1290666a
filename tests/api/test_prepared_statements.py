"""The API's hottest statements are planned once per connection on PostgreSQL.

cms.api.prepared_statements.
"""

import pytest
from django.db import connection

from cms.settings.database import PREPARE_THRESHOLD, configure

pytestmark = pytest.mark.django_db

POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "cms"}


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_repeated_stored_detail_runs_prepared_statements(site, api, settings):
    settings.API_STORED_PAGES = True
    url = f"/api/v2/pages/{site['about'].pk}/"
    first = api.get(url)
    for _ in range(PREPARE_THRESHOLD + 1):
        assert api.get(url).content == first.content
        assert api.get("/api/v2/pages/?locale=fr").status_code == 200
    statements = prepared_statements()
    assert any("stored.body" in statement for statement in statements)  # the page with its JSON
    assert any("'collection'" in statement for statement in statements)  # the site's state


def test_preparing_is_turned_on_for_postgresql_only_and_can_be_turned_off():
    assert configure(POSTGRES)["OPTIONS"] == {"prepare_threshold": PREPARE_THRESHOLD}
    assert "prepare_threshold" not in configure(POSTGRES, prepared_statements=False).get("OPTIONS", {})
    sqlite = configure({"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"})
    assert "prepare_threshold" not in sqlite["OPTIONS"]
