"""One article into one locale through wagtail-localize, with the per-segment work done in bulk.

Same outcome as ``cms.localization.translate_object`` (TranslationSource, an enabled
Translation, a manual StringTranslation per segment, the translated page published
from its revision), but the StringTranslations are written with one INSERT instead
of an update_or_create per segment.
"""

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from bench.vocabulary import translate


@transaction.atomic
def translate_article(article, locale):
    source, _created = TranslationSource.get_or_create_from_instance(article)
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    segments = StringSegment.objects.filter(source=source).select_related("string")
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
        # A rerun after an interruption finds some of them already there.
        ignore_conflicts=True,
    )
    translated, _created = source.create_or_update_translation(locale, publish=False, fallback=False)
    # wagtail-localize publishes on commit; publishing here works inside any transaction.
    translated.get_latest_revision().publish()
    return translated
