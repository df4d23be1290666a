"""find/ serves each page under one path: every other spelling of it redirects there."""

import pytest


def find(api, path):
    return api.get("/api/v2/pages/find/", {"path": path})


def redirect_of(response):
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"redirect"}, body
    return body["redirect"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("/fr/actualites", "/fr/actualites/"),
        ("/fr//actualites/", "/fr/actualites/"),
        ("//fr/actualites//", "/fr/actualites/"),
        ("/FR/Actualites/", "/fr/actualites/"),
        ("/fr/qui-sommes-nous/A-PROPOS", "/fr/qui-sommes-nous/a-propos/"),
        ("/fr/%61ctualites/", "/fr/actualites/"),
        ("/fr/qui%2Dsommes%2dnous/", "/fr/qui-sommes-nous/"),
        ("/nl", "/nl/"),
        ("/", "/en/"),
        ("//", "/en/"),
    ],
)
def test_other_spellings_of_a_path_redirect_permanently_to_the_canonical_one(site, api, asked, canonical):
    redirect = redirect_of(find(api, asked))
    assert redirect["path"] == canonical
    assert redirect["location"].endswith(canonical)
    assert (redirect["is_permanent"], redirect["status_code"]) == (True, 301)
    # The canonical path itself is the page.
    page = find(api, canonical).json()
    assert page["path"] == canonical


@pytest.mark.django_db
def test_a_canonical_path_is_served_directly_and_unknown_spellings_stay_404(site, api):
    assert find(api, "/fr/actualites/").json()["path"] == "/fr/actualites/"
    assert find(api, "/fr/actualites-nope").status_code == 404
    assert find(api, "/XX/").status_code == 404
