"""Pages as a frontend renders them: localised links, translations, fallback, and what never leaks."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.models import SectionPage


def find(api, path):
    return api.get("/api/v2/pages/find/", {"path": path})


@pytest.mark.django_db
def test_french_and_dutch_pages_found_by_path_link_within_their_language(site, api):
    french = find(api, "/fr/qui-sommes-nous/a-propos/").json()
    assert (french["locale"], french["content_locale"], french["is_fallback"]) == ("fr", "fr", False)
    paragraph = next(block["value"] for block in french["body"] if block["type"] == "paragraph")
    assert f'href="{settings.FRONTEND_BASE_URL}/fr/actualites/"' in paragraph
    assert "linktype" not in paragraph
    cta = next(block["value"] for block in french["body"] if block["type"] == "call_to_action")
    assert cta["page"]["path"] == "/fr/qui-sommes-nous/"
    image = next(block["value"]["image"] for block in french["body"] if block["type"] == "image")
    assert image["alt"].startswith("FR ")

    article = find(api, "/nl/nieuws/nl-story-0/").json()
    assert 'href="' + settings.FRONTEND_BASE_URL + '/nl/wie-we-zijn/"' in article["editors_note"]
    assert [topic["name"] for topic in article["topics"]] == ["Klimaat"]
    assert article["media_contacts"][0]["role"] == "Woordvoerder"
    assert article["lead_image"]["alt"].startswith("NL ")


@pytest.mark.django_db
def test_translations_list_every_language_and_an_alias_says_it_is_english(site, api):
    english = api.get(f"/api/v2/pages/{site['about'].pk}/").json()
    assert [(t["locale"], t["path"], t["is_fallback"]) for t in english["translations"]] == [
        ("en", "/en/who-we-are/about/", False),
        ("fr", "/fr/qui-sommes-nous/a-propos/", False),
        ("nl", "/nl/wie-we-zijn/about/", True),
    ]
    dutch = find(api, "/nl/wie-we-zijn/about/").json()
    assert (dutch["locale"], dutch["content_locale"], dutch["is_fallback"]) == ("nl", "en", True)
    assert dutch["title"] == "About"
    paragraph = next(block["value"] for block in dutch["body"] if block["type"] == "paragraph")
    assert "/nl/nieuws/" in paragraph


@pytest.mark.django_db
def test_unknown_path_is_a_json_404_and_a_redirect_is_reported(site, api):
    from wagtail.contrib.redirects.models import Redirect

    response = find(api, "/fr/nulle-part/")
    assert response.status_code == 404 and "message" in response.json()
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/fr/ancien/"), redirect_page=site["who"], is_permanent=True
    )
    redirect = find(api, "/fr/ancien/").json()["redirect"]
    # The editor chose the English page; a French reader lands on its French version.
    assert redirect["path"] == "/fr/qui-sommes-nous/"
    assert redirect["location"] == "http://localhost:3000/fr/qui-sommes-nous/"
    assert (redirect["is_permanent"], redirect["status_code"]) == (True, 301)
    Redirect.objects.create(old_path=Redirect.normalise_path("/old/"), redirect_page=site["who"])
    assert find(api, "/old/").json()["redirect"]["path"] == "/en/who-we-are/"


def all_visible_ids(api):
    return {item["id"] for item in api.get("/api/v2/pages/", {"limit": 100}).json()["items"]}


@pytest.mark.django_db
def test_drafts_scheduled_expired_and_private_pages_never_appear(site, api, locales):
    who = site["who"]
    draft = SectionPage(title="Draft", slug="draft", live=False)
    who.add_child(instance=draft)
    scheduled = SectionPage(
        title="Scheduled", slug="scheduled", go_live_at=timezone.now() + timedelta(days=1)
    )
    who.add_child(instance=scheduled)
    expired = SectionPage(title="Old", slug="old", expire_at=timezone.now() - timedelta(days=1))
    who.add_child(instance=expired)
    about = site["about"]
    about.title = "Unpublished title"
    about.save_revision()
    french_about = Page.objects.get(locale=locales["fr"], translation_key=about.translation_key)
    dutch_alias = Page.objects.get(locale=locales["nl"], alias_of=about)
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="secret")  # noqa: S106

    # The Dutch alias shows the restricted English text; the French translation is its own page.
    hidden = {draft.pk, scheduled.pk, expired.pk, about.pk, dutch_alias.pk}
    visible = all_visible_ids(api)
    assert visible and not hidden & visible
    assert api.get("/api/v2/pages/", {"limit": 100}).json()["meta"]["total_count"] == len(visible)
    for page_id in hidden:
        assert api.get(f"/api/v2/pages/{page_id}/").status_code == 404
    assert find(api, "/fr/qui-sommes-nous/a-propos/").json()["id"] == french_about.pk
    assert find(api, "/en/who-we-are/about/").status_code == 404
    assert find(api, "/en/who-we-are/draft/").status_code == 404
    navigation = api.get("/api/v2/navigation/", {"locale": "en"}).json()
    assert navigation["items"][0]["children"] == []
    assert api.get("/api/v2/search/", {"q": "about", "locale": "en"}).json()["meta"]["total_count"] == 0
    who_json = api.get(f"/api/v2/pages/{who.pk}/").json()
    assert who_json["title"] == "Who we are"
    # About's link to the restricted page loses its href everywhere.
    article = api.get(f"/api/v2/pages/{site['articles'][0].pk}/").json()
    assert "Unpublished title" not in str(article)


@pytest.mark.django_db
def test_unpublished_changes_of_a_live_page_are_not_served(site, api):
    who = site["who"]
    who.title = "Draft title"
    who.save_revision()
    assert api.get(f"/api/v2/pages/{who.pk}/").json()["title"] == "Who we are"


@pytest.mark.django_db
def test_filters_by_locale_type_parent_and_topic(site, api):
    topic = site["topic"]
    by_slug = api.get("/api/v2/pages/", {"topic": "klimaat", "locale": "fr"}).json()
    by_key = api.get("/api/v2/pages/", {"topic": str(topic.translation_key), "locale": "fr"}).json()
    assert (
        [item["title"] for item in by_slug["items"]]
        == ["FR Story 0"]
        == [i["title"] for i in by_key["items"]]
    )
    children = api.get("/api/v2/pages/", {"child_of": site["who"].pk}).json()["items"]
    assert [item["id"] for item in children] == [site["about"].pk]
    news = api.get("/api/v2/pages/", {"type": "news.NewsArticlePage", "locale": "nl"}).json()["items"]
    assert {item["locale"] for item in news} == {"nl"} and {item["type"] for item in news} == {
        "news.NewsArticlePage"
    }


@pytest.mark.django_db
def test_mixed_listings_and_search_name_each_page_type_and_show_its_own_fields(site, api):
    """Without type-specific fields these read plain pages; each still says its own type."""
    mixed = api.get("/api/v2/pages/", {"locale": "fr", "limit": 50}).json()["items"]
    types = {item["title"]: item["type"] for item in mixed}
    assert types["FR Story 0"] == "news.NewsArticlePage"
    assert types["Qui sommes-nous"] == "home.SectionPage"
    found = api.get("/api/v2/search/", {"q": "Story", "locale": "fr"}).json()["items"]
    assert [item["type"] for item in found if item["title"] == "FR Story 0"] == ["news.NewsArticlePage"]
    # Asking for an article's own field reads the articles as their own type again.
    with_lead = api.get("/api/v2/search/", {"q": "Story", "locale": "fr", "fields": "lead"}).json()["items"]
    leads = [item["lead"] for item in with_lead if item["type"] == "news.NewsArticlePage"]
    assert leads and all(leads)
