"""The few labels of wagtail-localize's translation editor that bypass gettext, in the user's language.

Its React bundle writes "More actions", "<source> to <target> translation" and dates such as
"29 November 2026" (Python's ``strftime``, always English) without any catalogue. The
``insert_editor_js`` hook adds our translations of them as JSON and a small script
(``static/translation/js/editor_labels.js``) that puts them in place of the English as the
editor renders. Everything else in the editor comes from wagtail-localize's own catalogues.
"""

from django.templatetags.static import static
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _


def month_names() -> dict[str, str]:
    """English month name -> the active language's (Django's own catalogue)."""
    with translation.override("en"):
        english = {number: str(name) for number, name in MONTHS.items()}
    return {english[number]: str(name) for number, name in MONTHS.items()}


def editor_labels() -> dict:
    return {
        "moreActions": _("More actions"),
        # "%(source)s" and "%(target)s" are the languages' names, as the editor shows them.
        "sectionTitle": _("%(source)s to %(target)s translation"),
        "months": month_names(),
    }


def editor_labels_js():
    """``insert_editor_js`` hook: the labels and the script that applies them."""
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(editor_labels(), "translation-editor-labels"),
        static("translation/js/editor_labels.js"),
    )
