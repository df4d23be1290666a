"""Invalid parameters are 400 JSON, missing objects 404 JSON; caching and CORS headers."""

import pytest
from django.conf import settings

BAD_REQUESTS = [
    "/api/v2/pages/?fields=nope",
    "/api/v2/pages/?fields=title(id)",
    "/api/v2/pages/?locale=de",
    "/api/v2/pages/?limit=0",
    "/api/v2/pages/?limit=101",
    "/api/v2/pages/?limit=many",
    "/api/v2/pages/?offset=-1",
    "/api/v2/pages/?type=news.Nope",
    "/api/v2/pages/?type=wagtailcore.Page",
    "/api/v2/pages/?order=slug",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?colour=red",
    "/api/v2/pages/find/",
    "/api/v2/pages/find/?path=fr/",
    "/api/v2/topics/?locale=xx",
    "/api/v2/media-contacts/?limit=1000",
    "/api/v2/navigation/?locale=de",
    "/api/v2/search/?locale=fr",
    "/api/v2/search/?q=x&locale=zz",
    "/api/v2/images/?fields=title",
    "/api/v2/locales/?all=1",
    "/api/v2/pages/abc/",
    "/api/v2/pages/-3/",
    "/api/v2/images/1.5/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_invalid_parameters_are_400_with_a_message(api, url):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/999999/",
        "/api/v2/pages/?descendant_of=999999",
        "/api/v2/pages/?child_of=999999",
        "/api/v2/pages/?topic=no-such-topic",
        "/api/v2/images/999999/",
        "/api/v2/pages/find/?path=/xx/",
        "/api/v2/nothing-here/",
        "/api/v3/pages/",
    ],
)
def test_missing_objects_are_404_json(api, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.django_db
def test_responses_are_cacheable_and_a_conditional_request_answers_304(api):
    response = api.get("/api/v2/locales/")
    assert response.status_code == 200
    assert f"max-age={settings.API_CACHE_MAX_AGE}" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    again = api.get("/api/v2/locales/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert api.get("/api/v2/locales/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.django_db
def test_cors_lets_the_frontend_read_and_refuses_other_origins(client):
    origin = settings.CORS_ALLOWED_ORIGINS[0]
    allowed = client.get("/api/v2/locales/", HTTP_ORIGIN=origin)
    assert allowed["Access-Control-Allow-Origin"] == origin
    assert "Access-Control-Allow-Credentials" not in allowed
    preflight = client.options(
        "/api/v2/locales/", HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    refused = client.get("/api/v2/locales/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in refused
    assert "Access-Control-Allow-Origin" not in client.get("/admin/login/", HTTP_ORIGIN=origin)
