"""PO files for translation agencies: export what a locale still needs, import it back safely.

One file per wagtail-localize Translation (one English page or snippet into one
locale), holding only the strings that are untranslated or whose English changed.
The file names the translation and its language in its header, so ``import_po``
can refuse a file meant for another translation or locale. Import validates a whole
file before writing anything from it.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_ids

from . import glossary, status
from .localization import write_translation

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
VOID_TAGS = {"br", "img", "hr", "wbr"}


# --- Export -------------------------------------------------------------------------------


def translations_needing_work(locale: Locale) -> list[Translation]:
    """A Translation for every English object not translated and current in ``locale``.

    Sources are refreshed from the English content first (as wagtail-localize's "Sync"
    does), so changed paragraphs are exported; aliases and missing objects get a
    Translation, which is how a translator takes them up.
    """
    translations = []
    for row in status.collect_rows(locale.language_code):
        if row.state == status.State.CURRENT:
            continue
        source, _created = TranslationSource.update_or_create_from_instance(row.source)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translations.append(translation)
    return translations


def untranslated_entries(translation: Translation) -> list[polib.POEntry]:
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale)
    )
    return [
        polib.POEntry(msgid=segment.string.data, msgctxt=segment.context.path, msgstr="")
        for segment in segments
        if not segment.translation
    ]


def po_for(translation: Translation, entries) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": translation.source.object_repr,
        "Language": translation.target_locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        TRANSLATION_ID_HEADER: str(translation.uuid),
    }
    po.extend(entries)
    return po


def file_name(translation: Translation) -> str:
    model = translation.source.specific_content_type.model
    title = slugify(translation.source.object_repr)[:50] or "untitled"
    return f"{translation.target_locale.language_code}-{model}-{title}-{str(translation.uuid)[:8]}.po"


def export_locale(locale: Locale, output_dir: Path) -> list[Path]:
    """Write one PO file per translation in ``locale`` that has untranslated strings."""
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for translation in translations_needing_work(locale):
        entries = untranslated_entries(translation)
        if not entries:
            continue
        path = output_dir / file_name(translation)
        po_for(translation, entries).save(str(path))
        written.append(path)
    return written


# --- Validation ---------------------------------------------------------------------------


@dataclass
class Problem:
    """One reason a file is rejected, located by file and line."""

    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class HTMLNestingChecker(HTMLParser):
    """Records the first unclosed, stray or mis-nested tag in a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open_tags = []
        self.error = None

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_TAGS:
            self.open_tags.append(tag)

    def handle_endtag(self, tag):
        # "<br/>" (how wagtail-localize stores a line break) reports an end tag too.
        if self.error or tag in VOID_TAGS:
            return
        if not self.open_tags or self.open_tags[-1] != tag:
            self.error = _("unexpected closing tag </%(tag)s>") % {"tag": tag}
        else:
            self.open_tags.pop()

    def check(self, html):
        self.feed(html)
        self.close()
        if not self.error and self.open_tags:
            self.error = _("tag <%(tag)s> is never closed") % {"tag": self.open_tags[-1]}
        if not self.error and re.search(r"<(?![a-zA-Z/!])|<[^>]*$", html):
            self.error = _("a '<' that does not start a tag")
        return self.error


def html_error(source: str, translated: str) -> str | None:
    """Why ``translated`` cannot replace ``source``, or None when it can."""
    nesting = HTMLNestingChecker().check(translated)
    if nesting:
        return _("broken HTML: %(error)s") % {"error": nesting}
    try:
        StringValue.from_translated_html(translated)
    except ValueError as error:
        return _("HTML not allowed: %(error)s") % {"error": error}
    if extract_ids(source) != extract_ids(translated):
        return _("links differ from the English: expected %(expected)s, found %(found)s") % {
            "expected": sorted(extract_ids(source)) or "-",
            "found": sorted(extract_ids(translated)) or "-",
        }
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translated)):
        return _("placeholders differ from the English: expected %(expected)s, found %(found)s") % {
            "expected": sorted(PLACEHOLDER.findall(source)) or "-",
            "found": sorted(PLACEHOLDER.findall(translated)) or "-",
        }
    return None


@dataclass
class CheckedFile:
    """A parsed PO file, its translation, and every problem found in it."""

    path: str
    po: polib.POFile | None
    translation: Translation | None
    problems: list[Problem]
    # Glossary terms left untranslated: reported, but they do not stop the import.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def accepted(self):
        return not self.problems

    @property
    def strings(self):
        return len(self.po.translated_entries()) if self.po is not None else 0


def header_line(path) -> int:
    """The line of the file's header entry (msgid ""), for header problems."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.startswith('msgid ""'):
            return number
    return 1


def check_file(path, expected_locale: Locale | None = None) -> CheckedFile:
    path = str(path)
    try:
        po = polib.pofile(path)
    except (OSError, ValueError) as error:
        return CheckedFile(
            path, None, None, [Problem(path, 1, _("not a readable PO file: %(error)s") % {"error": error})]
        )

    translation_id = po.metadata.get(TRANSLATION_ID_HEADER, "")
    translation = None
    if _is_uuid(translation_id):
        translation = (
            Translation.objects.filter(uuid=translation_id).select_related("source", "target_locale").first()
        )
    if translation is None:
        message = _("unknown translation %(id)s in header %(header)s") % {
            "id": translation_id or "-",
            "header": TRANSLATION_ID_HEADER,
        }
        return CheckedFile(path, po, None, [Problem(path, header_line(path), message)])

    problems = []
    language = po.metadata.get("Language", "")
    target = translation.target_locale.language_code
    if language != target:
        problems.append(
            Problem(
                path,
                header_line(path),
                _("file is for locale '%(file)s' but its translation is into '%(target)s'")
                % {"file": language or "-", "target": target},
            )
        )
    if expected_locale is not None and target != expected_locale.language_code:
        problems.append(
            Problem(
                path,
                header_line(path),
                _("file is for locale '%(target)s', not '%(expected)s'")
                % {"target": target, "expected": expected_locale.language_code},
            )
        )

    known = set(
        StringSegment.objects.filter(source=translation.source).values_list("context__path", "string__data")
    )
    entries = glossary.entries_for(translation.target_locale)
    warnings = []
    for entry in po:
        if entry.obsolete:
            continue
        if (entry.msgctxt, entry.msgid) not in known:
            problems.append(
                Problem(
                    path,
                    entry.linenum,
                    _("unknown entry %(context)s: %(text)s")
                    % {"context": entry.msgctxt or "-", "text": entry.msgid[:60]},
                )
            )
            continue
        if entry.msgstr:
            error = html_error(entry.msgid, entry.msgstr)
            if error:
                problems.append(Problem(path, entry.linenum, error))
            for term in glossary.missing_terms(entry.msgid, entry.msgstr, entries):
                warnings.append(Problem(path, entry.linenum, glossary.violation_message(term)))
    return CheckedFile(path, po, translation, problems, warnings)


def _is_uuid(value) -> bool:
    return bool(value) and re.fullmatch(r"[0-9a-fA-F-]{32,36}", value) is not None


# --- Import -------------------------------------------------------------------------------


@transaction.atomic
def import_checked(checked: CheckedFile, user=None, publish=False):
    """Write an accepted file's translations; optionally save and publish the translated object."""
    translation = checked.translation
    translation.import_po(checked.po, user=user, tool_name="PO file")
    if publish:
        write_translation(translation.source, translation.target_locale, user=user)
    return translation
