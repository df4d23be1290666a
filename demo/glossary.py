"""The demo glossary: the office's fixed names, as the demo translations already write them."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from translation.models import GlossaryTerm, GlossaryTranslation

from .report import CREATED, UNCHANGED, UPDATED
from .text import Text

# (English term, required translations, case sensitive, note for translators)
GLOSSARY = [
    (
        "country office",
        Text("country office", "bureau de pays", "landenkantoor"),
        False,
        "The office for Belgium and Luxembourg; never 'agence' or 'bureau national'.",
    ),
    ("Head of office", Text("Head of office", "Chef de bureau", "Kantoorhoofd"), False, ""),
    (
        "European External Action Service",
        Text(
            "European External Action Service",
            "Service européen pour l'action extérieure",
            "Europese Dienst voor extern optreden",
        ),
        True,
        "The EU's diplomatic service (EEAS / SEAE / EDEO): spell out on first mention.",
    ),
    ("European Union", Text("European Union", "Union européenne", "Europese Unie"), True, ""),
]


def ensure_glossary(report):
    """Create or update each demo term and its French and Dutch translations."""
    report.step(_("Glossary"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for term, translations, case_sensitive, note in GLOSSARY:
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
