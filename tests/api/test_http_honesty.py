"""API responses vary only by Origin, name the content's language, and ignore who asks."""

import pytest

FRENCH_ABOUT = "/api/v2/pages/find/?path=/fr/qui-sommes-nous/a-propos/"


def vary(response):
    return [part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()]


@pytest.mark.django_db
def test_vary_is_origin_only_and_the_same_on_every_response_of_a_url(site, client):
    urls = [FRENCH_ABOUT, "/api/v2/pages/?locale=fr", "/api/v2/navigation/?locale=nl", "/api/v2/images/"]
    for url in urls:
        first = client.get(url, HTTP_ACCEPT_LANGUAGE="nl", HTTP_ORIGIN="http://localhost:3000")
        again = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        assert first.status_code == again.status_code == 200
        assert vary(first) == vary(again) == ["origin"], url
        assert first.content == again.content


@pytest.mark.django_db
def test_content_language_is_the_language_of_the_content(site, client):
    french = client.get(FRENCH_ABOUT, HTTP_ACCEPT_LANGUAGE="en")
    assert french["Content-Language"] == "fr"
    # Served again from the response cache: the same header.
    assert client.get(FRENCH_ABOUT, HTTP_ACCEPT_LANGUAGE="nl")["Content-Language"] == "fr"
    # The Dutch alias shows English text.
    alias = client.get("/api/v2/pages/find/?path=/nl/wie-we-zijn/about/", HTTP_ACCEPT_LANGUAGE="nl")
    assert alias["Content-Language"] == "en"
    assert client.get("/api/v2/navigation/?locale=nl")["Content-Language"] == "nl"
    # Images have no language of their own.
    assert not client.get("/api/v2/images/", HTTP_ACCEPT_LANGUAGE="fr").has_header("Content-Language")


@pytest.mark.django_db
def test_a_logged_in_session_or_language_cookie_changes_nothing(site, client, admin_user):
    anonymous = client.get(FRENCH_ABOUT + "&fields=title", HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(admin_user)
    client.cookies["django_language"] = "nl"
    logged_in = client.get(FRENCH_ABOUT + "&fields=title", HTTP_ACCEPT_LANGUAGE="nl")
    assert logged_in.content == anonymous.content
    assert vary(logged_in) == ["origin"]
    assert "Set-Cookie" not in logged_in.headers
    # Error messages do not follow the browser's language either.
    error = client.get("/api/v2/pages/999999/", HTTP_ACCEPT_LANGUAGE="fr")
    assert error.status_code == 404 and vary(error) == ["origin"]
    assert not error.has_header("Content-Language")
