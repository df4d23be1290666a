"""Machine translation for the translation editor's "Machine translate" button.

With ``DEEPL_API_KEY`` in the environment, DeepL translates, with the glossary
(``GlossaryDeepLTranslator``). Without it, development and test installations get
``DevelopmentTranslator``, which does not translate at all: it labels each string so
nobody mistakes its output for a real translation, while translators can still try
the pre-fill flow. Both apply the glossary's required translations.
"""

import hashlib

import requests
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.deepl import language_code as deepl_language
from wagtail_localize.strings import StringValue

from . import glossary


def language(locale) -> str:
    return locale.language_code.split("-")[0]


def development_label(locale) -> str:
    return f"[{language(locale).upper()} machine]"


class DevelopmentTranslator(BaseMachineTranslator):
    """Prefixes each string with "[FR machine]" (etc.) instead of translating it; applies the glossary."""

    display_name = _("Development translator (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        label = development_label(target_locale)
        entries = glossary.entries_for(target_locale)
        # StringValue.data is HTML-escaped text with wagtail-localize's inline tags,
        # so a plain-text prefix keeps every tag and placeholder of the source intact;
        # glossary terms are replaced in the text between tags only.
        return {string: StringValue(f"{label} {glossary.apply(string.data, entries)}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return language(source_locale) != language(target_locale)


class GlossaryDeepLTranslator(DeepLTranslator):
    """wagtail-localize's DeepL translator, sending the glossary of the target language along.

    DeepL glossaries cannot be edited, so one is created per distinct set of entries
    (named after their hash) and its id remembered in the cache; editing the glossary
    makes the next translation create a new one.
    """

    display_name = "DeepL"

    def api_base(self):
        if base := self.options.get("API_BASE_URL"):
            return base.rstrip("/")
        return self.get_api_endpoint().rsplit("/", 1)[0]

    def get_api_endpoint(self):
        if base := self.options.get("API_BASE_URL"):
            return f"{base.rstrip('/')}/translate"
        return super().get_api_endpoint()

    def glossary_id(self, source_locale, target_locale):
        entries = glossary.entries_for(target_locale)
        if not entries:
            return None
        source_lang = deepl_language(source_locale.language_code)
        target_lang = deepl_language(target_locale.language_code)
        # DeepL's tab-separated entries: one "term<TAB>translation" per line.
        tsv = "\n".join(f"{entry.term}\t{entry.required}" for entry in sorted(entries, key=lambda e: e.term))
        digest = hashlib.sha256(f"{source_lang}>{target_lang}\n{tsv}".encode()).hexdigest()[:16]
        cache_key = f"deepl-glossary:{digest}"
        if glossary_id := cache.get(cache_key):
            return glossary_id
        response = requests.post(
            f"{self.api_base()}/glossaries",
            json={
                "name": f"cms-{source_lang}-{target_lang}-{digest}",
                "source_lang": source_lang,
                "target_lang": target_lang,
                "entries": tsv,
                "entries_format": "tsv",
            },
            headers=self.get_headers(),
            timeout=int(self.options.get("TIMEOUT", 30)),
        )
        response.raise_for_status()
        glossary_id = response.json()["glossary_id"]
        cache.set(cache_key, glossary_id, None)
        return glossary_id

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if glossary_id := self.glossary_id(source_locale, target_locale):
            parameters["glossary_id"] = glossary_id
        return parameters
