"""A French translator works in French only: every other locale is refused by the real admin views."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from translation.roles import all_roles


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_edit_url(snippet):
    return reverse(f"wagtailsnippets_news_{snippet._meta.model_name}:edit", args=[snippet.pk])


def refused(response):
    """Wagtail refuses with a redirect to the dashboard (and a message) or a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url.rstrip("/") == reverse("wagtailadmin_home").rstrip("/")
    )


@pytest.fixture
def fr_client(client, french_translator):
    client.force_login(french_translator)
    return client


@pytest.mark.django_db
def test_setup_roles_is_idempotent(roles):
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from wagtail.models import GroupPagePermission

    before = GroupPagePermission.objects.count()
    call_command("setup_roles", verbosity=0)
    assert GroupPagePermission.objects.count() == before
    assert set(Group.objects.values_list("name", flat=True)) >= {role.name for role in all_roles()}


@pytest.mark.django_db
def test_french_translator_opens_the_french_translation_editor(fr_client, translated_section):
    response = fr_client.get(edit_url(translated_section["fr"]))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_french_translator_cannot_open_other_locales_pages(fr_client, translated_section, language):
    assert refused(fr_client.get(edit_url(translated_section[language])))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_french_translator_cannot_publish_other_locales_pages(fr_client, translated_section, language):
    page = translated_section[language]
    page.save_revision()  # an unpublished change to publish
    response = fr_client.post(
        edit_url(page),
        {"title": "Hijacked", "slug": page.slug, "action-publish": "publish"},
    )
    assert refused(response)
    page.refresh_from_db()
    assert page.title != "Hijacked"
    assert page.has_unpublished_changes


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["translated_section", "translated_topic"])
def test_french_translator_cannot_save_strings_in_dutch_translations(fr_client, request, locales, fixture):
    # Pages are guarded by Wagtail's page permissions; snippets only by our locale check.
    english = request.getfixturevalue(fixture)["en"]
    dutch = Translation.objects.get(target_locale=locales["nl"], source__object_id=english.translation_key)
    segment = StringSegment.objects.filter(source=dutch.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[dutch.pk, segment.pk])
    response = fr_client.put(url, {"value": "Hijacked"}, content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
def test_french_translator_edits_french_snippets_only(fr_client, translated_topic):
    assert fr_client.get(snippet_edit_url(translated_topic["fr"])).status_code == 200
    assert refused(fr_client.get(snippet_edit_url(translated_topic["nl"])))
    assert refused(fr_client.get(snippet_edit_url(translated_topic["en"])))


@pytest.mark.django_db
def test_french_translator_creates_snippets_in_french_only(fr_client):
    add_url = reverse("wagtailsnippets_news_topic:add")
    assert fr_client.get(add_url, {"locale": "fr"}).status_code == 200
    assert refused(fr_client.get(add_url, {"locale": "nl"}))
    assert refused(fr_client.get(add_url))  # the default locale, English


@pytest.mark.django_db
def test_editor_edits_english_but_not_translations(client, editor, translated_section):
    client.force_login(editor)
    assert client.get(edit_url(translated_section["en"])).status_code == 200
    assert refused(client.get(edit_url(translated_section["fr"])))


@pytest.mark.django_db
def test_french_translator_takes_up_a_french_alias_but_submits_into_no_other_locale(
    fr_client, translated_section, home_page, locales
):
    from tests.factories import SectionPageFactory

    english = SectionPageFactory(parent=home_page, title="Partners")
    alias = english.copy_for_translation(locales["fr"], alias=True)
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])

    assert fr_client.post(submit_url, {"locales": [locales["nl"].pk]}).status_code == 403
    assert not english.get_translations().filter(locale=locales["nl"]).exists()

    response = fr_client.post(submit_url, {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    alias.refresh_from_db()
    # Still the fallback until translated; the translator works on it in the translation editor.
    assert alias.alias_of_id == english.pk
    assert fr_client.get(edit_url(alias)).templates[0].name == "wagtail_localize/admin/edit_translation.html"
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale=locales["fr"]
    ).exists()
