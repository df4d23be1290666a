"""Machine translation for the translation editor's "Machine translate" button.

With ``DEEPL_API_KEY`` in the environment, wagtail-localize's DeepL translator is
used. Without it, development and test installations get ``DevelopmentTranslator``,
which does not translate at all: it labels each string so nobody mistakes its
output for a real translation, while translators can still try the pre-fill flow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def language(locale) -> str:
    return locale.language_code.split("-")[0]


def development_label(locale) -> str:
    return f"[{language(locale).upper()} machine]"


class DevelopmentTranslator(BaseMachineTranslator):
    """Prefixes each string with "[FR machine]" (etc.) instead of translating it."""

    display_name = _("Development translator (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        label = development_label(target_locale)
        # StringValue.data is HTML-escaped text with wagtail-localize's inline tags,
        # so a plain-text prefix keeps every tag and placeholder of the source intact.
        return {string: StringValue(f"{label} {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return language(source_locale) != language(target_locale)
