"""The OpenAPI document describes every endpoint, and real responses match it."""

import pytest

from tests.api.schema_validation import errors, response_schema

ENDPOINTS = {
    "/api/v2/pages/": [
        "/api/v2/pages/",
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/pages/?type=news.NewsArticlePage&fields=*",
    ],
    "/api/v2/pages/{id}/": [
        "/api/v2/pages/{article}/",
        "/api/v2/pages/{about}/",
        "/api/v2/pages/{home}/",
        "/api/v2/pages/{news}/",
    ],
    "/api/v2/pages/find/": [
        "/api/v2/pages/find/?path=/fr/qui-sommes-nous/a-propos/",
        "/api/v2/pages/find/?path=/nl/wie-we-zijn/about/",
    ],
    "/api/v2/images/": [
        "/api/v2/images/",
    ],
    "/api/v2/images/{id}/": [
        "/api/v2/images/{image}/",
    ],
    "/api/v2/navigation/": [
        "/api/v2/navigation/?locale=fr",
    ],
    "/api/v2/topics/": [
        "/api/v2/topics/?locale=nl",
    ],
    "/api/v2/media-contacts/": [
        "/api/v2/media-contacts/?locale=fr",
    ],
    "/api/v2/locales/": [
        "/api/v2/locales/",
    ],
    "/api/v2/changes/": [
        "/api/v2/changes/?since=0&limit=1000",
    ],
    "/api/v2/sitemap/": [
        "/api/v2/sitemap/",
        "/api/v2/sitemap/?locale=nl",
    ],
    "/api/v2/search/": [
        "/api/v2/search/?q=story&locale=fr&fields=*",
    ],
}  # fmt: skip


@pytest.mark.django_db
def test_every_endpoint_is_documented_and_its_real_responses_match_the_schema(site, api):
    document = api.get("/api/v2/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == set(ENDPOINTS) | {"/api/v2/preview/"}
    ids = {
        "article": site["articles"][0].pk, "about": site["about"].pk, "home": site["home"].pk,
        "news": site["news"].pk, "image": site["image"].pk,
    }  # fmt: skip
    for template, urls in ENDPOINTS.items():
        for url in urls:
            response = api.get(url.format(**ids))
            assert response.status_code == 200, url
            assert errors(response_schema(document, template), response.json(), document) == [], url
    draft = site["articles"][0].get_latest_revision_as_object()
    draft.title = "A draft title"
    preview = api.get("/api/v2/preview/", {"token": draft.create_page_preview().token})
    assert preview.json()["title"] == "A draft title"
    assert errors(response_schema(document, "/api/v2/preview/"), preview.json(), document) == []
    forged = api.get("/api/v2/preview/", {"token": "id=1:forged"})
    assert forged.status_code == 403
    assert errors(response_schema(document, "/api/v2/preview/", "403"), forged.json(), document) == []
    not_found = api.get("/api/v2/pages/find/?path=/fr/nulle-part/")
    assert errors(response_schema(document, "/api/v2/pages/find/", "404"), not_found.json(), document) == []


def test_the_validator_rejects_a_wrong_shape():
    document = {"components": {"schemas": {"A": {"type": "object", "required": ["id"], "properties": {}}}}}
    assert errors({"$ref": "#/components/schemas/A"}, {"name": "x"}, document) == ["$: missing id"]
    assert errors({"type": "integer"}, True, document)
