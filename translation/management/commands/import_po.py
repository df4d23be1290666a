"""Import translated PO files; a file with any problem is rejected whole and changes nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import MissingTranslationError

from translation.po_files import check_file, import_checked


class Command(BaseCommand):
    help = _("Check translated PO files and import the valid ones into their translations.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help=_("PO files exported by export_po."))
        parser.add_argument("--locale", help=_("Refuse files for any other locale."))
        parser.add_argument(
            "--publish", action="store_true", help=_("Publish each translation after import.")
        )
        parser.add_argument("--user", help=_("Username to record as the translator."))
        parser.add_argument("--dry-run", action="store_true", help=_("Only check the files."))

    def handle(self, *args, files, locale=None, publish=False, user=None, dry_run=False, **options):
        expected = None
        if locale:
            expected = Locale.objects.filter(language_code=locale).first()
            if expected is None:
                raise CommandError(_("Unknown locale: %(locale)s") % {"locale": locale})
        translator = get_user_model().objects.get(username=user) if user else None

        checked_files = [check_file(path, expected) for path in files]
        rejected = [checked for checked in checked_files if not checked.accepted]
        for checked in rejected:
            for problem in checked.problems:
                self.stderr.write(str(problem))
            self.stderr.write(_("%(path)s: rejected, nothing imported from it.") % {"path": checked.path})

        for checked in checked_files:
            for warning in checked.warnings:
                self.stderr.write(_("%(warning)s (glossary)") % {"warning": warning})
        for checked in checked_files:
            if not checked.accepted or dry_run:
                continue
            try:
                import_checked(checked, user=translator, publish=publish)
            except MissingTranslationError:
                self.stderr.write(
                    _("%(path)s: imported, but not published: some strings are still untranslated.")
                    % {"path": checked.path}
                )
                import_checked(checked, user=translator, publish=False)
                continue
            self.stdout.write(_("%(path)s: imported.") % {"path": checked.path})

        if rejected:
            raise CommandError(_("%(count)d file(s) rejected.") % {"count": len(rejected)})
