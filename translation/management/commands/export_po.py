"""Export everything untranslated or outdated in one locale to PO files for an agency."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale

from translation.po_files import export_locale


class Command(BaseCommand):
    help = _("Write one PO file per page or snippet with untranslated or outdated strings in a locale.")

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help=_("Target language code, e.g. fr."))
        parser.add_argument("--output", required=True, help=_("Directory to write the PO files to."))

    def handle(self, *args, locale, output, **options):
        target = Locale.objects.filter(language_code=locale).first()
        if target is None or target == Locale.get_default():
            raise CommandError(_("Unknown target locale: %(locale)s") % {"locale": locale})
        paths = export_locale(target, Path(output))
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(
            _("%(count)d PO file(s) written for %(locale)s.") % {"count": len(paths), "locale": locale}
        )
