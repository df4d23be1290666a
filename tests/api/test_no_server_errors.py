"""Whatever a client sends, the API answers 4xx with a message, never 500 (issue 11)."""

import pytest

from cms.api.validation import MAX_INTEGER, SEARCH_MAX_CHARACTERS, SEARCH_MAX_WORDS

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/1/",
    "/api/v2/pages/find/?path=/en/",
    "/api/v2/images/",
    "/api/v2/images/1/",
    "/api/v2/navigation/",
    "/api/v2/topics/",
    "/api/v2/media-contacts/",
    "/api/v2/locales/",
    "/api/v2/search/?q=story",
    "/api/v2/openapi.json",
    "/api/v2/preview/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unsupported_methods_are_405_with_allow(api, url, method):
    response = getattr(api, method)(url)
    assert response.status_code == 405
    allowed = {name.strip() for name in response["Allow"].split(",")}
    assert "GET" in allowed
    assert method.upper() not in allowed


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
def test_options_is_answered(api, url):
    response = api.options(url)
    assert response.status_code == 200
    assert "GET" in response["Allow"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/search/"])
def test_cors_preflight_reaches_every_endpoint(client, url):
    from django.conf import settings

    origin = settings.CORS_ALLOWED_ORIGINS[0]
    response = client.options(url, HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == origin


HUGE = str(2**63)
HUGER = "9" * 40

OUT_OF_RANGE = [
    f"/api/v2/pages/?offset={HUGE}",
    f"/api/v2/pages/?offset={HUGER}",
    f"/api/v2/pages/?limit={HUGE}",
    f"/api/v2/images/?offset={HUGE}",
    f"/api/v2/topics/?offset={HUGE}",
    f"/api/v2/media-contacts/?offset={HUGE}",
    f"/api/v2/search/?q=story&offset={HUGE}",
    f"/api/v2/pages/?child_of={HUGE}",
    f"/api/v2/pages/?descendant_of={HUGE}",
    f"/api/v2/pages/?offset={MAX_INTEGER + 1}",
    f"/api/v2/pages/{HUGE}/",
    f"/api/v2/images/{HUGE}/",
    f"/api/v2/pages/{MAX_INTEGER + 1}/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", OUT_OF_RANGE)
def test_integers_out_of_range_are_400(api, url):
    response = api.get(url)
    assert response.status_code == 400
    assert "between" in response.json()["message"]


@pytest.mark.django_db
def test_the_largest_allowed_offset_is_an_empty_page(api, site):
    response = api.get(f"/api/v2/pages/?offset={MAX_INTEGER}")
    assert response.status_code == 200
    assert response.json()["items"] == []


CONTROL_CHARACTERS = ["%01", "%0A", "%1F", "%7F", "%C2%85"]
PARAMETERS = [
    "/api/v2/pages/find/?path=/en/{bad}",
    "/api/v2/search/?q=story{bad}",
    "/api/v2/pages/?topic=climate{bad}",
    "/api/v2/pages/?locale=fr{bad}",
    "/api/v2/pages/?type=news.NewsArticlePage{bad}",
    "/api/v2/pages/?order=title{bad}",
    "/api/v2/pages/?fields=title{bad}",
    "/api/v2/topics/?locale={bad}",
    "/api/v2/navigation/?locale=en{bad}",
    "/api/v2/pages/?{bad}=1",
    "/api/v2/preview/?token=abc{bad}",
]


# (request, what the message names): NUL and invalid UTF-8 in every parameter, the other
# control characters in a path and a search.
MALFORMED_TEXT = (
    [(url.format(bad="%00"), "control character") for url in PARAMETERS]
    + [(url.format(bad=bad), "control character") for url in PARAMETERS[:2] for bad in CONTROL_CHARACTERS]
    + [(url.format(bad="%FF%FE"), "UTF-8") for url in PARAMETERS]
)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "named"), MALFORMED_TEXT)
def test_malformed_text_is_400_naming_what_is_wrong(api, url, named):
    response = api.get(url)
    assert response.status_code == 400
    assert named in response.json()["message"]


@pytest.mark.django_db
def test_accented_text_is_still_accepted(api, site):
    response = api.get("/api/v2/search/?q=%C3%A0%20propos&locale=fr")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        " ".join(["story"] * (SEARCH_MAX_WORDS + 1)),
        " ".join(["word"] * 300),
        "a" * (SEARCH_MAX_CHARACTERS + 1),
    ],
)
def test_long_searches_are_400_with_the_limit(api, query):
    response = api.get("/api/v2/search/", {"q": query})
    assert response.status_code == 400
    message = response.json()["message"]
    assert str(SEARCH_MAX_WORDS) in message or str(SEARCH_MAX_CHARACTERS) in message


@pytest.mark.django_db
def test_a_search_at_the_word_limit_answers(api, site):
    query = " ".join(["story"] * SEARCH_MAX_WORDS)
    response = api.get("/api/v2/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        "title(" * 2000 + ")" * 2000,
        ",".join(["title"] * 5000),
        "-" * 5000,
    ],
)
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/pages/find/?path=/en/", "/api/v2/search/?q=x"])
def test_huge_fields_expressions_are_400(api, url, fields):
    separator = "&" if "?" in url else "?"
    response = api.get(f"{url}{separator}fields={fields}")
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/api/v2/pages/?type=", "/api/v2/pages/?fields=", "/api/v2/pages/?limit", "/api/v2/topics/?locale="],
)
def test_a_parameter_without_a_value_is_400(api, url):
    response = api.get(url)
    assert response.status_code == 400
    assert "value is required" in response.json()["message"]
