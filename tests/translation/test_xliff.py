"""XLIFF 1.2 and 2.1 round trips for agencies, translated with translate-toolkit, and every rejection."""

import copy
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import xliff as toolkit_xliff1
from translate.storage import xliff2 as toolkit_xliff2
from wagtail_localize.models import StringTranslation

from home.models import SectionPage
from tests.factories import SectionPageFactory

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "xliff"
NAMESPACES = {"1.2": "urn:oasis:names:tc:xliff:document:1.2", "2.1": "urn:oasis:names:tc:xliff:document:2.0"}
TOOLKIT = {"1.2": toolkit_xliff1.xlifffile, "2.1": toolkit_xliff2.Xliff2File}
PARAGRAPH = (
    '<p>Read <a href="https://example.org/report">our <b>annual</b> report</a> today.<br/>'
    "It costs %(amount)s.</p>"
)
VERSIONS = ["1.2", "2.1"]


@pytest.fixture
def section_paragraph():
    return PARAGRAPH


def export(tmp_path, version, **options):
    out = io.StringIO()
    call_command(
        "export_xliff", locale="fr", output=str(tmp_path), xliff_version=version, stdout=out, **options
    )
    return sorted(tmp_path.glob("*.xlf")), out.getvalue()


def section_file(paths):
    return next(path for path in paths if "sectionpage" in path.name)


def import_files(*paths, **options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_xliff", *map(str, paths), stdout=out, stderr=err, **options)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


FRENCH_PIECES = {
    "Read ": "Lisez ",
    "our ": "notre ",
    "annual": "annuel",
    " report": " rapport",
    " today.": " aujourd'hui.",
    "It costs %(amount)s.": "Cela coûte %(amount)s.",
}


def translate_rich(elements):
    """What a translator in a CAT tool does: new text around the same inline codes."""
    elements = copy.deepcopy(elements)
    for tree in elements:
        for leaf in tree.flatten():
            leaf.sub = [
                FRENCH_PIECES.get(text, f"FR {text}") if isinstance(text, str) and text.strip() else text
                for text in leaf.sub
            ]
    return elements


def translate_with_toolkit(path, version, slug="fr-our-work"):
    store = TOOLKIT[version].parsefile(str(path))
    for unit in store.units:
        if unit.source == "our-work":
            unit.target = slug
        else:
            unit.rich_target = translate_rich(unit.rich_source)
    store.save()
    return store


def french_section(section):
    return SectionPage.objects.filter(
        translation_key=section.translation_key, locale__language_code="fr", alias_of__isnull=True
    ).first()


def units(path, version):
    namespace = {"x": NAMESPACES[version]}
    tag = ".//x:trans-unit" if version == "1.2" else ".//x:unit"
    return etree.parse(str(path)).getroot().findall(tag, namespace)


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_exported_file_validates_and_describes_each_string(untranslated_section, tmp_path, version):
    paths, output = export(tmp_path, version)
    path = section_file(paths)
    assert f"XLIFF {version} file(s) written for fr" in output

    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / f"xliff-core-{version}-subset.xsd")))
    for exported in paths:
        document = etree.parse(str(exported))
        assert schema.validate(document), schema.error_log

    root = etree.parse(str(path)).getroot()
    text = path.read_text()
    if version == "1.2":
        file_element = root[0]
        assert (file_element.get("source-language"), file_element.get("target-language")) == ("en", "fr")
        assert '<g id="a1" ctype="link">our <g id="x-b1" ctype="bold">annual</g> report</g>' in text
        assert '<x id="x-br1" ctype="lb"/>' in text
    else:
        assert (root.get("srcLang"), root.get("trgLang"), root.get("version")) == ("en", "fr", "2.1")
        assert '<pc id="a1" type="link"' in text and 'subType="xlf:b"' in text
        assert '<ph id="x-br1" type="fmt" subType="xlf:lb"' in text
    # Markup travels as inline codes, never as escaped HTML inside the text.
    assert "&lt;a " not in text.split("dispStart")[0] and "&lt;b&gt;annual" not in text
    body_unit = next(
        unit for unit in units(path, version) if unit.get("resname", unit.get("name")).startswith("body.")
    )
    notes = [note.text for note in body_unit.iter(f"{{{NAMESPACES[version]}}}note")]
    assert notes == ["Body › Paragraph", "Section page “Our work” at /our-work"]


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_translated_with_translate_toolkit_imports_and_publishes(untranslated_section, tmp_path, version):
    path = section_file(export(tmp_path, version)[0])
    translate_with_toolkit(path, version)

    ok, output = import_files(path, publish=True)

    assert ok, output
    assert "imported 4 translated string(s) and published" in output
    page = french_section(untranslated_section)
    assert page.live and page.title == "FR Our work" and page.slug == "fr-our-work"
    assert page.intro == "FR What we do."
    html = str(page.body[0].value)
    assert '<a href="https://example.org/report">' in html  # the English link target is kept
    assert "<b>annuel</b>" in html and "Lisez" in html and "<br/>" in html and "%(amount)s" in html


@pytest.mark.django_db
def test_unit_ids_are_stable_until_the_english_changes(untranslated_section, tmp_path):
    first = {
        unit.get("resname"): unit.get("id")
        for unit in units(section_file(export(tmp_path / "a", "1.2")[0]), "1.2")
    }
    second = {
        unit.get("name"): unit.get("id")
        for unit in units(section_file(export(tmp_path / "b", "2.1")[0]), "2.1")
    }
    assert first == second

    untranslated_section.intro = "What we do, and why."
    untranslated_section.save_revision().publish()
    third = {
        unit.get("resname"): unit.get("id")
        for unit in units(section_file(export(tmp_path / "c", "1.2")[0]), "1.2")
    }
    assert third["intro"] != first["intro"]
    assert {key: value for key, value in third.items() if key != "intro"} == {
        key: value for key, value in first.items() if key != "intro"
    }


def set_target(path, version, unit_path, target_xml):
    """Replace one unit's target with raw XLIFF (what a careless tool or translator writes)."""
    namespace = NAMESPACES[version]
    tree = etree.parse(str(path))
    unit = next(
        unit for unit in units(path, version) if unit.get("resname", unit.get("name")).startswith(unit_path)
    )
    unit = tree.getroot().find(f".//*[@id='{unit.get('id')}']")
    target = unit.find(f".//{{{namespace}}}target")
    replacement = etree.fromstring(f'<target xmlns="{namespace}">{target_xml}</target>')
    target.getparent().replace(target, replacement)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return unit.get("id")


def xml(version, text):
    """Write a target in 1.2 notation ({g id}...{/g}, {x id}) for either version."""
    paired, void = ("g", "x") if version == "1.2" else ("pc", "ph")
    return (
        text.replace("{/g}", f"</{paired}>")
        .replace("{g ", f"<{paired} id=")
        .replace("{x ", f"<{void} id=")
        .replace("}", ">")
    )


