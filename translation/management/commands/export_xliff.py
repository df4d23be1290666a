"""Export untranslated strings of a locale, a page or a subtree to XLIFF files for an agency."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from translation import xliff


class Command(BaseCommand):
    help = _(
        "Write one XLIFF file per page or snippet with untranslated or outdated strings in a locale "
        "(or for one page or subtree)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help=_("Target language code, e.g. fr."))
        parser.add_argument("--output", required=True, help=_("Directory to write the XLIFF files to."))
        parser.add_argument(
            "--xliff-version", choices=xliff.VERSIONS, default="1.2", help=_("XLIFF version (default 1.2).")
        )
        parser.add_argument("--page", type=int, help=_("Only this English page (its id)."))
        parser.add_argument(
            "--subtree", action="store_true", help=_("With --page: the page and all below it.")
        )

    def handle(self, *args, locale, output, xliff_version, page=None, subtree=False, **options):
        target = Locale.objects.filter(language_code=locale).first()
        if target is None or target == Locale.get_default():
            raise CommandError(_("Unknown target locale: %(locale)s") % {"locale": locale})
        english_page = None
        if page is not None:
            english_page = Page.objects.filter(pk=page, locale=Locale.get_default()).first()
            if english_page is None:
                raise CommandError(_("No English page with id %(id)s.") % {"id": page})
        elif subtree:
            raise CommandError(_("--subtree needs --page."))
        paths = xliff.export(target, Path(output), xliff_version, page=english_page, subtree=subtree)
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(
            _("%(count)d XLIFF %(version)s file(s) written for %(locale)s.")
            % {"count": len(paths), "version": xliff_version, "locale": locale}
        )
