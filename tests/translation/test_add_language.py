"""A fourth language in one step: CONTENT_LANGUAGES plus ``manage.py add_language de``."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import GroupPagePermission, Locale, Page

from translation.roles import all_roles

GERMAN = [("en", "English"), ("fr", "French"), ("nl", "Dutch"), ("de", "German")]


@pytest.fixture
def with_german(settings):
    """What CONTENT_LANGUAGES=en,fr,nl,de gives the settings."""
    settings.CONTENT_LANGUAGES = [code for code, _name in GERMAN]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = settings.WAGTAILADMIN_PERMITTED_LANGUAGES = (
        GERMAN
    )
    return settings


def add_german(capture=None):
    out = io.StringIO()
    if capture is None:
        call_command("add_language", "de", stdout=out)
        return out.getvalue()
    # The synchronisation is queued on commit, as in a real run of the command.
    with capture(execute=True):
        call_command("add_language", "de", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_language_must_be_configured_first(home_page):
    with pytest.raises(CommandError, match="not in CONTENT_LANGUAGES"):
        add_german()
    assert not Locale.objects.filter(language_code="de").exists()
    with pytest.raises(CommandError, match="is the source language"):
        call_command("add_language", "en", stdout=io.StringIO())


@pytest.fixture
def german_site(site, with_german, roles, django_capture_on_commit_callbacks):
    """The shared trilingual site, then German added to it as an operator would."""
    output = add_german(django_capture_on_commit_callbacks)
    return site, output


@pytest.mark.django_db
def test_add_language_creates_the_synchronised_tree_and_the_group(
    german_site, django_capture_on_commit_callbacks
):
    site, output = german_site
    german = Locale.objects.get(language_code="de")
    assert "Locale created: de" in output and "Group ready: German translators" in output

    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    german_pages = Page.objects.filter(locale=german)
    assert german_pages.count() == english_pages.count()
    assert all(page.alias_of_id for page in german_pages)

    group = Group.objects.get(name="German translators")
    grants = GroupPagePermission.objects.filter(group=group)
    assert {grant.page.locale.language_code for grant in grants} == {"de"}
    assert "German translators" in [role.name for role in all_roles()]

    again = add_german(django_capture_on_commit_callbacks)
    assert "Locale exists: de" in again
    assert Page.objects.filter(locale=german).count() == german_pages.count()


@pytest.mark.django_db
def test_the_api_serves_german(german_site):
    site, _output = german_site
    api = APIClient()
    locales = api.get("/api/v2/locales/").json()
    codes = [item["code"] if "code" in item else item.get("locale") for item in locales["items"]]
    assert "de" in codes

    pages = api.get("/api/v2/pages/?locale=de&fields=_,is_fallback,translation_state,path").json()["items"]
    assert pages and all(item["is_fallback"] for item in pages)
    assert all(item["path"].startswith("/de/") for item in pages)
    assert all(item["translation_state"]["translated_share"] in (0.0, None) for item in pages)
    about = next(item for item in pages if item["path"].endswith("/about/"))
    assert api.get("/api/v2/pages/find/", {"path": about["path"]}).status_code == 200
    assert api.get("/api/v2/navigation/?locale=de").status_code == 200
    assert api.get("/api/v2/search/?q=story&locale=de").status_code == 200
    english_about = api.get(f"/api/v2/pages/{site['about'].pk}/").json()
    assert "de" in [item["locale"] for item in english_about["translations"]]


@pytest.mark.django_db
def test_status_po_and_xliff_include_german(german_site, tmp_path):
    out = io.StringIO()
    call_command("translation_status", locale="de", stdout=out)
    assert out.getvalue().startswith("Per locale\nde: 0.0%")

    call_command("export_xliff", locale="de", output=str(tmp_path / "xliff"), stdout=io.StringIO())
    first = sorted((tmp_path / "xliff").glob("*.xlf"))[0]
    assert first.name.startswith("de-") and 'target-language="de"' in first.read_text()
    call_command("export_po", locale="de", output=str(tmp_path / "po"), stdout=io.StringIO())
    assert sorted((tmp_path / "po").glob("de-*.po"))


@pytest.mark.django_db
def test_a_german_translator_works_in_german_only(german_site, django_user_model):
    site, _output = german_site
    user = django_user_model.objects.create_user("translator-de", "de@example.org", "password")
    user.groups.add(Group.objects.get(name="German translators"))
    client = Client()
    client.force_login(user)
    german_about = Page.objects.get(translation_key=site["about"].translation_key, locale__language_code="de")
    french_about = Page.objects.get(translation_key=site["about"].translation_key, locale__language_code="fr")

    assert client.get(reverse("wagtailadmin_pages:edit", args=[german_about.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french_about.pk])).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=[site["about"].pk])).status_code == 302
