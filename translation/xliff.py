"""XLIFF 1.2 and 2.1 for translation agencies: the same round trip as the PO files, in XLIFF.

One XLIFF document per wagtail-localize Translation (one English page or snippet into
one locale). The ``<file>`` element names the translation in ``original`` and carries
the source and target languages, so ``import_xliff`` refuses a file meant for another
translation or locale.

Each unit is one string of the English object. Its id is derived from the string's
context (the field path) and text, so it stays the same from one export to the next
until the English changes. Notes tell the translator which field of which page the
string comes from. Inline markup (links, bold, italics, line breaks) travels as XLIFF
inline codes, never as raw HTML: ``<g>``/``<x>`` in 1.2, ``<pc>``/``<ph>`` in 2.1, with
ids taken from the English (wagtail-localize's own link ids, "a1", "a2"...), so the
translated markup can be mapped back to the English links on import.
"""

import hashlib
import html
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from . import glossary, po_files
from .localization import write_translation
from .po_files import Problem, html_error

VERSIONS = ("1.2", "2.1")
NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
# XLIFF 2.1 keeps the 2.0 core namespace; only the version attribute differs.
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"
ORIGINAL_PREFIX = "wagtail-localize:translation:"
TOOL_NAME = "XLIFF file"
VOID_TAGS = {"br"}

# How each HTML inline tag a string may hold (wagtail_localize.strings.INLINE_TAGS) is
# described to CAT tools: XLIFF 1.2 ctype, XLIFF 2.1 (type, subType).
CODE_KINDS = {
    "a": ("link", ("link", None)),
    "b": ("bold", ("fmt", "xlf:b")),
    "strong": ("bold", ("fmt", "xlf:b")),
    "i": ("italic", ("fmt", "xlf:i")),
    "em": ("italic", ("fmt", "xlf:i")),
    "code": ("x-code", ("fmt", None)),
    "abbr": ("x-abbr", ("other", None)),
    "acronym": ("x-acronym", ("other", None)),
    "br": ("lb", ("fmt", "xlf:lb")),
}


# --- Strings as trees of text and inline codes ---------------------------------------------


@dataclass
class Code:
    """One inline tag of a string: its id in XLIFF, the HTML tag, and what it encloses."""

    id: str
    tag: str
    children: list = field(default_factory=list)

    @property
    def paired(self):
        return self.tag not in VOID_TAGS

    def start_html(self):
        # Only links keep their id in wagtail-localize's string format (it maps to the href).
        return f'<a id="{self.id}">' if self.tag == "a" else f"<{self.tag}>"


class StringTreeParser(HTMLParser):
    """Turns a wagtail-localize string ("Read <a id="a1">this</a>") into text and Codes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = []
        self.stack = [self.root]
        self.counts = Counter()

    def handle_starttag(self, tag, attrs):
        link_id = dict(attrs).get("id") if tag == "a" else None
        if not link_id:
            self.counts[tag] += 1
            # "x-" keeps generated ids apart from wagtail-localize's link ids (a1, a2...).
            link_id = f"x-{tag}{self.counts[tag]}"
        code = Code(link_id, tag)
        self.stack[-1].append(code)
        if code.paired:
            self.stack.append(code.children)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].append(data)


def string_tree(data: str) -> list:
    parser = StringTreeParser()
    parser.feed(data)
    parser.close()
    return parser.root


def codes_in(tree: list) -> dict[str, Code]:
    codes = {}
    for item in tree:
        if isinstance(item, Code):
            codes[item.id] = item
            codes.update(codes_in(item.children))
    return codes


def _append_text(parent, text):
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_inline(parent, tree: list, version: str):
    """Append ``tree`` to the XML element ``parent`` as XLIFF text and inline codes."""
    namespace = NS_12 if version == "1.2" else NS_2
    for item in tree:
        if isinstance(item, str):
            _append_text(parent, item)
            continue
        ctype, (kind, sub_type) = CODE_KINDS.get(item.tag, ("x-" + item.tag, ("other", None)))
        if version == "1.2":
            element = etree.SubElement(parent, f"{{{namespace}}}{'g' if item.paired else 'x'}", id=item.id)
            element.set("ctype", ctype)
        else:
            element = etree.SubElement(parent, f"{{{namespace}}}{'pc' if item.paired else 'ph'}", id=item.id)
            element.set("type", kind)
            if sub_type:
                element.set("subType", sub_type)
            if item.paired:
                element.set("dispStart", item.start_html())
                element.set("dispEnd", f"</{item.tag}>")
            else:
                element.set("disp", f"<{item.tag}/>")
        if item.paired:
            write_inline(element, item.children, version)


class InlineCodeError(ValueError):
    """A target whose inline codes do not match the source's."""


