"""What ``import_po`` and ``import_xliff`` share: check every file, import the valid ones.

A file with any problem is rejected whole and changes nothing; the others are imported
(and published on request). Each format module provides ``check_file`` and
``import_checked``, and its checked files say how many strings they carry.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import MissingTranslationError


class ImportTranslatedFilesCommand(BaseCommand):
    # The format module (translation.po_files or translation.xliff) and its files' name.
    format_module = None
    files_help = ""

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help=self.files_help)
        parser.add_argument("--locale", help=_("Refuse files for any other locale."))
        parser.add_argument(
            "--publish", action="store_true", help=_("Publish each translation after import.")
        )
        parser.add_argument("--user", help=_("Username to record as the translator."))
        parser.add_argument("--dry-run", action="store_true", help=_("Only check the files."))

    def handle(self, *args, files, locale=None, publish=False, user=None, dry_run=False, **options):
        expected = self.expected_locale(locale)
        translator = self.translator(user)
        checked_files = [self.format_module.check_file(path, expected) for path in files]
        rejected = [checked for checked in checked_files if not checked.accepted]
        self.report_problems(checked_files, rejected)
        for checked in checked_files:
            if checked.accepted:
                self.import_one(checked, translator, publish, dry_run)
        if rejected:
            raise CommandError(_("%(count)d file(s) rejected.") % {"count": len(rejected)})

    def expected_locale(self, code):
        if not code:
            return None
        expected = Locale.objects.filter(language_code=code).first()
        if expected is None:
            raise CommandError(_("Unknown locale: %(locale)s") % {"locale": code})
        return expected

    def translator(self, username):
        if not username:
            return None
        translator = get_user_model().objects.filter(username=username).first()
        if translator is None:
            raise CommandError(_("Unknown user: %(user)s") % {"user": username})
        return translator

    def report_problems(self, checked_files, rejected):
        for checked in rejected:
            for problem in checked.problems:
                self.stderr.write(str(problem))
            self.stderr.write(_("%(path)s: rejected, nothing imported from it.") % {"path": checked.path})
        for checked in checked_files:
            for warning in checked.warnings:
                self.stderr.write(_("%(warning)s (glossary)") % {"warning": warning})

    def import_one(self, checked, translator, publish, dry_run):
        facts = {"path": checked.path, "count": checked.strings}
        if dry_run:
            self.stdout.write(
                _("%(path)s: valid, %(count)d translated string(s) (dry run, nothing imported).") % facts
            )
            return
        try:
            self.format_module.import_checked(checked, user=translator, publish=publish)
        except MissingTranslationError:
            # The import itself rolled back with the publish; keep the strings, unpublished.
            self.format_module.import_checked(checked, user=translator, publish=False)
            self.stderr.write(
                _("%(path)s: imported, but not published: some strings are still untranslated.") % facts
            )
            return
        if publish:
            message = _("%(path)s: imported %(count)d translated string(s) and published.")
        else:
            message = _("%(path)s: imported %(count)d translated string(s).")
        self.stdout.write(message % facts)
