"""Every slice of a listing is that slice of the whole listing, in every order.

A slice past the middle is read from the end (cms.api.pagination.paginate_from_nearer_end).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api.filters import PageOrder
from tests.sites import build_site

pytestmark = pytest.mark.django_db

LISTINGS = ["/api/v2/pages/?fields=_", "/api/v2/pages/?type=news.NewsArticlePage&fields=_"]


def ids(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]], response.json()["meta"]["total_count"]


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_slice_of_every_order_is_that_slice_of_the_whole(home_page, locales, api, listing):
    # Four articles published the same day: the tie-break on the tree path orders them.
    build_site(home_page, locales, articles=4)
    for order in [None, *PageOrder.choices]:
        url = listing if order is None else f"{listing}&order={order}"
        whole, total = ids(api, f"{url}&limit=100")
        assert len(whole) == total > 4
        for offset in range(total + 2):
            assert ids(api, f"{url}&limit=3&offset={offset}") == (whole[offset : offset + 3], total), (
                order,
                offset,
            )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index with carried columns (PostgreSQL)")
def test_every_page_column_a_listing_in_date_order_reads_is_in_the_index_by_id(home_page, locales, api):
    """Walking the articles by date, each page is looked up by id: its language, type and
    visibility come from home_page_visibility_by_id_idx alone when the index carries every
    column the query reads (a column left out sends each lookup to the page's row)."""
    build_site(home_page, locales, articles=4)
    url = "/api/v2/pages/?type=news.NewsArticlePage&locale=en&order=-publication_date&offset=1"
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    ids_query = next(
        query["sql"] for query in queries if "ORDER BY" in query["sql"] and "LIMIT" in query["sql"]
    )
    read = set(re.findall(r'"wagtailcore_page"\."(\w+)"', ids_query))
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT attribute.attname FROM pg_index ix
                 JOIN pg_class index_class ON index_class.oid = ix.indexrelid
                 JOIN pg_attribute attribute ON attribute.attrelid = ix.indrelid
                  AND attribute.attnum = ANY(ix.indkey)
                WHERE index_class.relname = 'home_page_visibility_by_id_idx'"""
        )
        carried = {row[0] for row in cursor.fetchall()}
    assert {"id", "locale_id", "live", "path"} <= read  # the query is the one meant
    assert read <= carried, read - carried
