"""Applying and checking the glossary on wagtail-localize strings.

Strings are HTML fragments with inline tags (``Read <a id="a1">For editors</a>``);
terms are looked for, and replaced, in their text only, never inside a tag. A term
matches as whole words, ignoring case unless the term is marked case sensitive.
"""

import html
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import GlossaryTranslation

TAG = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True)
class Entry:
    """One term with the translation required in one language."""

    term: str
    required: str
    case_sensitive: bool
    note: str

    @cached_property
    def pattern(self):
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return re.compile(rf"(?<!\w){re.escape(self.term)}(?!\w)", flags)

    @cached_property
    def required_pattern(self):
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return re.compile(rf"(?<!\w){re.escape(self.required)}(?!\w)", flags)

    def describe(self) -> str:
        text = f"{self.term} → {self.required}"
        return f"{text} ({self.note})" if self.note else text


def entries_for(locale: Locale) -> list[Entry]:
    """The glossary for ``locale``, longest terms first so "For editors only" wins over "For editors"."""
    rows = GlossaryTranslation.objects.filter(locale=locale).select_related("term")
    entries = [Entry(row.term.term, row.translation, row.term.case_sensitive, row.term.note) for row in rows]
    return sorted(entries, key=lambda entry: (-len(entry.term), entry.term))


def text_of(fragment: str) -> str:
    """The readable text of a string: tags dropped, entities decoded."""
    return html.unescape(TAG.sub("", fragment))


def terms_in(source: str, entries: list[Entry]) -> list[Entry]:
    text = text_of(source)
    return [entry for entry in entries if entry.pattern.search(text)]


def missing_terms(source: str, translated: str, entries: list[Entry]) -> list[Entry]:
    """Terms in ``source`` whose required translation ``translated`` does not contain."""
    text = text_of(translated)
    return [entry for entry in terms_in(source, entries) if not entry.required_pattern.search(text)]


def apply(fragment: str, entries: list[Entry]) -> str:
    """``fragment`` with every term replaced by its required translation (text only, tags kept)."""
    if not entries:
        return fragment
    parts = TAG.split(fragment)
    for index in range(0, len(parts), 2):  # even parts are text, odd parts are tags
        text = html.unescape(parts[index])
        for entry in entries:
            # A placeholder keeps a replaced term from being matched again by a shorter one.
            text = entry.pattern.sub(lambda _match, entry=entry: f"\x00{entries.index(entry)}\x00", text)
        text = html.escape(text, quote=False)
        parts[index] = re.sub(
            "\x00(\\d+)\x00", lambda match: html.escape(entries[int(match[1])].required), text
        )
    return "".join(parts)


def violation_message(entry: Entry) -> str:
    return _("term '%(term)s' must be translated as '%(required)s'") % {
        "term": entry.term,
        "required": entry.required,
    }


@dataclass
class Violation:
    """A translated string that lacks a term's required translation."""

    title: str
    locale: str
    path: str
    source: str
    translated: str
    entry: Entry

    @property
    def message(self):
        return violation_message(self.entry)


def violations(locales) -> list[Violation]:
    """Every translated string, in ``locales``, whose source has a term its translation lacks."""
    from wagtail_localize.models import StringSegment

    found = []
    for locale in locales:
        entries = entries_for(locale)
        if not entries:
            continue
        segments = (
            StringSegment.objects.filter(
                source__translations__target_locale=locale, source__translations__enabled=True
            )
            .select_related("string", "context", "source")
            .annotate_translation(locale)
            .order_by("source__object_repr", "order")
        )
        for segment in segments:
            if not segment.translation:
                continue
            for entry in missing_terms(segment.string.data, segment.translation, entries):
                found.append(
                    Violation(
                        segment.source.object_repr,
                        locale.language_code,
                        segment.context.path,
                        text_of(segment.string.data),
                        text_of(segment.translation),
                        entry,
                    )
                )
    return found
