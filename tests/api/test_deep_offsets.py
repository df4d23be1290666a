"""Every slice of a listing is that slice of the whole listing, in every order.

A slice past the middle is read from the end (cms.api.pagination.paginate_from_nearer_end).
"""

import pytest

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
