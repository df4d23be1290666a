"""Trilingual text values and the translation lookup built from them."""

from dataclasses import dataclass

from wagtail_localize.strings import StringValue, extract_strings

LANGUAGES = ("en", "fr", "nl")
TRANSLATION_LANGUAGES = ("fr", "nl")


@dataclass(frozen=True)
class Text:
    """One translatable value in English, French and Dutch."""

    en: str
    fr: str
    nl: str
    # Rich text is segmented by wagtail-localize block by block; plain text is one segment.
    rich: bool = False

    def __getitem__(self, language):
        return getattr(self, language)


def same(value):
    """A value written the same way in every language (a figure, a place name)."""
    return Text(value, value, value)


def rich(en, fr, nl):
    """Rich text HTML in the three languages, with the same block and link structure."""
    return Text(en, fr, nl, rich=True)


class TranslationLookup:
    """Maps each English segment, as wagtail-localize sees it, to its translation in one language.

    Plain text becomes one segment; rich text becomes one segment per block with
    links reduced to ``<a id="a1">`` markers. Both sides go through the same
    wagtail-localize functions, so the keys match what ``translate_object`` asks for.
    """

    def __init__(self, language):
        self.language = language
        # wagtail-localize offers blank optional fields as empty segments.
        self.strings = {"": ""}

    def add(self, text: Text):
        # Page ids in rich text links are placeholders here; segments keep no link attributes.
        english, translated = text.en, text[self.language]
        if text.rich:
            pairs = self._rich_text_pairs(english, translated)
        else:
            pairs = [(StringValue.from_plaintext(english).data, StringValue.from_plaintext(translated).data)]
        for source, target in pairs:
            known = self.strings.setdefault(source, target)
            if known != target:
                raise ValueError(f"{source!r} has two {self.language} translations: {known!r} and {target!r}")

    def _rich_text_pairs(self, english, translated):
        english_strings = [string.data for string, _attrs in extract_strings(english)[1]]
        translated_strings = [string.data for string, _attrs in extract_strings(translated)[1]]
        if len(english_strings) != len(translated_strings):
            raise ValueError(
                f"The {self.language} rich text does not have the English structure: {english!r}"
            )
        return zip(english_strings, translated_strings, strict=True)

    def __call__(self, source):
        """Translate one segment; a segment without a translation is an error in the demo data."""
        try:
            return self.strings[source]
        except KeyError:
            raise KeyError(f"No {self.language} translation in the demo content for {source!r}") from None
