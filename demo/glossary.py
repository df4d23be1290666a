"""The demo glossary (``content/glossary.toml``): the office's fixed names and their translations."""

import tomllib

from django.utils.translation import gettext as _
from wagtail.models import Locale

from translation.models import GlossaryTerm, GlossaryTranslation

from .loader import CONTENT_DIR, ContentError
from .report import CREATED, UNCHANGED, UPDATED
from .text import Text

GLOSSARY_FILE = CONTENT_DIR / "glossary.toml"


def glossary_entries():
    """(English term, its text in every language, case sensitive, note) from ``content/glossary.toml``."""
    with GLOSSARY_FILE.open("rb") as file:
        terms = tomllib.load(file)["term"]
    for number, term in enumerate(terms, start=1):
        missing = {"en", "fr", "nl"} - set(term.get("text", {}))
        if missing:
            raise ContentError(
                f"{GLOSSARY_FILE.name}: term {number} has no {', '.join(sorted(missing))} text"
            )
        text = Text(term["text"]["en"], term["text"]["fr"], term["text"]["nl"])
        yield text["en"], text, term.get("case_sensitive", False), term.get("note", "")


def ensure_glossary(report):
    """Create or update each demo term and its French and Dutch translations."""
    report.step(_("Glossary"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for term, translations, case_sensitive, note in glossary_entries():
        entry, created = GlossaryTerm.objects.get_or_create(
            term=term, defaults={"case_sensitive": case_sensitive, "note": note}
        )
        changed = False
        if (entry.case_sensitive, entry.note) != (case_sensitive, note):
            entry.case_sensitive, entry.note = case_sensitive, note
            entry.save()
            changed = True
        for code in ("fr", "nl"):
            if code not in locales:
                continue
            wanted = translations[code]
            row = GlossaryTranslation.objects.filter(term=entry, locale=locales[code]).first()
            if row is None:
                GlossaryTranslation.objects.create(term=entry, locale=locales[code], translation=wanted)
                changed = True
            elif row.translation != wanted:
                row.translation = wanted
                row.save()
                changed = True
        status = CREATED if created else UPDATED if changed else UNCHANGED
        report.record("glossary term", term, status)
