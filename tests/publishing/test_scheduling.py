"""Scheduled publishing and expiry, as Wagtail's editor sets them, in every API endpoint."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from home.models import SectionPage
from news.models import NewsArticlePage


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def shown_everywhere(page, path, code):
    """Where a frontend could meet the page: detail, find, its parent's listing, navigation, search."""
    api = APIClient()
    listing = api.get("/api/v2/pages/", {"child_of": page.get_parent().pk}).json()["items"]
    navigation = api.get("/api/v2/navigation/", {"locale": code}).json()
    search = api.get("/api/v2/search/", {"q": page.title, "locale": code}).json()["items"]
    return {
        "detail": api.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
        "find": api.get("/api/v2/pages/find/", {"path": path}).status_code == 200,
        "listing": page.pk in [item["id"] for item in listing],
        "navigation": page.pk in [item["id"] for item in navigation["items"]],
        "search": page.pk in [item["id"] for item in search],
    }


NOWHERE = dict.fromkeys(["detail", "find", "listing", "navigation", "search"], False)
EVERYWHERE = dict.fromkeys(NOWHERE, True)


@pytest.mark.django_db
def test_a_page_scheduled_to_go_live_is_absent_until_the_moment(site, committed):
    go_live_at = timezone.now() + timedelta(hours=3)
    page = SectionPage(title="Annual report", slug="annual-report", live=False, show_in_menus=True)
    site["home"].add_child(instance=page)
    page.go_live_at = go_live_at
    page.save_revision().publish()

    assert shown_everywhere(page, "/en/annual-report/", "en") == NOWHERE
    with at(go_live_at + timedelta(minutes=1)):
        # Not yet published by the command: still absent, even after the moment.
        assert shown_everywhere(page, "/en/annual-report/", "en") == NOWHERE
        # Committed, as the command's publish is: search entries are written after the commit.
        committed(lambda: call_command("publish_scheduled", verbosity=0))
        assert shown_everywhere(page, "/en/annual-report/", "en") == EVERYWHERE


@pytest.mark.django_db
def test_an_expiring_page_disappears_at_expiry_even_before_the_command_runs(site, committed):
    expire_at = timezone.now() + timedelta(hours=3)
    page = SectionPage(title="Call for tenders", slug="call-for-tenders", show_in_menus=True)
    site["home"].add_child(instance=page)
    page.expire_at = expire_at
    committed(lambda: page.save_revision().publish())

    assert shown_everywhere(page, "/en/call-for-tenders/", "en") == EVERYWHERE
    with at(expire_at + timedelta(minutes=1)):
        assert shown_everywhere(page, "/en/call-for-tenders/", "en") == NOWHERE
        call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        assert page.expired and not page.live
        assert shown_everywhere(page, "/en/call-for-tenders/", "en") == NOWHERE


@pytest.mark.django_db
def test_a_scheduled_revision_of_a_live_page_keeps_the_live_version_until_the_moment(site):
    article = NewsArticlePage.objects.get(pk=site["articles"][0].pk)  # fresh, as the editor opens it
    go_live_at = timezone.now() + timedelta(hours=1)
    article.title = "Story 0, updated"
    article.go_live_at = go_live_at
    article.save_revision().publish()
    api = APIClient()

    assert api.get(f"/api/v2/pages/{article.pk}/").json()["title"] == "Story 0"
    with at(go_live_at + timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
        assert api.get(f"/api/v2/pages/{article.pk}/").json()["title"] == "Story 0, updated"


@pytest.mark.django_db
def test_a_scheduled_french_translation_is_not_listed_among_the_english_pages_translations(site, locales):
    article = site["articles"][0]
    french = article.get_translation(locales["fr"])
    french.unpublish()
    french.go_live_at = timezone.now() + timedelta(hours=1)
    french.save_revision().publish()

    english = APIClient().get(f"/api/v2/pages/{article.pk}/").json()
    assert [translation["locale"] for translation in english["translations"]] == ["en", "nl"]
