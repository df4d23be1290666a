"""XLIFF download and upload in the admin, as a French translator uses them."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.factories import SectionPageFactory

from .test_xliff import french_section, section_paragraph, translate_with_toolkit  # noqa: F401 - a fixture

URL = "/admin/translation/xliff/"


@pytest.fixture
def translator_client(client, french_translator):
    client.force_login(french_translator)
    return client


@pytest.mark.django_db
def test_translator_downloads_translates_and_uploads_a_page(
    translator_client, untranslated_section, tmp_path
):
    page = untranslated_section
    assert reverse("translation_xliff") == URL
    response = translator_client.get(URL, {"locale": "fr", "version": "2.1", "page": page.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xliff+xml"
    name = response["Content-Disposition"].split('filename="')[1].rstrip('"')
    assert name.startswith("fr-sectionpage-our-work-") and name.endswith(".xlf")
    path = tmp_path / name
    path.write_bytes(response.content)
    translate_with_toolkit(path, "2.1")

    upload = SimpleUploadedFile(name, path.read_bytes(), content_type="application/xliff+xml")
    response = translator_client.post(URL, {"files": [upload], "publish": "on"})

    assert response.status_code == 302
    french = french_section(page)
    assert french.live and french.title == "FR Our work"


@pytest.mark.django_db
def test_everything_missing_comes_as_a_zip(translator_client, untranslated_section, home_page):
    SectionPageFactory(parent=home_page, title="Who we are", intro="Our mandate.")
    response = translator_client.get(URL, {"locale": "fr", "version": "1.2"})
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(BytesIO(response.content)).namelist()
    assert any("our-work" in name for name in names) and any("who-we-are" in name for name in names)


@pytest.mark.django_db
def test_translator_cannot_exchange_files_for_another_language(
    translator_client, untranslated_section, tmp_path, admin_user
):
    admin_client = Client()
    admin_client.force_login(admin_user)
    response = translator_client.get(URL, {"locale": "nl", "version": "2.1"})
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content

    download = admin_client.get(URL, {"locale": "nl", "version": "2.1", "page": untranslated_section.pk})
    path = tmp_path / "nl.xlf"
    path.write_bytes(download.content)
    translate_with_toolkit(path, "2.1", slug="nl-our-work")
    before = StringTranslation.objects.count()

    upload = SimpleUploadedFile("nl.xlf", path.read_bytes())
    response = translator_client.post(URL, {"files": [upload], "publish": "on"})

    assert response.status_code == 400
    assert "nl.xlf:1: you do not translate into &#x27;nl&#x27;" in response.content.decode()
    assert StringTranslation.objects.count() == before


@pytest.mark.django_db
def test_a_broken_upload_lists_its_problems_and_writes_nothing(translator_client, untranslated_section):
    upload = SimpleUploadedFile("broken.xlf", b"<xliff version='2.1'>")
    response = translator_client.post(URL, {"files": [upload]})
    assert response.status_code == 400
    assert "broken.xlf:1: not a readable XML file" in response.content.decode()


@pytest.mark.django_db
def test_an_english_page_offers_the_download(editor, untranslated_section, translator_client):
    editor_client = Client()
    editor_client.force_login(editor)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[untranslated_section.pk]))
    assert f"{URL}?page={untranslated_section.pk}" in response.content.decode()

    form = translator_client.get(URL, {"page": untranslated_section.pk})
    assert form.context["export_form"]["page"].value() == str(untranslated_section.pk)
    assert [locale.language_code for locale in form.context["export_form"].fields["locale"].queryset] == [
        "fr"
    ]
