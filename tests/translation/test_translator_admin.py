"""What a translator meets in the admin: only their language, friendly refusals, nothing overwritten
unasked, and the state of each translation in sight. Driven through the admin views as the demo
users of ``setup_roles --demo-users`` (translator-fr's admin speaks French from the first login)."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail_localize.models import StringTranslation, Translation

from news.models import MediaContact, Topic
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_active_language():
    """LocaleMiddleware leaves the language of the last request active on the thread."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def demo_users(locales, django_user_model):
    call_command("setup_roles", "--demo-users", "--password", "pw", stdout=io.StringIO())
    return {user.username: user for user in django_user_model.objects.all()}


def logged_in(client, demo_users, username):
    client.force_login(demo_users[username])
    return client


@pytest.fixture
def translator_fr(client, demo_users):
    return logged_in(client, demo_users, "translator-fr")


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def offered_locales(html: str) -> set[str]:
    return set(re.findall(r'name="locales" value="(\d+)"', html))


@pytest.fixture
def untranslated_page(home_page, translated_section, locales):
    """An English page that French and Dutch readers see as aliases (the fallback)."""
    english = SectionPageFactory(parent=home_page, title="Partners")
    for code in ("fr", "nl"):
        english.copy_for_translation(locales[code], alias=True)
    return english


# Forms offer only permitted locales.


def test_submit_form_offers_a_french_translator_french_only(translator_fr, untranslated_page, locales):
    html = translator_fr.get(submit_url(untranslated_page)).content.decode()

    assert offered_locales(html) == {str(locales["fr"].pk)}
    assert 'type="checkbox" name="select_all"' not in html


def test_submit_form_still_offers_an_editor_every_language(client, demo_users, untranslated_page, locales):
    html = logged_in(client, demo_users, "editor").get(submit_url(untranslated_page)).content.decode()

    assert offered_locales(html) == {str(locales["fr"].pk), str(locales["nl"].pk)}
    assert 'type="checkbox" name="select_all"' in html


# Refusals are translated and friendly.


def test_submitting_into_dutch_is_refused_in_french_inside_the_admin(
    translator_fr, untranslated_page, locales
):
    response = translator_fr.post(submit_url(untranslated_page), {"locales": [locales["nl"].pk]})

    html = response.content.decode()
    assert response.status_code == 403
    assert "403 Forbidden" not in html
    assert 'lang="fr"' in html and "data-refusal" in html
    assert "Vous travaillez en : Français." in html
    dutch = untranslated_page.get_translation(locales["nl"])
    assert dutch.alias_of_id == untranslated_page.pk  # still the fallback


def test_a_dutch_translation_editor_is_refused_to_the_french_translator_in_french(
    translator_fr, translated_section
):
    dutch = Translation.objects.get(
        source__object_id=translated_section["en"].translation_key, target_locale__language_code="nl"
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[dutch.pk, 1])

    response = translator_fr.get(url)

    assert response.status_code == 403
    assert "Désolé" in response.content.decode()


def test_the_dutch_translator_is_refused_in_dutch(client, demo_users, translated_section):
    french = Translation.objects.get(
        source__object_id=translated_section["en"].translation_key, target_locale__language_code="fr"
    )
    translator_nl = logged_in(client, demo_users, "translator-nl")

    response = translator_nl.get(reverse("wagtail_localize:preview_translation", args=[french.pk]))

    assert response.status_code == 403
    assert "U werkt in: Nederlands." in response.content.decode()


def test_opening_a_dutch_page_sends_the_french_translator_back_with_a_french_message(
    translator_fr, translated_section
):
    response = translator_fr.get(
        reverse("wagtailadmin_pages:edit", args=[translated_section["nl"].pk]),
        headers={"accept-language": "en"},
    )

    assert response.status_code == 302
    dashboard = translator_fr.get(response.url).content.decode()
    assert escape("Désolé, vous n'avez pas les autorisations pour accéder à cette zone.") in dashboard


# Machine translation asks before it fills anything.


@pytest.fixture
def french_translation_with_a_gap(translated_section):
    french = Translation.objects.get(
        source__object_id=translated_section["en"].translation_key, target_locale__language_code="fr"
    )
    StringTranslation.objects.filter(locale=french.target_locale).order_by("pk").last().delete()
    return french


