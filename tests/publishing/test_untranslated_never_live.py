"""What is published in French or Dutch is written in French or Dutch; until then, the marked fallback.

Driven through the admin's own views as the editor and translators use them: "Translate
this page" (wagtail-localize's submit view), the translation editor's string API, the
release view, the page editor's Publish.
"""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from news.models import NewsArticlePage
from translation.status import State, collect_rows


def api_page(page):
    return APIClient().get(f"/api/v2/pages/{page.pk}/")


def in_locale(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def translation_into(page, code):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=code)


def BOUNDARY_PUT(data):  # noqa: N802
    """Arguments for ``client.put`` sending form data, as the translation editor's API reads it."""
    return encode_multipart(BOUNDARY, data), MULTIPART_CONTENT


def type_strings(client, translation, count=None, prefix="FR"):
    """What the translation editor does for each string a translator types: a PUT to its API."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in list(segments.order_by("order"))[:count]:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, *BOUNDARY_PUT({"value": f"{prefix} {segment.string.data}"}))
        assert response.status_code in (200, 201), response.content


def states_of(page):
    return {row.locale.language_code: row.state for row in collect_rows() if row.source.pk == page.pk}


def submit(client, page, *codes, locales):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locales[code].pk for code in codes]})


@pytest.fixture
def press_release(site):
    """A new press release, drafted in English; its topic and contact are translated in the site."""
    article = NewsArticlePage(title="Joint statement", slug="joint-statement", lead="Three offices agree.",
                              live=False)  # fmt: skip
    site["news"].add_child(instance=article)
    article.save_revision()
    return article


@pytest.mark.django_db
def test_release_publishes_the_translation_editors_strings_and_leaves_the_unfinished_one_as_fallback(
    admin_client, press_release, locales
):
    assert submit(admin_client, press_release, "fr", "nl", locales=locales).status_code == 302
    french, dutch = translation_into(press_release, "fr"), translation_into(press_release, "nl")
    type_strings(admin_client, french)  # every string, and no Publish in the editor
    type_strings(admin_client, dutch, count=1, prefix="NL")

    url = reverse("publishing_release", args=[press_release.pk])
    ready = {v.page.locale.language_code: v.ready for v in admin_client.get(url).context["versions"]}
    assert ready == {"en": True, "fr": True, "nl": False}
    assert admin_client.post(url, {"go_live_at": ""}).status_code == 302

    served_fr = api_page(in_locale(press_release, "fr")).json()
    assert served_fr["title"] == "FR Joint statement"
    assert served_fr["lead"] == "FR Three offices agree."
    assert (served_fr["content_locale"], served_fr["is_fallback"]) == ("fr", False)

    dutch_page = in_locale(press_release, "nl")
    served_nl = api_page(dutch_page)
    assert served_nl.status_code == 200  # the English fallback, not a 404
    assert served_nl.json()["title"] == "Joint statement"
    assert (served_nl.json()["content_locale"], served_nl.json()["is_fallback"]) == ("en", True)

    states = states_of(press_release)
    assert states == {"fr": State.CURRENT, "nl": State.ALIAS}


@pytest.mark.django_db
def test_translate_this_page_keeps_a_live_alias_serving_the_fallback(client, people, site, locales):
    about = site["about"]
    dutch = in_locale(about, "nl")
    assert dutch.alias_of_id == about.pk and dutch.live
    client.force_login(people["editor"])

    response = submit(client, about, "nl", locales=locales)
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 200  # not "Sorry, you do not have permission to access this area"
    texts = [str(message) for message in landing.context["messages"]]
    assert not any("permission" in text for text in texts)

    dutch.refresh_from_db()
    assert dutch.alias_of_id == about.pk
    served = api_page(dutch).json()
    assert (served["content_locale"], served["is_fallback"]) == ("en", True)
    assert translation_into(about, "nl").enabled
    states = states_of(about)
    assert states["nl"] == State.ALIAS


@pytest.mark.django_db
def test_publishing_a_page_with_untranslated_text_in_a_target_locale_gives_the_fallback(
    admin_client, press_release, locales
):
    press_release.save_revision().publish()
    assert submit(admin_client, press_release, "fr", locales=locales).status_code == 302
    # A French copy holding the English text, as Wagtail's own "copy for translation" makes it.
    alias = in_locale(press_release, "fr")
    alias.delete()
    french = press_release.copy_for_translation(locales["fr"]).specific
    revision = french.save_revision()
    assert not french.live

    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = admin_client.post(f"{bulk_publish}?id={french.pk}", {})
    assert response.status_code == 302
    served = api_page(french).json()
    assert (served["content_locale"], served["is_fallback"]) == ("en", True)
    assert revision.pk  # the English-text revision stays in the history


@pytest.mark.django_db
def test_status_report_calls_a_page_outdated_when_its_strings_changed_after_publishing(
    admin_client, press_release, locales, committed
):
    press_release.save_revision().publish()
    submit(admin_client, press_release, "fr", locales=locales)
    french = translation_into(press_release, "fr")
    type_strings(admin_client, french)
    editor = reverse("wagtailadmin_pages:edit", args=[in_locale(press_release, "fr").pk])
    committed(lambda: admin_client.post(editor, {"action": "publish"}))
    states = states_of(press_release)
    assert states["fr"] == State.CURRENT

    type_strings(admin_client, french, count=1, prefix="FR changed")  # typed, not published
    states = states_of(press_release)
    assert states["fr"] == State.OUTDATED


@pytest.mark.django_db
def test_translation_editor_refuses_to_publish_half_a_translation_and_says_why(
    admin_client, press_release, locales, committed
):
    press_release.save_revision().publish()
    submit(admin_client, press_release, "fr", locales=locales)
    type_strings(admin_client, translation_into(press_release, "fr"), count=1)
    french = in_locale(press_release, "fr")
    editor = reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert "wagtail_localize/admin/edit_translation.html" in [
        t.name for t in admin_client.get(editor).templates
    ]

    response = committed(lambda: admin_client.post(editor, {"action": "publish"}, follow=True))
    assert any("Not published" in str(message) for message in response.context["messages"])
    served = api_page(french).json()
    assert (served["content_locale"], served["is_fallback"], served["title"]) == (
        "en",
        True,
        "Joint statement",
    )
