"""Translating content through wagtail-localize's own machinery, from code.

``write_translation`` is the one place that turns a Translation's strings into the
translated object and publishes it; PO import, the demo content and the benchmark's
generator all end there. ``translate_object`` does a translator's whole job for the
demo content and the tests: a TranslationSource for the English object, a Translation
per target locale, one StringTranslation per segment, then ``write_translation``.
Translations made this way show up in the translation editor and follow later syncs
of the English source.
"""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate_object(instance, locale: Locale, translate: Callable[[str], str], *, user=None, publish=True):
    """Translate ``instance`` into ``locale``, each source string through ``translate``.

    ``translate`` receives a segment's source text (for rich text, one block of
    HTML with wagtail-localize's ``<a id="a1">`` link markers) and returns its
    translation. The source is refreshed from the current English object first,
    so calling this again after an English edit updates the translation. Strict:
    a string or related object left untranslated raises instead of falling back
    to English. Returns the translated object.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})

    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translate(segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )

    return write_translation(source, locale, user=user, publish=publish)


def write_translation(source: TranslationSource, locale: Locale, *, user=None, publish=True):
    """Write ``source``'s translation into ``locale`` from its StringTranslations; publish it too.

    Strict: a string left untranslated raises instead of falling back to English. A draft
    stays a draft when ``publish`` is false. Returns the translated (specific) object.
    """
    # wagtail-localize publishes pages in an on_commit hook, which never fires inside a
    # test's transaction nor at the point the caller expects; saving a draft and publishing
    # its revision here gives the same result inside any transaction.
    draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
    translated, _created = source.create_or_update_translation(
        locale, user=user, publish=not draftable, fallback=False
    )
    if draftable and publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated.specific if isinstance(translated, Page) else translated