def machine_translate_url(translation_):
    return reverse("wagtail_localize:machine_translate", args=[translation_.pk])


def test_the_editors_machine_translate_button_shows_a_confirmation_and_fills_nothing(
    translator_fr, french_translation_with_a_gap
):
    before = StringTranslation.objects.count()
    french_page = french_translation_with_a_gap.get_target_instance()
    next_url = reverse("wagtailadmin_pages:edit", args=[french_page.pk])

    # What the button in wagtail-localize's editor posts.
    response = translator_fr.post(machine_translate_url(french_translation_with_a_gap), {"next": next_url})

    html = response.content.decode()
    assert response.status_code == 200
    assert "data-machine-translate-confirm" in html
    assert "remplira 1 texte non traduit en Français" in html
    assert f'href="{next_url}"' in html  # cancel goes back to the editor
    assert StringTranslation.objects.count() == before
    assert translator_fr.get(machine_translate_url(french_translation_with_a_gap)).status_code == 200


def test_confirming_fills_the_missing_string_only(translator_fr, french_translation_with_a_gap):
    kept = set(StringTranslation.objects.values_list("pk", "data"))
    next_url = reverse("wagtailadmin_home")

    response = translator_fr.post(
        machine_translate_url(french_translation_with_a_gap), {"next": next_url, "confirm": "yes"}
    )

    assert response.status_code == 302 and response.url == next_url
    added = StringTranslation.objects.exclude(pk__in=[pk for pk, _data in kept])
    assert [string.data.startswith("[FR machine]") for string in added] == [True]
    assert kept <= set(StringTranslation.objects.values_list("pk", "data"))


# Snippet lists show and filter by language.


def language_cells(html: str) -> list[str]:
    """The text of each row's language cell (Wagtail's locale cell)."""
    return [cell.strip() for cell in re.findall(r'<td class="w-text-16">\s*(?:<[^>]+>\s*)*([^<]+)', html)]


@pytest.mark.parametrize("model", [Topic, MediaContact])
def test_snippet_lists_show_each_rows_language_and_filter_by_it(translator_fr, locales, model):
    for code in ("en", "fr", "nl"):
        fields = {"name": f"Row {code}"} | ({"slug": f"row-{code}"} if model is Topic else {})
        model.objects.create(locale=locales[code], **fields)
    list_url = reverse(model.snippet_viewset.get_url_name("list"))

    listing = translator_fr.get(list_url).content.decode()
    french_only = translator_fr.get(list_url, {"locale": "fr"}).content.decode()

    assert re.search(r"<th[^>]*>\s*(<a[^>]*>)?\s*Langue\b", listing)
    assert sorted(language_cells(listing)) == ["Anglais", "Français", "Néerlandais"]
    assert language_cells(french_only) == ["Français"]


# The explorer marks aliases, partly translated and outdated pages.


def explorer_states(client, parent) -> dict[str, str]:
    """Title -> translation state shown in the explorer listing of ``parent``'s children."""
    html = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()
    states = {}
    for row in re.findall(r"<tr.*?</tr>", html, re.S):
        title = re.search(r'id="page_\d+_title">\s*(?:<svg.*?</svg>)?\s*([^<]+?)\s*<', row, re.S)
        state = re.search(r'data-translation-state="(\w+)">([^<]+)<', row)
        if title:
            states[title[1]] = (state[1], state[2]) if state else None
    return states


def test_the_explorer_marks_an_alias_for_the_translator(translator_fr, untranslated_page, locales):
    french_home = untranslated_page.get_parent().get_translation(locales["fr"])

    states = explorer_states(translator_fr, french_home)

    assert states["Partners"] == ("alias", "Alias : affiche l’anglais")
    assert states["FR Our work"] is None  # translated and current: nothing to flag


def test_the_explorer_marks_a_partly_translated_page(translator_fr, french_translation_with_a_gap):
    french_home = french_translation_with_a_gap.get_target_instance().get_parent()

    total, done = french_translation_with_a_gap.get_progress()

    state, label = explorer_states(translator_fr, french_home)["FR Our work"]

    assert (state, label) == ("partial", f"Traduite en partie : {done} sur {total}")
    assert done == total - 1