def read_inline(element, source_codes: dict[str, Code], version: str) -> str:
    """The wagtail-localize HTML for an XLIFF ``<target>``; InlineCodeError if its codes are broken."""
    paired_name, void_name = ("g", "x") if version == "1.2" else ("pc", "ph")
    seen = Counter()

    def walk(node):
        parts = [html.escape(node.text or "", quote=False)]
        for child in node:
            if not isinstance(child.tag, str):  # comments and processing instructions
                parts.append(html.escape(child.tail or "", quote=False))
                continue
            name = etree.QName(child).localname
            if name == "mrk":
                # Annotations a CAT tool adds (terms, comments) wrap text; keep the text.
                parts.append(walk(child))
            elif name in (paired_name, void_name):
                code_id = child.get("id", "")
                code = source_codes.get(code_id)
                if code is None:
                    raise InlineCodeError(_("unknown inline code id '%(id)s'") % {"id": code_id})
                if code.paired != (name == paired_name):
                    raise InlineCodeError(
                        _("inline code '%(id)s' must be <%(expected)s>, not <%(found)s>")
                        % {
                            "id": code_id,
                            "expected": paired_name if code.paired else void_name,
                            "found": name,
                        }
                    )
                seen[code_id] += 1
                if code.paired:
                    parts.append(f"{code.start_html()}{walk(child)}</{code.tag}>")
                else:
                    parts.append(f"<{code.tag}/>")
            else:
                raise InlineCodeError(_("inline element <%(name)s> is not supported") % {"name": name})
            parts.append(html.escape(child.tail or "", quote=False))
        return "".join(parts)

    result = walk(element)
    repeated = sorted(code_id for code_id, count in seen.items() if count > 1)
    if repeated:
        raise InlineCodeError(_("inline code(s) used twice: %(ids)s") % {"ids": ", ".join(repeated)})
    missing = sorted(set(source_codes) - set(seen))
    if missing:
        raise InlineCodeError(_("inline code(s) missing: %(ids)s") % {"ids": ", ".join(missing)})
    return result


# --- Units ----------------------------------------------------------------------------------


def unit_id(path: str, data: str) -> str:
    """Stable across exports: the same field path and English text give the same id."""
    digest = hashlib.sha256(f"{path}\x00{data}".encode()).hexdigest()[:16]
    return f"u{digest}"


@dataclass
class Unit:
    """One English string of a translation, with the context a translator needs."""

    id: str
    path: str
    data: str
    field_label: str
    translated: str | None = None
    terms: list = field(default_factory=list)


def field_label(instance, path: str) -> str:
    """ "Body › Paragraph" for a StreamField block, "Introduction" for a plain field."""
    name, *rest = path.split(".")
    try:
        model_field = type(instance)._meta.get_field(name)
    except FieldDoesNotExist:
        return path
    label = str(model_field.verbose_name).capitalize()
    if isinstance(model_field, StreamField) and rest:
        for child in getattr(instance, name, None) or []:
            if child.id == rest[0]:
                return f"{label} › {str(child.block.label or child.block_type).capitalize()}"
    return label


def object_context(instance) -> str:
    kind = str(instance._meta.verbose_name).capitalize()
    if isinstance(instance, Page):
        # url_path starts with the home page's own slug, which no reader sees.
        path = "/" + "/".join(instance.url_path.strip("/").split("/")[1:])
        return _("%(kind)s “%(title)s” at %(path)s") % {"kind": kind, "title": instance.title, "path": path}
    return _("%(kind)s “%(title)s”") % {"kind": kind, "title": str(instance)}


def units_for(translation: Translation, instance, include_translated=False) -> list[Unit]:
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale)
    )
    entries = glossary.entries_for(translation.target_locale)
    units, seen = [], set()
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        # A string repeated in one field is translated once (wagtail-localize keys
        # translations by string and context).
        if key in seen or (segment.translation and not include_translated):
            continue
        seen.add(key)
        units.append(
            Unit(
                id=unit_id(*key),
                path=segment.context.path,
                data=segment.string.data,
                field_label=field_label(instance, segment.context.path),
                translated=segment.translation,
                terms=glossary.terms_in(segment.string.data, entries),
            )
        )
    return units


def terminology_note(unit: Unit) -> str | None:
    if not unit.terms:
        return None
    return _("Glossary: %(terms)s") % {"terms": "; ".join(entry.describe() for entry in unit.terms)}


# --- Export ---------------------------------------------------------------------------------


