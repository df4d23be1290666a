"""Deleting in the admin leaves no ghosts in the other languages."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import Page

from tests.publishing.test_untranslated_never_live import in_locale


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


@pytest.mark.django_db
def test_deleting_a_source_page_names_and_deletes_its_translations_and_aliases(admin_client, site, committed):
    about = site["about"]
    confirmation = admin_client.get(delete_url(about)).content.decode()
    assert "À propos" in confirmation and "Dutch" in confirmation

    assert committed(lambda: admin_client.post(delete_url(about))).status_code == 302
    assert not Page.objects.filter(translation_key=about.translation_key).exists()
    # No detached copy with the English title is left in the French or Dutch tree.
    assert not Page.objects.filter(title__in=["About", "À propos"]).exists()


@pytest.mark.django_db
def test_deleting_a_translation_brings_back_the_fallback(admin_client, site, committed):
    about = site["about"]
    french = in_locale(about, "fr")
    assert committed(lambda: admin_client.post(delete_url(french))).status_code == 302

    alias = in_locale(about, "fr")
    assert alias.alias_of_id == about.pk and alias.live
    served = APIClient().get("/api/v2/pages/find/", {"path": "/fr/qui-sommes-nous/about/"})
    assert served.status_code == 200
    assert (served.json()["content_locale"], served.json()["is_fallback"]) == ("en", True)
