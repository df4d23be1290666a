"""Nothing untranslated goes live as French or Dutch: until a page is translated, it is the fallback.

A page in a target locale is either wagtail-localize's *alias* of the English page (the
reader gets the English text, marked ``is_fallback``) or a real translation. wagtail-localize
turns the alias into a real page as soon as someone submits the English page for
translation, filling every untranslated string with English and publishing it when the
English page is live; its editor's Publish does the same with whatever is missing. Neither
matches our promise, so:

- ``guarded_save_target`` replaces ``Translation.save_target`` (used by "Translate this
  page", sync and the translation editor): an incomplete translation never writes into a
  live page; it keeps (or creates) the alias, and at most saves a draft of a page nobody
  reads yet.
- ``refuse_untranslated_publish`` listens to every publish (admin, bulk, scheduled,
  workflow approval): a page going live in a target locale with source text that has no
  translation becomes the fallback alias again.

The strings a translator entered stay in wagtail-localize's StringTranslations, so nothing
of their work is lost; the release (publishing/release.py) writes them out once complete.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    StringSegment,
    Translation,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

_original_save_target = Translation.save_target


def is_complete(translation: Translation) -> bool:
    """Every string translated and every related object (topic, contact) available in the locale."""
    total, done = translation.get_progress()
    if done < total:
        return False
    try:
        translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=False)
    except (MissingTranslationError, MissingRelatedObjectError):
        return False
    except Page.DoesNotExist:
        # No page in the locale yet: strings complete is what we can check.
        return True
    return True


def is_page_source(translation: Translation) -> bool:
    return issubclass(translation.source.specific_content_type.model_class(), Page)


def target_page(translation: Translation):
    return (
        Page.objects.filter(translation_key=translation.source.object_id, locale=translation.target_locale_id)
        .select_related("locale")
        .first()
    )


def source_page_of(page: Page):
    """The page in the default locale this page translates, or None for a page written by hand alone."""
    return Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default()).first()


def restore_fallback(page: Page) -> Page:
    """Turn a translated page back into the alias of its source page (children and id kept).

    Its revisions stay in the history; the translator's strings stay in wagtail-localize.
    """
    source = source_page_of(page)
    if source is None or source.pk == page.pk:
        return page
    Page.objects.filter(pk=page.pk).update(
        alias_of=source, latest_revision=None, live_revision=None, has_unpublished_changes=False
    )
    if source.live:
        # Wagtail copies the source's live content into its aliases and marks them live.
        source.specific.update_aliases()
    else:
        Page.objects.filter(pk=page.pk).update(live=False, title=source.title, draft_title=source.title)
    return Page.objects.get(pk=page.pk)


def ensure_fallback(translation: Translation):
    """The page exists in the target locale: the existing one, or a new alias of the source."""
    page = target_page(translation)
    if page is None:
        source = translation.source.get_source_instance()
        page = source.copy_for_translation(translation.target_locale, copy_parents=True, alias=True)
    return page


def guarded_save_target(self, user=None, publish=True):
    """``Translation.save_target`` that writes pages only from complete translations."""
    if not is_page_source(self) or is_complete(self):
        return _original_save_target(self, user=user, publish=publish)
    page = ensure_fallback(self)
    if page.alias_of_id or page.live:
        # The alias keeps serving the marked fallback; a live translation keeps its text.
        # wagtail-localize would write the English fallback into the live row even for a draft.
        return None
    # A page nobody reads yet (never published): a draft with the strings so far is harmless.
    return _original_save_target(self, user=user, publish=False)


def strings_of(page: Page) -> set[str]:
    return {
        segment.string.data for segment in extract_segments(page) if isinstance(segment, StringSegmentValue)
    }


def untranslated_text_in(page: Page) -> bool:
    """True when ``page``, in a target locale, shows source text that was never translated.

    With a wagtail-localize translation: a string without translation appears in the page.
    Without one (a copy made with Wagtail's "copy for translation", or a page whose
    translation was stopped): every string of the page is the source page's own text.
    """
    source = source_page_of(page)
    if source is None or source.pk == page.pk:
        return False
    shown = strings_of(page)
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return bool(shown) and shown <= strings_of(source.specific)
    missing = set(
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(page.locale)
        .filter(translation__isnull=True)
        .values_list("string__data", flat=True)
    )
    return bool(missing & shown)


def refuse_untranslated_publish(sender, instance, revision=None, alias=False, **kwargs):
    """``page_published`` receiver: a target-locale page with untranslated text becomes the fallback."""
    if alias or instance.alias_of_id or instance.locale_id == Locale.get_default().pk:
        return
    if untranslated_text_in(instance):
        restore_fallback(instance)


def install():
    """Called from TranslationConfig.ready()."""
    from wagtail.signals import page_published

    Translation.save_target = guarded_save_target
    page_published.connect(refuse_untranslated_publish, dispatch_uid="translation.fallback")
