"""The translation editor's "Machine translate" pre-fills only what is left, clearly labelled."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import SectionPageFactory
from translation.localization import translate_object
from translation.machine_translation import DevelopmentTranslator

from .conftest import french


@pytest.mark.django_db
def test_without_a_deepl_key_the_development_translator_is_used():
    assert isinstance(get_machine_translator(), DevelopmentTranslator)


@pytest.mark.django_db
def test_machine_translate_prefills_untranslated_strings_for_review(
    client, french_translator, home_page, locales
):
    translate_object(home_page, locales["fr"], french)
    section = SectionPageFactory(
        parent=home_page, title="Our work", body=[("paragraph", RichText("<p>Hello.</p>"))]
    )
    translate_object(section, locales["fr"], french)
    section.intro = "A new introduction."
    section.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(section)
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    french_page = translation.get_target_instance()

    client.force_login(french_translator)
    editor_url = reverse("wagtailadmin_pages:edit", args=[french_page.pk])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": editor_url, "confirm": "yes"},  # the confirmation page's button
    )

    assert response.status_code == 302 and response.url == editor_url
    machine = StringTranslation.objects.get(locale=locales["fr"], translation_of__data=section.intro)
    assert machine.data == "[FR machine] A new introduction."
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    # The translator's own work is left alone.
    human = StringTranslation.objects.get(locale=locales["fr"], translation_of__data="Our work")
    assert human.data == "FR Our work"
    assert translation.get_progress()[0] == translation.get_progress()[1]


@pytest.mark.django_db
def test_deepl_is_used_when_a_key_is_configured(settings):
    from wagtail_localize.machine_translators.deepl import DeepLTranslator

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "key:fx"},
    }
    assert isinstance(get_machine_translator(), DeepLTranslator)