def document(translation: Translation, units: list[Unit], instance, version: str) -> bytes:
    source_language = translation.source.locale.language_code
    target_language = translation.target_locale.language_code
    original = f"{ORIGINAL_PREFIX}{translation.uuid}"
    context = object_context(instance)
    if version == "1.2":
        root = etree.Element(f"{{{NS_12}}}xliff", nsmap={None: NS_12}, version="1.2")
        file_element = etree.SubElement(
            root,
            f"{{{NS_12}}}file",
            original=original,
            datatype="html",
            **{"source-language": source_language, "target-language": target_language},
        )
        body = etree.SubElement(file_element, f"{{{NS_12}}}body")
        for unit in units:
            trans_unit = etree.SubElement(body, f"{{{NS_12}}}trans-unit", id=unit.id, resname=unit.path)
            write_inline(etree.SubElement(trans_unit, f"{{{NS_12}}}source"), string_tree(unit.data), version)
            if unit.translated:
                target = etree.SubElement(trans_unit, f"{{{NS_12}}}target", state="translated")
                write_inline(target, string_tree(unit.translated), version)
            etree.SubElement(trans_unit, f"{{{NS_12}}}note", **{"from": "field"}).text = unit.field_label
            etree.SubElement(trans_unit, f"{{{NS_12}}}note", **{"from": "page"}).text = context
            if note := terminology_note(unit):
                etree.SubElement(trans_unit, f"{{{NS_12}}}note", **{"from": "terminology"}).text = note
    else:
        root = etree.Element(
            f"{{{NS_2}}}xliff",
            nsmap={None: NS_2},
            version="2.1",
            srcLang=source_language,
            trgLang=target_language,
        )
        file_element = etree.SubElement(root, f"{{{NS_2}}}file", id="f1", original=original)
        for unit in units:
            unit_element = etree.SubElement(file_element, f"{{{NS_2}}}unit", id=unit.id, name=unit.path)
            notes = etree.SubElement(unit_element, f"{{{NS_2}}}notes")
            etree.SubElement(notes, f"{{{NS_2}}}note", category="field").text = unit.field_label
            etree.SubElement(notes, f"{{{NS_2}}}note", category="page").text = context
            if note := terminology_note(unit):
                etree.SubElement(notes, f"{{{NS_2}}}note", category="terminology").text = note
            segment = etree.SubElement(
                unit_element, f"{{{NS_2}}}segment", state="translated" if unit.translated else "initial"
            )
            write_inline(etree.SubElement(segment, f"{{{NS_2}}}source"), string_tree(unit.data), version)
            if unit.translated:
                write_inline(
                    etree.SubElement(segment, f"{{{NS_2}}}target"), string_tree(unit.translated), version
                )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def file_name(translation: Translation) -> str:
    return po_files.file_name(translation).removesuffix(".po") + ".xlf"


def translations_for_pages(pages, locale: Locale) -> list[Translation]:
    """A Translation of each English page into ``locale``, its source refreshed from the page."""
    translations = []
    for page in pages:
        source, _created = TranslationSource.update_or_create_from_instance(page.specific)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translations.append(translation)
    return translations


def english_pages(page: Page, subtree: bool):
    if not subtree:
        return [page]
    return list(
        Page.objects.descendant_of(page, inclusive=True).filter(alias_of__isnull=True).order_by("path")
    )


def export(
    locale: Locale, output_dir: Path, version: str = "1.2", page: Page | None = None, subtree=False
) -> list[Path]:
    """Write one XLIFF file per translation with untranslated strings.

    Without ``page``: everything missing or outdated in ``locale``; with it, that page
    (and, with ``subtree``, every page below it).
    """
    if version not in VERSIONS:
        raise ValueError(_("XLIFF version must be one of %(versions)s") % {"versions": ", ".join(VERSIONS)})
    if page is None:
        translations = po_files.translations_needing_work(locale)
    else:
        translations = translations_for_pages(english_pages(page, subtree), locale)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for translation in translations:
        instance = translation.source.get_source_instance()
        units = units_for(translation, instance)
        if not units:
            continue
        path = output_dir / file_name(translation)
        path.write_bytes(document(translation, units, instance, version))
        written.append(path)
    return written


# --- Validation -----------------------------------------------------------------------------


@dataclass
class CheckedFile:
    """A parsed XLIFF file: per translation in it, the PO entries to import; and its problems."""

    path: str
    imports: list[tuple[Translation, polib.POFile]]
    problems: list[Problem]
    untranslated: int = 0
    # Glossary terms left untranslated: reported, but they do not stop the import.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def accepted(self):
        return not self.problems

    @property
    def strings(self):
        return sum(len(po) for _translation, po in self.imports)


def parse(path: str):
    # No entities, no network: an uploaded file cannot make the parser read anything else.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=False)
    return etree.parse(path, parser)  # noqa: S320


def _translation_from(original: str):
    translation_id = (original or "").removeprefix(ORIGINAL_PREFIX)
    if not original.startswith(ORIGINAL_PREFIX) or not po_files._is_uuid(translation_id):
        return None
    return (
        Translation.objects.filter(uuid=translation_id)
        .select_related("source__locale", "target_locale")
        .first()
    )


def check_file(path, expected_locale: Locale | None = None) -> CheckedFile:
    path = str(path)
    checked = CheckedFile(path, [], [])
    try:
        root = parse(path).getroot()
    except (OSError, etree.XMLSyntaxError) as error:
        checked.problems.append(Problem(path, 1, _("not a readable XML file: %(error)s") % {"error": error}))
        return checked

    namespace = etree.QName(root).namespace
    version = "1.2" if namespace == NS_12 else "2.1" if namespace == NS_2 else None
    if etree.QName(root).localname != "xliff" or version is None:
        checked.problems.append(Problem(path, root.sourceline or 1, _("not an XLIFF 1.2 or 2.x document")))
        return checked

    ns = {"x": namespace}
    files = root.findall("x:file", ns)
    if not files:
        checked.problems.append(Problem(path, root.sourceline or 1, _("the document has no <file>")))
    for file_element in files:
        check_file_element(checked, root, file_element, version, ns, expected_locale)
    return checked


def check_file_element(checked, root, file_element, version, ns, expected_locale):
    path = checked.path
    line = file_element.sourceline or 1
    original = file_element.get("original", "")
    translation = _translation_from(original)
    if translation is None:
        checked.problems.append(
            Problem(
                path,
                line,
                _("unknown translation '%(original)s' in <file original>") % {"original": original},
            )
        )
        return

    if version == "1.2":
        source_language = file_element.get("source-language", "")
        target_language = file_element.get("target-language", "")
    else:
        source_language, target_language = root.get("srcLang", ""), root.get("trgLang", "")
    expected_source = translation.source.locale.language_code
    target = translation.target_locale.language_code
    if source_language != expected_source:
        checked.problems.append(
            Problem(
                path,
                line,
                _("source language is '%(file)s' but the translation is from '%(source)s'")
                % {"file": source_language or "-", "source": expected_source},
            )
        )
    if target_language != target:
        checked.problems.append(
            Problem(
                path,
                line,
                _("file is for locale '%(file)s' but its translation is into '%(target)s'")
                % {"file": target_language or "-", "target": target},
            )
        )
    if expected_locale is not None and target != expected_locale.language_code:
        checked.problems.append(
            Problem(
                path,
                line,
                _("file is for locale '%(target)s', not '%(expected)s'")
                % {"target": target, "expected": expected_locale.language_code},
            )
        )

    known = {
        unit_id(context_path, data): (context_path, data)
        for context_path, data in StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    }
    po = po_files.po_for(translation, [])
    entries = glossary.entries_for(translation.target_locale)
    unit_tag = "x:body/x:trans-unit" if version == "1.2" else ".//x:unit"
    for unit in file_element.findall(unit_tag, ns):
        id_ = unit.get("id", "")
        unit_line = unit.sourceline or line
        if id_ not in known:
            checked.problems.append(
                Problem(path, unit_line, _("unit %(id)s: unknown unit") % {"id": id_ or "-"})
            )
            continue
        context_path, data = known[id_]
        target_element = unit.find("x:target" if version == "1.2" else "x:segment/x:target", ns)
        if target_element is None or not "".join(target_element.itertext()).strip():
            checked.untranslated += 1
            continue
        try:
            translated = read_inline(target_element, codes_in(string_tree(data)), version)
            error = html_error(data, translated)
        except InlineCodeError as inline_error:
            error = str(inline_error)
        if error:
            checked.problems.append(
                Problem(
                    path,
                    target_element.sourceline or unit_line,
                    _("unit %(id)s: %(error)s") % {"id": id_, "error": error},
                )
            )
            continue
        po.append(polib.POEntry(msgctxt=context_path, msgid=data, msgstr=translated))
        for entry in glossary.missing_terms(data, translated, entries):
            checked.warnings.append(
                Problem(
                    path,
                    target_element.sourceline or unit_line,
                    _("unit %(id)s: %(warning)s") % {"id": id_, "warning": glossary.violation_message(entry)},
                )
            )
    checked.imports.append((translation, po))


# --- Import ---------------------------------------------------------------------------------


@transaction.atomic
def import_checked(checked: CheckedFile, user=None, publish=False):
    """Write an accepted file's translations (all of them or none); optionally publish."""
    translations = []
    for translation, po in checked.imports:
        translation.import_po(po, user=user, tool_name=TOOL_NAME)
        if publish:
            write_translation(translation.source, translation.target_locale, user=user)
        translations.append(translation)
    return translations
