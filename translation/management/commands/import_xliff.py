"""Import translated XLIFF files; a file with any problem is rejected whole and changes nothing."""

from django.utils.translation import gettext as _

from translation import xliff
from translation.management.importing import ImportTranslatedFilesCommand


class Command(ImportTranslatedFilesCommand):
    help = _("Check translated XLIFF 1.2 or 2.x files and import the valid ones into their translations.")
    format_module = xliff
    files_help = _("XLIFF files exported by export_xliff.")
