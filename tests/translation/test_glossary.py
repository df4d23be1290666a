"""The glossary: kept in the admin, applied by machine translation, checked on import and in the report."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import polib
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import SectionPageFactory
from translation import glossary
from translation.localization import translate_object
from translation.models import GlossaryTerm, GlossaryTranslation

from .conftest import french

INTRO = "Guidance for editors of the country office."


@pytest.fixture
def terms(locales):
    office = GlossaryTerm.objects.create(term="country office", note="Never 'agence'.")
    GlossaryTranslation.objects.create(term=office, locale=locales["fr"], translation="bureau de pays")
    eu = GlossaryTerm.objects.create(term="EU", case_sensitive=True)
    GlossaryTranslation.objects.create(term=eu, locale=locales["fr"], translation="UE")
    return {"office": office, "eu": eu}


@pytest.fixture
def section(home_page, locales):
    translate_object(home_page, locales["fr"], french)
    return SectionPageFactory(
        parent=home_page,
        title="Our work",
        intro=INTRO,
        body=[
            (
                "paragraph",
                RichText('<p>Ask <a href="https://example.org">our Country Office</a> in the EU.</p>'),
            )
        ],
    )


def translation_for(section, locale):
    """The translation a translator opens on the French alias of ``section`` (nothing translated yet)."""
    section.copy_for_translation(locale, alias=True)
    source, _created = TranslationSource.update_or_create_from_instance(section)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


@pytest.mark.django_db
def test_editors_keep_the_glossary_and_translators_read_it(editor, french_translator, locales):
    client = Client()
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_translation_glossaryterm:add")
    data = nested_form_data(
        {
            "term": "For editors",
            "case_sensitive": "",
            "note": "The admin's name for the editorial team.",
            "translations": inline_formset(
                [{"locale": locales["fr"].pk, "translation": "Pour les rédactions"}]
            ),
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    term = GlossaryTerm.objects.get(term="For editors")
    assert [(row.locale.language_code, row.translation) for row in term.translations.all()] == [
        ("fr", "Pour les rédactions")
    ]

    translator = Client()
    translator.force_login(french_translator)
    listing = translator.get(reverse("wagtailsnippets_translation_glossaryterm:list"))
    assert listing.status_code == 200 and "For editors" in listing.content.decode()
    assert translator.post(add_url, data).status_code == 302  # refused: back to the dashboard
    assert GlossaryTerm.objects.filter(term="For editors").count() == 1


@pytest.mark.django_db
def test_the_development_translator_applies_the_glossary(client, french_translator, terms, section, locales):
    translation = translation_for(section, locales["fr"])
    client.force_login(french_translator)

    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": "/admin/", "confirm": "yes"},  # the confirmation page's button
    )

    assert response.status_code == 302
    machine = dict(
        StringTranslation.objects.filter(locale=locales["fr"]).values_list("translation_of__data", "data")
    )
    assert machine[INTRO] == "[FR machine] Guidance for editors of the bureau de pays."
    # Case-insensitive term inside a link, case-sensitive "EU" matched as written; tags kept.
    assert machine['Ask <a id="a1">our Country Office</a> in the EU.'] == (
        '[FR machine] Ask <a id="a1">our bureau de pays</a> in the UE.'
    )


def test_case_sensitive_terms_and_whole_words_only():
    eu = glossary.Entry("EU", "UE", True, "")
    office = glossary.Entry("office", "bureau", False, "")
    assert glossary.apply("The EU and the eu; EUROPE", [eu]) == "The UE and the eu; EUROPE"
    assert glossary.apply("Office &amp; offices", [office]) == "bureau &amp; offices"
    assert glossary.missing_terms("Our Office", "Notre agence", [office, eu]) == [office]
    assert glossary.missing_terms("Our Office", "Notre <b>Bureau</b>", [office]) == []


class FakeDeepL(BaseHTTPRequestHandler):
    """DeepL's glossary and translate endpoints, recording what they were sent."""

    requests = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if self.path == "/v2/glossaries":
            FakeDeepL.requests.append(("glossaries", json.loads(body)))
            answer = {"glossary_id": "glossary-1"}
        else:
            form = parse_qs(body)
            FakeDeepL.requests.append(("translate", form))
            answer = {"translations": [{"text": f"DEEPL {text}"} for text in form["text"]]}
        payload = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_deepl(settings):
    server = HTTPServer(("127.0.0.1", 0), FakeDeepL)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeDeepL.requests = []
    cache.clear()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "key:fx", "API_BASE_URL": f"http://127.0.0.1:{server.server_port}/v2"},
    }
    yield FakeDeepL.requests
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_deepl_gets_the_glossary_once_and_uses_it(
    fake_deepl, client, french_translator, terms, section, locales
):
    translation = translation_for(section, locales["fr"])
    client.force_login(french_translator)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])

    assert client.post(url, {"next": "/admin/", "confirm": "yes"}).status_code == 302

    kind, glossary_request = fake_deepl[0]
    assert kind == "glossaries"
    assert (glossary_request["source_lang"], glossary_request["target_lang"]) == ("EN", "FR")
    assert glossary_request["entries"] == "EU\tUE\ncountry office\tbureau de pays"
    assert glossary_request["entries_format"] == "tsv"
    kind, translate_request = fake_deepl[1]
    assert kind == "translate" and translate_request["glossary_id"] == ["glossary-1"]
    assert (
        StringTranslation.objects.get(locale=locales["fr"], translation_of__data=INTRO).data
        == f"DEEPL {INTRO}"
    )

    # The same glossary again: DeepL's copy is reused, not created anew.
    StringTranslation.objects.filter(locale=locales["fr"]).delete()
    assert client.post(url, {"next": "/admin/", "confirm": "yes"}).status_code == 302
    assert [kind for kind, _request in fake_deepl] == ["glossaries", "translate", "translate"]


def translate_ignoring_terms(text):
    return text.replace("country office", "agence").replace("Country Office", "Agence") if text else text


@pytest.mark.django_db
def test_status_report_and_command_list_strings_without_the_required_term(
    admin_client, terms, section, locales
):
    translate_object(section, locales["fr"], lambda text: f"FR {translate_ignoring_terms(text)}")

    response = admin_client.get(reverse("translation_status"), {"locale": "fr"})
    html = response.content.decode()
    assert "term &#x27;country office&#x27; must be translated as &#x27;bureau de pays&#x27;" in html
    assert "FR Guidance for editors of the agence." in html
    assert "term &#x27;EU&#x27;" in html  # "in the EU." kept "EU", not the required "UE"

    out = io.StringIO()
    call_command("translation_status", locale="fr", stdout=out)
    assert "Terminology: 3 string(s) without a required term" in out.getvalue()
    assert (
        "fr\tOur work\tintro\tterm 'country office' must be translated as 'bureau de pays'" in out.getvalue()
    )


@pytest.mark.django_db
def test_imports_warn_about_missing_terms_and_still_import(terms, section, tmp_path, locales):
    call_command("export_po", locale="fr", output=str(tmp_path), stdout=io.StringIO())
    path = next(path for path in tmp_path.glob("*.po") if "sectionpage" in path.name)
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = (
            "fr-our-work" if entry.msgctxt == "slug" else f"FR {translate_ignoring_terms(entry.msgid)}"
        )
    po.save(str(path))
    intro_line = next(entry.linenum for entry in polib.pofile(str(path)) if entry.msgctxt == "intro")

    err = io.StringIO()
    call_command("import_po", str(path), stdout=io.StringIO(), stderr=err)

    assert (
        f"{path}:{intro_line}: term 'country office' must be translated as 'bureau de pays' (glossary)"
        in (err.getvalue())
    )
    assert StringTranslation.objects.filter(locale=locales["fr"], translation_of__data=INTRO).exists()


@pytest.mark.django_db
def test_xliff_carries_the_terms_and_its_import_warns(terms, section, tmp_path, locales):
    from translate.storage import xliff2

    call_command("export_xliff", locale="fr", output=str(tmp_path), xliff_version="2.1", stdout=io.StringIO())
    path = next(path for path in tmp_path.glob("*.xlf") if "sectionpage" in path.name)
    assert (
        "<note category=\"terminology\">Glossary: country office → bureau de pays (Never 'agence'.)</note>"
        in (path.read_text())
    )
    store = xliff2.Xliff2File.parsefile(str(path))
    intro = next(unit for unit in store.units if unit.source == INTRO)
    intro.target = "Conseils aux rédactions du bureau de pays."
    title = next(unit for unit in store.units if unit.source == "Our work")
    title.target = "Notre travail"
    store.save()

    err = io.StringIO()
    call_command("import_xliff", str(path), stdout=io.StringIO(), stderr=err)
    assert "glossary" not in err.getvalue()  # the required term is there

    intro.target = "Conseils aux rédactions de l'agence."
    store.save()
    call_command("import_xliff", str(path), stdout=io.StringIO(), stderr=err)
    assert (
        f"unit {intro.getid()}: term 'country office' must be translated as 'bureau de pays' (glossary)"
        in (err.getvalue())
    )
    assert StringTranslation.objects.get(locale=locales["fr"], translation_of__data=INTRO).data == (
        "Conseils aux rédactions de l'agence."
    )


@pytest.mark.django_db
def test_the_translation_editor_shows_the_terms_beside_their_segments(
    client, french_translator, terms, section, locales
):
    import html
    import re

    translate_object(section, locales["fr"], french)
    french_page = section.get_translation(locales["fr"])
    client.force_login(french_translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))

    assert response.status_code == 200
    props = json.loads(
        html.unescape(
            re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())[1]
        )
    )
    help_texts = {
        segment["source"]: segment["location"]["fieldHelpText"]
        for segment in props["segments"]
        if segment["type"] == "string"
    }
    assert help_texts[INTRO].endswith("Glossary: country office → bureau de pays (Never 'agence'.)")
    assert help_texts['Ask <a id="a1">our Country Office</a> in the EU.'] == (
        "Glossary: country office → bureau de pays (Never 'agence'.); EU → UE"
    )
    assert "Glossary" not in help_texts["Our work"]
