"""The translation state of each page: its source language, the share translated, outdated."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


@pytest.fixture(autouse=True)
def stored_pages(settings):
    """The translation state is measured on every answer, also when the rest is stored."""
    settings.API_STORED_PAGES = True


def version(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def state_of(api, page):
    response = api.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()["translation_state"]


@pytest.mark.django_db
def test_source_translation_and_alias(site, api):
    about = site["about"]
    english = state_of(api, about)
    assert english["source_locale"] == "en" and english["is_source"] is True
    assert english["segments"] > 3 and english["translated_share"] == 1.0 and english["outdated"] is False

    french = state_of(api, version(about, "fr"))
    assert french == {
        "source_locale": "en",
        "is_source": False,
        "segments": english["segments"],
        "translated_segments": english["segments"],
        "translated_share": 1.0,
        "outdated": False,
    }

    dutch_alias = state_of(api, version(about, "nl"))
    assert dutch_alias["translated_segments"] == 0 and dutch_alias["translated_share"] == 0.0
    assert dutch_alias["outdated"] is False and dutch_alias["is_source"] is False


@pytest.mark.django_db
def test_an_english_change_makes_the_translation_outdated_then_partly_translated(site, api):
    about = site["about"].specific
    about.title = "About the office"
    about.save_revision().publish()

    french = state_of(api, version(about, "fr"))
    assert french["outdated"] is True
    assert french["translated_share"] == 1.0  # still measured against the strings last synchronised

    # A translator synchronises ("Sync translated pages"): the new title is still to translate.
    TranslationSource.update_or_create_from_instance(about)
    french = state_of(api, version(about, "fr"))
    assert french["outdated"] is False
    assert french["translated_segments"] == french["segments"] - 1
    assert french["translated_share"] == round((french["segments"] - 1) / french["segments"], 3)


@pytest.mark.django_db
def test_a_stored_answer_measures_what_a_listing_measures_in_every_state(site, api):
    """A stored detail measures its state in the page's own statement (cms.api.stored_pages);
    a listing, in one query for all its pages. Both give the same state for every page."""
    about = site["about"].specific
    about.title = "About the office"
    about.save_revision().publish()  # French "about": outdated
    dutch_who = version(site["who"], "nl")
    TranslationSource.objects.filter(object_id=dutch_who.translation_key).delete()  # as if translated by hand

    listing = api.get("/api/v2/pages/?fields=translation_state&limit=100").json()
    by_listing = {item["id"]: item["translation_state"] for item in listing["items"]}
    states = set()
    for page_id, expected in by_listing.items():
        api.get(f"/api/v2/pages/{page_id}/")  # rendered, then stored
        assert state_of(api, Page.objects.get(pk=page_id)) == expected, page_id
        states.add((expected["is_source"], expected["outdated"], expected["segments"] is None))
    # Sources, translations, an outdated one, one with nothing to measure against.
    assert {(True, False, False), (False, False, False), (False, True, False), (False, False, True)} <= states
