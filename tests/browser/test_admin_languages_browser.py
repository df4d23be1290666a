"""The translator's screens in Chromium, with the admin in French and in Dutch: no English left.

translator-fr and translator-nl (``setup_roles --demo-users``, whose admin speaks their
language from the first login) visit the screens of their first hour: the dashboard, the
explorer, the translation editor and its machine-translation confirmation, "Translate this
page", the topic list and a refusal. What the browser shows (text, and the labels read out
to screen-reader users) must contain none of the English strings translators reported.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from news.models import Topic
from tests.browser.conftest import log_in
from tests.browser.test_lifecycle import ensure_installation
from tests.sites import build_site

pytestmark = pytest.mark.django_db(transaction=True)

ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
# What translators found in English in the French and Dutch admin (issue 10), and what our
# own screens said before they were translated.
KNOWN_ENGLISH = [
    "More actions", "Translations", " to ", " translation", "Publish in", "Submit to", "News moderation",
    "403 Forbidden", "Sorry, you", "Not allowed", "Select all", "Locale", "Alias: shows English", "Outdated",
    "Partly translated", "Machine translation", "localhost", *ENGLISH_MONTHS,
]  # fmt: skip
# Language names glued to the text before them ("Publier dansFrançais").
GLUED_LANGUAGE = re.compile(r"\w(Français|Néerlandais|Frans|Nederlands)\b")

VISIBLE_TEXT_AND_LABELS = """() => [
    document.body.innerText,
    ...[...document.querySelectorAll("[aria-label], [title]")].map(
        (element) => `${element.getAttribute("aria-label") || ""} ${element.getAttribute("title") || ""}`),
].join("\\n")"""


def ensure_submit_translation_permission():
    """wagtail-localize creates it in a migration, which a live-server test's flush empties."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    content_type, _new = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


@pytest.fixture
def translators_site(live_server):
    locales, home = ensure_installation()
    ensure_submit_translation_permission()
    built = build_site(home, locales)
    call_command("setup_roles", "--demo-users", "--password", "pw", verbosity=0)
    return built | {"locales": locales, "url": live_server.url}


def translator_screens(site, language_code):
    """(name, admin path) of each screen a translator of ``language_code`` visits."""
    locale = site["locales"][language_code]
    other = site["locales"]["nl" if language_code == "fr" else "fr"]
    who = site["who"].get_translation(locale)
    key = site["who"].translation_key
    translation = Translation.objects.get(source__object_id=key, target_locale=locale)
    other_translation = Translation.objects.get(source__object_id=key, target_locale=other)
    home = Page.objects.get(depth=2, locale=locale)
    return [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer of the home page", reverse("wagtailadmin_explore", args=[home.pk])),
        ("explorer", reverse("wagtailadmin_explore", args=[who.pk])),
        ("translation editor", reverse("wagtailadmin_pages:edit", args=[who.pk])),
        ("translate this page", reverse("wagtail_localize:submit_page_translation", args=[site["about"].pk])),
        ("topics", reverse(Topic.snippet_viewset.get_url_name("list"))),
        ("refusal", reverse("wagtail_localize:preview_translation", args=[other_translation.pk])),
        ("machine translation", reverse("wagtail_localize:machine_translate", args=[translation.pk])),
    ]


def english_on(page) -> list[str]:
    shown = page.evaluate(VISIBLE_TEXT_AND_LABELS)
    found = [english for english in KNOWN_ENGLISH if english in shown]
    return found + [f"glued: {match[0]}" for match in GLUED_LANGUAGE.finditer(shown)]


@pytest.mark.parametrize("language_code", ["fr", "nl"])
def test_a_translators_screens_show_no_english(translators_site, open_page, language_code):
    base = translators_site["url"]
    page = open_page(locale="en-GB")  # the browser asks for English: the preference must win
    log_in(page, base, f"translator-{language_code}", "pw")

    found = {}
    for name, path in translator_screens(translators_site, language_code):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language_code, name
        if english := english_on(page):
            found[name] = english
        if name == "translation editor":  # rendered by wagtail-localize's script, then relabelled by ours
            assert "→" in page.locator(".js-translation-editor section h3").first.inner_text()

    assert found == {}


def test_the_editor_footer_names_the_language_with_a_space(translators_site, open_page):
    base = translators_site["url"]
    page = open_page()
    log_in(page, base, "translator-fr", "pw")
    who = translators_site["who"].get_translation(translators_site["locales"]["fr"])

    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[who.pk])}")

    assert page.get_by_role("button", name="Publier dans Français").count() == 1
