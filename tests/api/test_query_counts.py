"""A response's query count does not grow with the number of items it returns."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ImageFactory
from tests.on_commit import run_on_commit_work
from tests.sites import build_site

MAX_QUERIES = 20
# Listings of mixed page types cost one query (plus the type's prefetches) per page
# *type* on the slice: bounded by the content model, pinned by MAX_QUERIES only.
MIXED_TYPES = ["/api/v2/pages/?fields=*", "/api/v2/search/?q=story&locale=fr&fields=*"]
ENDPOINTS = [
    "/api/v2/pages/?type=news.NewsArticlePage&fields=*&locale=fr",
    # Ordered so the first item is the richest (links, an image, translations, an alias).
    "/api/v2/pages/?type=home.SectionPage&fields=*&order=title",
    "/api/v2/search/?q=officials&locale=nl",
    "/api/v2/images/",
    "/api/v2/topics/",
    "/api/v2/media-contacts/",
]


@pytest.mark.django_db
def test_listings_cost_the_same_for_one_item_as_for_the_maximum(
    home_page, locales, api, django_assert_max_num_queries
):
    build_site(home_page, locales, articles=4)
    ImageFactory.create_batch(3)
    run_on_commit_work()  # as if committed: the search entries are written after the commit
    api.get("/api/v2/locales/")  # warm Django's content type cache, as a running server has
    for url in MIXED_TYPES:
        for limit in (1, 100):
            with django_assert_max_num_queries(MAX_QUERIES):
                assert api.get(f"{url}&limit={limit}").status_code == 200
    for url in ENDPOINTS:
        counts = []
        for limit in (1, 100):
            with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(MAX_QUERIES):
                response = api.get(f"{url}&limit={limit}" if "?" in url else f"{url}?limit={limit}")
            assert response.status_code == 200
            counts.append((len(response.json()["items"]), len(queries)))
        (few, few_queries), (many, many_queries) = counts
        assert few == 1 and many > 1, url
        assert many_queries == few_queries, url
    for url in [
        "/api/v2/navigation/?locale=fr",
        "/api/v2/locales/",
        "/api/v2/sitemap/",
        "/api/v2/sitemap/?locale=fr",
        "/api/v2/changes/?limit=1000",
    ]:
        with django_assert_max_num_queries(6):
            assert api.get(url).status_code == 200


@pytest.mark.django_db
def test_the_benchmarked_french_article_and_listing_cost_few_queries(
    home_page, locales, api, django_assert_max_num_queries
):
    """The endpoints compared with other CMSs: pinned so that a query per field cannot creep back.

    Both start with one query for the locales and the page and collection restrictions. The
    article with every field: then the page's id and type, its row, topics and contacts each
    with their snippets, related rows, the linked pages' translation keys, then those pages and
    their versions (two indexed queries: one with a subquery made PostgreSQL scan every page),
    images, translation state. The listing: count (of Wagtail's page rows alone), the slice's
    ids (sorted without the rows' text), the slice's rows, topics with their snippets, images.
    """
    site = build_site(home_page, locales, articles=2)
    api.get("/api/v2/locales/")  # warm Django's content type cache, as a running server has
    french = site["articles"][0].get_translation(locales["fr"])
    with django_assert_max_num_queries(10):
        assert api.get(f"/api/v2/pages/{french.pk}/").status_code == 200
    listing = "/api/v2/pages/?type=news.NewsArticlePage&locale=fr"
    fields = "publication_date,lead,lead_image,topics"
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(6):
        assert len(api.get(f"{listing}&fields={fields}").json()["items"]) == 2
    (count,) = [query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"]]
    assert "news_newsarticlepage" not in count  # the articles' table adds nothing to a count but a join


@pytest.mark.django_db
def test_responses_are_compact_json(home_page, locales, api):
    """No indentation: an indented dump bypasses the C JSON encoder and grows the body by two thirds."""
    build_site(home_page, locales)
    response = api.get("/api/v2/pages/?locale=fr")
    assert response.status_code == 200
    # A newline inside a JSON string is escaped: a raw one can only be indentation.
    assert b"\n" not in response.content
