"""Renames and moves in the admin keep every language reachable through ``pages/find/``."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from tests.factories import SectionPageFactory
from tests.publishing.test_untranslated_never_live import BOUNDARY_PUT, in_locale
from tests.sites import FRENCH, translator
from tests.test_admin_forms import publish, section_fields
from translation.localization import translate_object


def find(path):
    return APIClient().get("/api/v2/pages/find/", {"path": path})


def redirected_to(path):
    response = find(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.json()["redirect"]["path"]


def rename_in_admin(client, page, slug):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, publish(section_fields(title=page.title, slug=slug)))
    assert response.status_code == 302, response.context and response.context["form"].errors


@pytest.mark.django_db
def test_renaming_an_english_page_redirects_its_frontend_path_and_its_descendants(
    admin_client, site, committed
):
    committed(lambda: rename_in_admin(admin_client, site["about"], "about-us"))
    assert find("/en/who-we-are/about-us/").status_code == 200
    assert redirected_to("/en/who-we-are/about/") == "/en/who-we-are/about-us/"

    committed(lambda: rename_in_admin(admin_client, site["who"], "who"))
    assert redirected_to("/en/who-we-are/") == "/en/who/"
    assert redirected_to("/en/who-we-are/about-us/") == "/en/who/about-us/"


@pytest.mark.django_db
def test_renaming_a_french_page_in_the_translation_editor_redirects_the_old_french_path(
    admin_client, site, committed
):
    about = site["about"]
    french = in_locale(about, "fr")
    assert find("/fr/qui-sommes-nous/a-propos/").status_code == 200
    translation = Translation.objects.get(
        source__object_id=about.translation_key, target_locale=french.locale
    )
    slug = StringSegment.objects.get(source=translation.source, context__path="slug")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, slug.pk])
    assert admin_client.put(url, *BOUNDARY_PUT({"value": "notre-bureau"})).status_code == 200
    editor = reverse("wagtailadmin_pages:edit", args=[french.pk])
    committed(lambda: admin_client.post(editor, {"action": "publish"}))

    assert find("/fr/qui-sommes-nous/notre-bureau/").status_code == 200
    assert redirected_to("/fr/qui-sommes-nous/a-propos/") == "/fr/qui-sommes-nous/notre-bureau/"


@pytest.mark.django_db
def test_moving_an_english_page_moves_its_translations_and_aliases_and_redirects_every_language(
    admin_client, site, locales, committed
):
    take_action = SectionPageFactory(parent=site["home"], title="Take action", slug="take-action")
    translate_object(take_action, locales["fr"], translator(FRENCH, "fr"))  # no Dutch version yet
    about = site["about"]

    url = reverse("wagtailadmin_pages:move_confirm", args=[about.pk, take_action.pk])
    assert committed(lambda: admin_client.post(url)).status_code == 302

    for code in ("en", "fr", "nl"):
        parent = in_locale(about, code).get_parent()
        assert parent.translation_key == take_action.translation_key, code
    dutch_parent = Page.objects.get(translation_key=take_action.translation_key, locale=locales["nl"])
    assert dutch_parent.alias_of_id == take_action.pk  # the Dutch tree got the fallback of the new parent

    assert redirected_to("/en/who-we-are/about/") == "/en/take-action/about/"
    assert redirected_to("/fr/qui-sommes-nous/a-propos/") == "/fr/fr-take-action/a-propos/"
    assert redirected_to("/nl/wie-we-zijn/about/") == "/nl/take-action/about/"
