"""Trilingual text values, links between demo pages, and the translation lookup built from them."""

import re
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


# A link to another demo page in rich text: Wagtail's own form, with the page's key as its id.
PAGE_LINK = re.compile(r'(<a linktype="page" id=")([^"]*)(">)')


def page_links(html):
    """The keys of the demo pages a rich text links to, in order."""
    return [match.group(2) for match in PAGE_LINK.finditer(html)]


def with_page_ids(html, ids):
    """The rich text with each linked page key replaced by that page's id (``ids``: key -> id)."""
    return PAGE_LINK.sub(lambda match: f"{match.group(1)}{ids[match.group(2)]}{match.group(3)}", html)


def segment_pairs(text: Text, language):
    """``(English segment, translated segment)`` pairs, as wagtail-localize will ask for them.

    Plain text is one segment; rich text is one segment per block, with links reduced
    to ``<a id="a1">`` markers (so the linked pages play no part here). Raises
    ValueError if the translated rich text has not the English number of blocks.
    """
    english, translated = text.en, text[language]
    if not text.rich:
        return [(StringValue.from_plaintext(english).data, StringValue.from_plaintext(translated).data)]
    english_strings = [string.data for string, _attrs in extract_strings(english)[1]]
    translated_strings = [string.data for string, _attrs in extract_strings(translated)[1]]
    if len(english_strings) != len(translated_strings):
        raise ValueError(
            f"the {language} rich text has {len(translated_strings)} text blocks where the English has "
            f"{len(english_strings)}: keep the same paragraphs and list items"
        )
    return list(zip(english_strings, translated_strings, strict=True))


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
        # The loader has already checked that each English segment has one translation.
        for source, target in segment_pairs(text, self.language):
            known = self.strings.setdefault(source, target)
            if known != target:
                raise ValueError(f"{source!r} has two {self.language} translations: {known!r} and {target!r}")

    def __call__(self, source):
        """Translate one segment; a segment without a translation is an error in the demo data."""
        try:
            return self.strings[source]
        except KeyError:
            raise KeyError(f"No {self.language} translation in the demo content for {source!r}") from None
