"""Compile the project's gettext catalogues (.po) to .mo with polib, without GNU gettext.

The .mo files are committed so that running the site needs no gettext tools; CI runs
``compile_catalogues --check`` to prove they still match their sources.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Only the header fields gettext reads at run time go into a .mo file. Leaving out
# dates and translator names means a makemessages run that changes no translation
# (it always bumps POT-Creation-Date) leaves the compiled bytes, and the check, alone.
RUNTIME_HEADER_FIELDS = ("Language", "Plural-Forms")
CONTENT_TYPE = "text/plain; charset=UTF-8"


def find_catalogues() -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/*.po`` under the project's LOCALE_PATHS, in a stable order."""
    pattern = "*/LC_MESSAGES/*.po"
    return sorted(path for locale_dir in settings.LOCALE_PATHS for path in Path(locale_dir).glob(pattern))


def compile_catalogue(po: polib.POFile) -> bytes:
    """The .mo bytes for ``po``: its translated entries, sorted, and the run-time header.

    The same .po always gives the same bytes (polib sorts the entries and writes no
    hash table), so comparing bytes tells whether a committed .mo is up to date.
    Like msgfmt, polib writes the machine's byte order; every platform we build
    on is little-endian.
    """
    mo = polib.MOFile(encoding="utf-8")
    mo.metadata = {name: po.metadata[name] for name in RUNTIME_HEADER_FIELDS if name in po.metadata}
    mo.metadata["Content-Type"] = CONTENT_TYPE
    for entry in po.translated_entries():
        mo.append(
            polib.MOEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=entry.msgstr,
                msgstr_plural=entry.msgstr_plural,
            )
        )
    return mo.to_binary()


def incomplete_entries(po: polib.POFile) -> list[str]:
    """Descriptions of what a translator still has to do in ``po`` (empty when complete)."""
    problems = [f"untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    problems += [f"fuzzy: {entry.msgid!r}" for entry in po.fuzzy_entries()]
    if po.metadata_is_fuzzy:
        problems.append("fuzzy: the header entry")
    return problems


def display(path: Path) -> str:
    """``path`` from the locale directory's parent, e.g. ``locale/fr/LC_MESSAGES/django.mo``."""
    # <locale dir>/<lang>/LC_MESSAGES/<file>: four levels up is the locale dir's parent.
    return str(path.relative_to(path.parents[3]))


class Command(BaseCommand):
    help = (
        "Compile every locale/*/LC_MESSAGES/*.po to .mo with polib (no GNU gettext needed). "
        "With --check, write nothing and fail if a .mo is missing or out of date, or a .po is incomplete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit non-zero naming each catalogue that is stale, missing or incomplete.",
        )

    def handle(self, *args, check=False, **options):
        catalogues = find_catalogues()
        if not catalogues:
            raise CommandError(f"No .po files found under LOCALE_PATHS ({settings.LOCALE_PATHS}).")
        if not check:
            for po_path in catalogues:
                self.write_mo(po_path)
            return
        failures = [failure for po_path in catalogues for failure in self.verify(po_path)]
        if failures:
            raise CommandError("\n".join(failures))
        self.stdout.write(f"{len(catalogues)} compiled catalogue(s) match their sources.")

    def write_mo(self, po_path: Path) -> None:
        po = polib.pofile(str(po_path))
        for problem in incomplete_entries(po):
            # Still compiled: gettext falls back to English for these, which is the
            # right behaviour while a translation is in progress.
            self.stderr.write(f"{display(po_path)}: {problem}")
        mo_path = po_path.with_suffix(".mo")
        compiled = compile_catalogue(po)
        if mo_path.exists() and mo_path.read_bytes() == compiled:
            self.stdout.write(f"{display(mo_path)} is up to date")
        else:
            mo_path.write_bytes(compiled)
            count = len(po.translated_entries())
            self.stdout.write(f"Wrote {display(mo_path)} ({count} translated strings)")

    def verify(self, po_path: Path) -> list[str]:
        po = polib.pofile(str(po_path))
        failures = [f"{display(po_path)}: {problem}" for problem in incomplete_entries(po)]
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            failures.append(f"{display(mo_path)} is missing: run manage.py compile_catalogues")
        elif mo_path.read_bytes() != compile_catalogue(po):
            failures.append(
                f"{display(mo_path)} does not match {po_path.name}: run manage.py compile_catalogues"
            )
        return failures
