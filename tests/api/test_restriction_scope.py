"""A view restriction on one language's copy hides that copy and its descendants, nothing else (issue 11)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

KINDS = [BaseViewRestriction.PASSWORD, BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS]
CODES = ["en", "fr", "nl"]
WHO_PATHS = {"en": "/en/who-we-are/", "fr": "/fr/qui-sommes-nous/", "nl": "/nl/wie-we-zijn/"}


def copies(page, locales):
    pages = Page.objects.filter(translation_key=page.translation_key)
    return {code: pages.get(locale=locales[code]) for code in CODES}


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.create(name="Staff"))


def listed_ids(api, code):
    body = api.get("/api/v2/pages/", {"locale": code, "limit": 100}).json()
    return {item["id"] for item in body["items"]}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("restricted", CODES)
def test_restricting_one_language_hides_that_language_only(api, site, locales, kind, restricted):
    who = copies(site["who"], locales)
    about = copies(site["about"], locales)  # French: a translation; Dutch: an alias of English
    restrict(who[restricted], kind)

    for code in CODES:
        # The restricted copy and everything below it, in its own tree.
        hidden = code == restricted or (code == "nl" and restricted == "en")
        assert (api.get(f"/api/v2/pages/{who[code].pk}/").status_code == 404) is (code == restricted)
        assert (api.get("/api/v2/pages/find/", {"path": WHO_PATHS[code]}).status_code == 404) is (
            code == restricted
        )
        assert (who[code].pk in listed_ids(api, code)) is (code != restricted)
        assert (api.get(f"/api/v2/pages/{about[code].pk}/").status_code == 404) is hidden
        navigation = api.get("/api/v2/navigation/", {"locale": code}).json()
        in_menu = [item["id"] for item in navigation["items"]]
        if who[code].show_in_menus:
            assert (who[code].pk in in_menu) is (code != restricted)

    # The other languages still list each other as translations, without the restricted copy.
    for code in CODES:
        if code == restricted:
            continue
        translations = api.get(f"/api/v2/pages/{who[code].pk}/").json()["translations"]
        assert {item["locale"] for item in translations} == set(CODES) - {restricted}


@pytest.mark.django_db
def test_a_translator_restricting_the_dutch_copy_in_the_admin_leaves_english_online(
    api, site, locales, admin_client
):
    who = copies(site["who"], locales)
    response = admin_client.post(
        f"/admin/pages/{who['nl'].pk}/privacy/", {"restriction_type": "login", "password": "", "groups": []}
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=who["nl"]).exists()
    assert api.get(f"/api/v2/pages/{who['nl'].pk}/").status_code == 404
    assert api.get(f"/api/v2/pages/{who['en'].pk}/").status_code == 200
    assert api.get(f"/api/v2/pages/{who['fr'].pk}/").status_code == 200