GOOD_LINK = '{g "a1"}notre {g "x-b1"}rapport{/g}{/g}'
REJECTIONS = {
    "unknown inline code": (
        'Lisez {g "a9"}notre {g "x-b1"}rapport{/g}{/g}{x "x-br1"/} %(amount)s',
        "unknown inline code id 'a9'",
    ),
    "lost link": ('Lisez notre rapport{x "x-br1"/} %(amount)s', "inline code(s) missing: a1, x-b1"),
    "code used twice": (f'Lisez {GOOD_LINK}{{x "x-br1"/}}{{x "x-br1"/}} %(amount)s', "used twice: x-br1"),
    "paired code written standalone": (
        f'Lisez {GOOD_LINK}{{x "x-b1"/}} %(amount)s',
        "inline code 'x-b1' must be",
    ),
    "lost placeholder": (f'Lisez {GOOD_LINK}{{x "x-br1"/}} le montant', "placeholders differ"),
    "raw html element": ("Lisez <b>notre</b> %(amount)s", "is not supported"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("case", REJECTIONS)
def test_a_broken_unit_rejects_the_whole_file_naming_the_unit(untranslated_section, tmp_path, version, case):
    target, message = REJECTIONS[case]
    path = section_file(export(tmp_path, version)[0])
    translate_with_toolkit(path, version)
    bad_id = set_target(path, version, "body.", xml(version, target))
    before = StringTranslation.objects.count()

    ok, errors = import_files(path, publish=True)

    assert not ok
    assert f"unit {bad_id}: " in errors and message in errors, errors
    assert f"{path}: rejected, nothing imported from it." in errors
    assert StringTranslation.objects.count() == before
    assert french_section(untranslated_section) is None


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_unknown_unit_and_wrong_language_are_rejected(untranslated_section, tmp_path, version):
    path = section_file(export(tmp_path, version)[0])
    translate_with_toolkit(path, version)
    text = path.read_text()
    intro_id = next(
        unit.get("id") for unit in units(path, version) if unit.get("resname", unit.get("name")) == "intro"
    )
    path.write_text(text.replace(intro_id, "uffffffffffffffff"))
    before = StringTranslation.objects.count()

    ok, errors = import_files(path)
    assert not ok and "unit uffffffffffffffff: unknown unit" in errors

    language = 'target-language="fr"' if version == "1.2" else 'trgLang="fr"'
    path.write_text(text.replace(language, language.replace("fr", "nl")))
    ok, errors = import_files(path)
    assert not ok and "file is for locale 'nl' but its translation is into 'fr'" in errors

    path.write_text(text)
    ok, errors = import_files(path, locale="nl")
    assert not ok and "not 'nl'" in errors
    assert StringTranslation.objects.count() == before


@pytest.mark.django_db
def test_dry_run_checks_and_writes_nothing(untranslated_section, tmp_path):
    path = section_file(export(tmp_path, "2.1")[0])
    translate_with_toolkit(path, "2.1")

    ok, output = import_files(path, dry_run=True, publish=True)

    assert ok and "valid, 4 translated string(s) (dry run, nothing imported)" in output
    assert not StringTranslation.objects.filter(
        locale__language_code="fr", translation_of__data="What we do."
    ).exists()
    assert french_section(untranslated_section) is None


@pytest.mark.django_db
def test_not_xliff_is_rejected_with_a_message(tmp_path, untranslated_section):
    path = tmp_path / "broken.xlf"
    path.write_text("<xliff version='1.2'><file")
    ok, errors = import_files(path)
    assert not ok and "not a readable XML file" in errors
    path.write_text("<html/>")
    ok, errors = import_files(path)
    assert not ok and "not an XLIFF 1.2 or 2.x document" in errors


@pytest.mark.django_db
def test_page_and_subtree_scopes(untranslated_section, tmp_path, home_page, locales):
    child = SectionPageFactory(parent=untranslated_section, title="Climate", intro="Our climate work.")
    SectionPageFactory(parent=child, title="Water", intro="Clean water.")
    SectionPageFactory(parent=home_page, title="Elsewhere", intro="Not in the subtree.")

    paths, _ = export(tmp_path / "page", "1.2", page=untranslated_section.pk)
    assert [path.name.split("-", 2)[2][:8] for path in paths] == ["our-work"]

    paths, _ = export(tmp_path / "subtree", "1.2", page=untranslated_section.pk, subtree=True)
    assert sorted(path.name.split("-", 2)[2].rsplit("-", 1)[0] for path in paths) == [
        "climate",
        "our-work",
        "water",
    ]

    french_home = home_page.get_translation(locales["fr"])
    with pytest.raises(CommandError, match="No English page"):
        export(tmp_path, "1.2", page=french_home.pk)
