"""Translating content through wagtail-localize's own machinery, from code.

The demo content and the tests use this to make French and Dutch versions the way
a translator does in the translation editor: a TranslationSource for the English
object, a Translation per target locale, one StringTranslation per segment, then
wagtail-localize writes (and publishes) the target. Translations made this way
show up in the translation editor and follow later syncs of the English source.
"""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
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

    # wagtail-localize publishes pages in an on_commit hook, which never fires inside
    # a test's transaction; saving a draft and publishing its revision here behaves
    # the same in both places.
    is_draftable = isinstance(instance, DraftStateMixin)
    translated, _ = source.create_or_update_translation(
        locale, user=user, publish=not is_draftable, fallback=False
    )
    if is_draftable and publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated
