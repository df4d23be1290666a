"""Import translated PO files; a file with any problem is rejected whole and changes nothing."""

from django.utils.translation import gettext as _

from translation import po_files
from translation.management.importing import ImportTranslatedFilesCommand


class Command(ImportTranslatedFilesCommand):
    help = _("Check translated PO files and import the valid ones into their translations.")
    format_module = po_files
    files_help = _("PO files exported by export_po.")