def test_an_alias_being_translated_shows_as_partly_translated(translator_fr, untranslated_page, locales):
    translator_fr.post(submit_url(untranslated_page), {"locales": [locales["fr"].pk]})  # takes up the alias
    french = Translation.objects.get(
        source__object_id=untranslated_page.translation_key, target_locale=locales["fr"]
    )
    title = french.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of_id=title.string_id,
        context_id=title.context_id,
        locale=locales["fr"],
        data="Partenaires",
    )
    total, done = french.get_progress()

    states = explorer_states(translator_fr, untranslated_page.get_parent().get_translation(locales["fr"]))

    assert (done, untranslated_page.get_translation(locales["fr"]).alias_of_id) == (1, untranslated_page.pk)
    # wagtail-localize shows the translated title at once; the page is still the English alias.
    assert states["Partenaires"] == ("partial", f"Traduite en partie : 1 sur {total}")


def test_the_explorer_marks_a_page_whose_english_changed(translator_fr, translated_section):
    english = translated_section["en"]
    english.intro = "What we do, rewritten."
    english.save_revision().publish()

    state, label = explorer_states(translator_fr, translated_section["fr"].get_parent())["FR Our work"]

    assert (state, label) == ("outdated", "Obsolète : l’anglais a changé")


# Preferences and the dashboard.


def form_fields(html: str) -> dict[str, str]:
    """What a browser submits from ``html``'s form as rendered: inputs, checked boxes, chosen options."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        kind = kind[1] if kind else "text"
        if not name or kind in ("submit", "file") or (kind in ("checkbox", "radio") and "checked" not in tag):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        fields[name[1]] = value[1] if value else ("on" if kind == "checkbox" else "")
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        fields[name] = selected[1] if selected else ""
    return fields


def test_a_translator_saves_the_preferences_form_choosing_french(client, demo_users):
    from wagtail.users.models import UserProfile

    translator_nl = logged_in(client, demo_users, "translator-nl")
    url = reverse("wagtailadmin_account")
    fields = form_fields(translator_nl.get(url).content.decode())
    language_field = next(name for name in fields if name.endswith("preferred_language"))

    response = translator_nl.post(url, fields | {language_field: "fr"})

    assert response.status_code == 302
    assert UserProfile.get_for_user(demo_users["translator-nl"]).preferred_language == "fr"


@pytest.mark.parametrize("username", ["editor", "moderator", "translator-fr", "translator-nl"])
def test_the_dashboard_shows_the_site_name_for_every_role(client, demo_users, settings, username):
    html = logged_in(client, demo_users, username).get(reverse("wagtailadmin_home")).content.decode()

    heading = re.search(r'<h1 class="w-h1[^"]*">\s*([^<]+?)\s*</h1>', html)[1]
    assert heading == settings.WAGTAIL_SITE_NAME


# Strings outside our catalogues: upstream labels without gettext, and names stored in English.


def test_the_translation_editor_carries_its_untranslated_labels_in_french(translator_fr, translated_section):
    html = translator_fr.get(
        reverse("wagtailadmin_pages:edit", args=[translated_section["fr"].pk])
    ).content.decode()

    labels = json.loads(
        re.search(r'<script id="translation-editor-labels"[^>]*>(.*?)</script>', html, re.S)[1]
    )
    assert labels["moreActions"] == "Plus d’actions"
    assert labels["sectionTitle"] == "Traduction : %(source)s → %(target)s"
    assert labels["months"]["November"] == "novembre"
    assert "translation/js/editor_labels.js" in html


def test_the_submit_action_names_the_workflow_in_the_admins_language(client, demo_users, home_page):
    from wagtail.users.models import UserProfile

    from tests.factories import NewsIndexPageFactory

    editor = demo_users["editor"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nl"
    profile.save()
    news = NewsIndexPageFactory(parent=home_page)
    add_article = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news.pk])

    html = logged_in(client, demo_users, "editor").get(add_article).content.decode()

    assert "Stuur door naar Nieuwsmoderatie" in html
    assert "News moderation" not in html
