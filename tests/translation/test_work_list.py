"""A translator's work list in the admin and the daily e-mail digest of it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from tests.factories import SectionPageFactory
from translation.localization import translate_object

from .conftest import dutch, french, user_in


def published_at(page, moment):
    """Pin when the English page was last published, so "oldest first" is deterministic."""
    Page.objects.filter(pk=page.pk).update(last_published_at=moment)
    page.refresh_from_db()
    return page


@pytest.fixture
def work(home_page, locales):
    """French: one page outdated, one partly translated, one missing (an alias); Dutch: one missing."""
    now = timezone.now()
    for locale, translate in ((locales["fr"], french), (locales["nl"], dutch)):
        translate_object(home_page, locale, translate)
    outdated = SectionPageFactory(parent=home_page, title="Outdated one", intro="Old text.")
    translate_object(outdated, locales["fr"], french)
    translate_object(outdated, locales["nl"], dutch)
    outdated.intro = "New text."
    outdated.save_revision().publish()
    partly = SectionPageFactory(parent=home_page, title="Partly one", intro="Half done.")
    source, _created = TranslationSource.update_or_create_from_instance(partly)
    partly.copy_for_translation(locales["fr"], alias=True)
    translate_object(partly, locales["nl"], dutch)
    StringTranslation.objects.filter(locale=locales["fr"], translation_of__data="Half done.").delete()
    from wagtail_localize.models import StringSegment, Translation

    Translation.objects.get_or_create(source=source, target_locale=locales["fr"], defaults={"enabled": True})
    segment = StringSegment.objects.get(source=source, string__data="Partly one")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locales["fr"], context=segment.context, data="À moitié"
    )
    missing = SectionPageFactory(parent=home_page, title="Missing one", intro="Nothing yet.")
    missing.copy_for_translation(locales["fr"], alias=True)
    missing.copy_for_translation(locales["nl"], alias=True)
    return {
        "missing": published_at(missing, now - datetime.timedelta(days=3)),
        "outdated": published_at(outdated, now - datetime.timedelta(days=2)),
        "partly": published_at(partly, now - datetime.timedelta(days=1)),
    }


@pytest.mark.django_db
def test_a_translator_sees_their_language_only_oldest_first_with_editor_links(
    client, french_translator, work
):
    client.force_login(french_translator)
    response = client.get(reverse("translation_work_list"))
    assert response.status_code == 200
    items = response.context["items"]
    rows = [(item.title, item.row.locale.language_code, item.work) for item in items]
    assert rows[:3] == [
        ("Missing one", "fr", "missing"),
        ("Outdated one", "fr", "outdated"),
        ("Partly one", "fr", "partly"),
    ]
    assert {code for _title, code, _work in rows} == {"fr"}
    partly = items[2]
    assert partly.progress == "1/3"
    french_missing = Page.objects.get(
        translation_key=work["missing"].translation_key, locale__language_code="fr"
    )
    assert (
        f'href="{reverse("wagtailadmin_pages:edit", args=[french_missing.pk])}"' in response.content.decode()
    )


def digest():
    out = io.StringIO()
    call_command("send_translation_digest", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_one_digest_a_day_when_there_is_new_work(work, french_translator, editor, roles, django_user_model):
    dutch_translator = user_in(django_user_model, "Dutch translators", "translator-nl")

    output = digest()

    assert "2 digest(s) sent." in output
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {french_translator.email, dutch_translator.email}  # not the editor
    french_mail = by_recipient[french_translator.email]
    assert french_mail.subject == "3 new items to translate"
    body = french_mail.body
    assert body.index("Missing one") < body.index("Outdated one") < body.index("Partly one")
    assert "* Partly one (fr, Partly translated, 1/3)" in body
    assert "http://testserver/admin/pages/" in body and "http://testserver/admin/translation/work/" in body
    assert "Missing one (nl, Missing)" in by_recipient[dutch_translator.email].body

    mail.outbox.clear()
    assert "translator-fr: nothing new." in digest() and mail.outbox == []

    english = work["outdated"].specific
    english.intro = "Newer text."
    english.save_revision().publish()
    output = digest()
    assert "translator-fr: 1 new, 3 in all." in output
    assert [message.to for message in mail.outbox] == [[french_translator.email], [dutch_translator.email]]
    assert "* Outdated one" in mail.outbox[0].body and "- Missing one" in mail.outbox[0].body
