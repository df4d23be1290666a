"""The translation state costs the same number of queries for one page as for many.

In a module of its own: it builds a larger site than the shared one the other modules use.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.sites import build_site


@pytest.mark.django_db
def test_listing_cost_does_not_grow_with_the_pages(home_page, locales, api):
    build_site(home_page, locales, articles=4)
    api.get("/api/v2/locales/")  # warm Django's content type cache, as a running server has
    counts = []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(
                f"/api/v2/pages/?type=news.NewsArticlePage&locale=fr&fields=_,translation_state&limit={limit}"
            )
        assert response.status_code == 200
        items = response.json()["items"]
        assert all(item["translation_state"]["source_locale"] == "en" for item in items)
        counts.append((len(items), len(queries)))
    assert counts[0][0] == 1 and counts[1][0] == 4
    assert counts[0][1] == counts[1][1]
