"""Articles into one locale through wagtail-localize, with the per-segment work done in bulk.

Same outcome as ``translation.localization.translate_object`` (TranslationSource, an enabled
Translation, a manual StringTranslation per segment, the translated page published
from its revision), but the Translations and StringTranslations of a whole batch
are written with one INSERT each instead of an ``update_or_create`` per segment.
Writing and publishing the translated page is ``write_translation``'s, as everywhere.
"""

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from bench.sources import create_sources
from bench.vocabulary import translate
from translation.localization import write_translation


@transaction.atomic
def translate_articles_into(articles, locale) -> list:
    """Translate the specific English ``articles`` into ``locale``; returns the translated pages."""
    create_sources(articles)
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[article.translation_key for article in articles], locale_id=articles[0].locale_id
        )
    }
    Translation.objects.bulk_create(
        [Translation(source=source, target_locale=locale, enabled=True) for source in sources.values()],
        # A rerun after an interruption finds some of them already there.
        ignore_conflicts=True,
    )
    segments = StringSegment.objects.filter(source__in=sources.values()).select_related("string")
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=translate(segment.string.data, locale.language_code),
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            for segment in segments
        ],
        ignore_conflicts=True,
    )
    translated_pages = []
    for article in articles:
        source = sources[article.translation_key]
        translated_pages.append(write_translation(source, locale))
    return translated_pages
