"""The translation editor's machine-translate button asks before it fills any string.

wagtail-localize's button posts straight to its ``machine_translate`` view, which fills
every untranslated string at once. ``TranslatorLocaleMiddleware`` sends that request here
unless it carries ``confirm``: the translator first sees how many strings the machine will
fill, that their own translations are kept, and posts again to go ahead, or goes back.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import translation as django_translation
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .refusals import admin_language

CONFIRM_FIELD = "confirm"


def is_confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "yes"


def untranslated_count(translation) -> int:
    """The strings the machine would fill: the source's segments with no translation yet."""
    segments = StringSegment.objects.filter(source=translation.source)
    done = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, translation_of_id__in=segments.values("string_id")
        ).values_list("translation_of_id", "context_id")
    )
    return sum(1 for pair in segments.values_list("string_id", "context_id") if pair not in done)


def confirmation_page(request, translation_id):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    translation = get_object_or_404(Translation, pk=translation_id)
    translator = get_machine_translator()
    back_url = get_valid_next_url_from_request(request)
    # Rendered before Wagtail's view would switch to the user's admin language.
    with django_translation.override(admin_language(request.user)):
        return render(
            request,
            "translation/machine_translate_confirm.html",
            {
                "translation": translation,
                "instance": translation.get_target_instance(),
                "translator_name": translator.display_name if translator else "",
                "untranslated": untranslated_count(translation),
                "back_url": back_url,
                "confirm_field": CONFIRM_FIELD,
            },
        )
