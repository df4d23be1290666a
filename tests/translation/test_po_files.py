"""PO round trips for agencies: export what French needs, import it back, and every rejection."""

import io

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from home.models import SectionPage
from tests.factories import SectionPageFactory
from translation.localization import translate_object

from .conftest import french


def export_french(tmp_path):
    call_command("export_po", locale="fr", output=str(tmp_path), stdout=io.StringIO())
    return sorted(tmp_path.glob("*.po"))


def section_file(paths):
    return next(path for path in paths if "sectionpage" in path.name)


def fill(path, translate):
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = translate(entry)
    po.save(str(path))
    return po


def import_files(*paths, **options):
    err = io.StringIO()
    try:
        call_command("import_po", *map(str, paths), stdout=io.StringIO(), stderr=err, **options)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, err.getvalue()


def translate_entry(entry):
    return (
        entry.msgid.replace("our annual report", "notre rapport annuel")
        if "<a" in entry.msgid
        else f"FR {entry.msgid}"
    )


@pytest.mark.django_db
def test_round_trip_publishes_the_french_page(untranslated_section, tmp_path, locales):
    paths = export_french(tmp_path)
    po = polib.pofile(str(section_file(paths)))
    assert {entry.msgid for entry in po} >= {"Our work", "What we do."}
    assert all(not entry.msgstr for entry in po)

    fill(section_file(paths), translate_entry)
    ok, errors = import_files(section_file(paths), publish=True)
    assert ok, errors

    page = SectionPage.objects.get(translation_key=untranslated_section.translation_key, locale=locales["fr"])
    assert page.live
    assert page.title == "FR Our work"
    assert page.intro == "FR What we do."
    html = str(page.body[0].value)
    assert "notre rapport annuel" in html
    assert 'href="https://example.org/report"' in html  # the link survives the round trip


@pytest.mark.django_db
def test_export_leaves_out_what_is_already_translated(untranslated_section, tmp_path, locales):
    translate_object(untranslated_section, locales["fr"], french)
    assert not [path for path in export_french(tmp_path) if "sectionpage" in path.name]


REJECTIONS = {
    "unknown entry": (lambda entry: entry.msgctxt == "intro", {"msgctxt": "no_such_field"}, "unknown entry"),
    "broken html": (
        lambda entry: "<a" in entry.msgid,
        {"msgstr": 'Lisez <a id="a1">notre rapport'},
        "broken HTML",
    ),
    "lost link": (
        lambda entry: "<a" in entry.msgid,
        {"msgstr": "Lisez notre rapport annuel."},
        "links differ",
    ),
    "invented link": (
        lambda entry: "<a" in entry.msgid,
        {"msgstr": 'Lisez <a id="a1">notre</a> <a id="a9">rapport</a>.'},
        "links differ",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", REJECTIONS)
def test_a_rejected_file_is_reported_by_line_and_changes_nothing(untranslated_section, tmp_path, case):
    matches, change, message = REJECTIONS[case]
    path = section_file(export_french(tmp_path))
    po = fill(path, translate_entry)
    bad = next(entry for entry in po if matches(entry))
    for attribute, value in change.items():
        setattr(bad, attribute, value)
    po.save(str(path))
    bad_line = next(
        entry.linenum
        for entry in polib.pofile(str(path))
        if entry.msgstr == bad.msgstr and entry.msgctxt == bad.msgctxt
    )
    before = StringTranslation.objects.count()

    ok, errors = import_files(path, publish=True)

    assert not ok
    assert f"{path}:{bad_line}: " in errors
    assert message in errors
    assert StringTranslation.objects.count() == before
    assert (
        not SectionPage.objects.filter(
            translation_key=untranslated_section.translation_key, locale__language_code="fr"
        )
        .exclude(alias_of__isnull=False)
        .exists()
    )


@pytest.mark.django_db
def test_a_file_for_another_locale_is_rejected(untranslated_section, tmp_path):
    path = section_file(export_french(tmp_path))
    fill(path, translate_entry)
    before = StringTranslation.objects.count()

    ok, errors = import_files(path, locale="nl")
    assert not ok
    assert f"{path}:" in errors and "not 'nl'" in errors

    po = polib.pofile(str(path))
    po.metadata["Language"] = "nl"
    po.save(str(path))
    ok, errors = import_files(path)
    assert not ok
    assert "is into 'fr'" in errors
    assert StringTranslation.objects.count() == before


@pytest.mark.django_db
def test_only_the_rejected_file_is_skipped(untranslated_section, tmp_path, home_page, locales):
    other = SectionPageFactory(parent=home_page, title="Who we are", intro="Our mandate.")
    paths = export_french(tmp_path)
    good = next(path for path in paths if "who-we-are" in path.name)
    bad = next(path for path in paths if "our-work" in path.name)
    fill(good, translate_entry)
    fill(bad, lambda entry: "<b>broken" if entry.msgctxt == "intro" else translate_entry(entry))

    ok, errors = import_files(good, bad, publish=True)

    assert not ok and str(bad) in errors and str(good) not in errors
    assert (
        SectionPage.objects.get(translation_key=other.translation_key, locale=locales["fr"]).title
        == "FR Who we are"
    )


@pytest.mark.django_db
def test_admin_per_page_po_download_and_upload_still_work(
    client, french_translator, untranslated_section, locales
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from wagtail_localize.models import Translation

    translate_object(untranslated_section, locales["fr"], french)
    translation = Translation.objects.get(
        source__object_id=untranslated_section.translation_key, target_locale=locales["fr"]
    )
    client.force_login(french_translator)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    next(entry for entry in po if entry.msgctxt == "intro").msgstr = "Ce que nous faisons."
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert (
        StringTranslation.objects.get(locale=locales["fr"], translation_of__data="What we do.").data
        == "Ce que nous faisons."
    )


@pytest.mark.django_db
def test_demo_users_get_a_role_and_a_printed_login(roles):
    from django.contrib.auth import authenticate

    out = io.StringIO()
    call_command("setup_roles", demo_users=True, password="demo-pass-123", stdout=out)
    assert "translator-fr / demo-pass-123" in out.getvalue()
    user = authenticate(username="translator-fr", password="demo-pass-123")
    assert [group.name for group in user.groups.all()] == ["French translators"]
    assert user.wagtail_userprofile.preferred_language == "fr"


@pytest.mark.django_db
def test_a_line_break_in_a_paragraph_is_not_broken_html(home_page, locales, tmp_path):
    """wagtail-localize stores a line break as "<br/>", which once read as a stray closing tag."""
    translate_object(home_page, locales["fr"], french)
    section = SectionPageFactory(
        parent=home_page,
        title="Contact",
        intro="Write to us.",
        body=[("paragraph", RichText("<p>Rue 1<br/>Bruxelles</p>"))],
    )
    path = section_file(export_french(tmp_path))
    fill(path, lambda entry: f"FR {entry.msgid}" if entry.msgctxt != "slug" else "fr-contact")

    ok, errors = import_files(path, publish=True)

    assert ok, errors
    page = SectionPage.objects.get(translation_key=section.translation_key, locale=locales["fr"])
    assert "FR Rue 1<br/>Bruxelles" in str(page.body[0].value)
