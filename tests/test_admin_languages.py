"""The Wagtail admin in French and Dutch, and the committed catalogues behind it.

Wagtail's admin renders every view in the user's preferred language
(``UserProfile.preferred_language``), or, when the user has none, in the language
Django's LocaleMiddleware picked from the browser's Accept-Language. Our own labels
must then come from ``locale/``. The expected texts are read from the .po files a
translator edits, so the tests follow the translations rather than restate them.
"""

import json
import shutil
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import capfirst
from wagtail.users.models import UserProfile

from news.models import MediaContact, Topic
from tests.factories import MediaContactFactory, NewsIndexPageFactory, TopicFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
ADMIN_LANGUAGES = ["fr", "nl"]

# Our source strings an editor meets on each view. The first few of each are field
# labels, whose English form must then be absent from the page.
ARTICLE_EDITOR_STRINGS = [
    "publication date",
    "dateline",
    "lead",
    "for editors",
    "Where the story is reported from, e.g. Brussels.",
    "Lead image",
    "Media contacts",
    "Related articles",
]
TOPIC_FORM_STRINGS = ["name", "Used in topic filter URLs; written in the topic's language."]
MEDIA_CONTACT_FORM_STRINGS = ["role", "office", "phone", "e-mail", "For example: Brussels."]
ENGLISH_LABELS_ABSENT = ["Publication date", "Dateline", "For editors"]
# The body's block menu reaches the editor as JSON inside an HTML attribute.
BODY_BLOCK_LABELS = ["Heading", "Key figure", "Call to action", "Document link"]


@cache
def catalogue(language: str) -> dict[str, str]:
    """Our translations into ``language``, as written in its .po file."""
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    return {entry.msgid: entry.msgstr for entry in po.translated_entries()}


def assert_shown_in(language: str, html: str, source_strings: list[str]):
    for source in source_strings:
        translated = catalogue(language).get(source)
        assert translated, f"{source!r} has no {language} translation"
        assert translated != source, f"{source!r} is 'translated' into {language} as itself"
        assert escape(capfirst(translated)) in html, f"{language} for {source!r} not shown: {translated!r}"


def assert_block_labels_shown_in(language: str, html: str, source_labels: list[str]):
    for source in source_labels:
        translated = catalogue(language)[source]
        assert translated != source
        assert escape(json.dumps(translated)) in html, f"{language} block label for {source!r} not shown"


def set_admin_language(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture(autouse=True)
def keep_active_language():
    """Undo the language LocaleMiddleware activates for a request: it stays on the thread afterwards."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def article_editor_html(client, news_index, **headers) -> str:
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def snippet_view_html(client, model, action: str) -> str:
    response = client.get(reverse(model.snippet_viewset.get_url_name(action)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_article_editor_speaks_the_users_preferred_language(admin_client, admin_user, news_index, language):
    set_admin_language(admin_user, language)

    html = article_editor_html(admin_client, news_index)

    assert_shown_in(language, html, ARTICLE_EDITOR_STRINGS)
    assert_block_labels_shown_in(language, html, BODY_BLOCK_LABELS)
    for english in ENGLISH_LABELS_ABSENT:
        assert escape(english) not in html


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_topic_and_media_contact_forms_speak_the_users_preferred_language(admin_client, admin_user, language):
    set_admin_language(admin_user, language)

    topic_form = snippet_view_html(admin_client, Topic, "add")
    contact_form = snippet_view_html(admin_client, MediaContact, "add")

    assert_shown_in(language, topic_form, TOPIC_FORM_STRINGS)
    assert_shown_in(language, contact_form, MEDIA_CONTACT_FORM_STRINGS)


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_snippet_listings_name_their_columns_in_the_users_language(admin_client, admin_user, language):
    set_admin_language(admin_user, language)
    TopicFactory()  # an empty listing shows no columns
    MediaContactFactory()

    assert_shown_in(language, snippet_view_html(admin_client, Topic, "list"), ["topics", "name"])
    contacts_listing = snippet_view_html(admin_client, MediaContact, "list")
    assert_shown_in(language, contacts_listing, ["media contacts", "role", "office", "phone", "e-mail"])


def test_without_a_preference_the_admin_follows_the_browsers_language(admin_client, news_index):
    html = article_editor_html(admin_client, news_index, accept_language="nl")

    assert_shown_in("nl", html, ["publication date", "dateline", "for editors"])


def test_the_users_preference_wins_over_the_browsers_language(admin_client, admin_user, news_index):
    set_admin_language(admin_user, "fr")

    html = article_editor_html(admin_client, news_index, accept_language="nl")

    assert_shown_in("fr", html, ["publication date", "dateline", "for editors"])
    assert escape(capfirst(catalogue("nl")["dateline"])) not in html


# compile_catalogues --check: what CI relies on to catch a .po edited without recompiling.


@pytest.fixture
def locale_copy(tmp_path, settings):
    """A copy of the committed catalogues that the command works on instead of the real ones."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.pyc"))
    settings.LOCALE_PATHS = [copy]
    return copy


def edit_po(locale_dir: Path, language: str, change):
    path = locale_dir / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    change(po)
    po.save()


def retranslate_dateline(po):
    po.find("dateline").msgstr += " (revised)"


def run_check():
    call_command("compile_catalogues", "--check")


def test_check_passes_on_the_committed_catalogues(capsys):
    call_command("compile_catalogues", "--check")

    assert "match their sources" in capsys.readouterr().out


def test_check_fails_naming_the_mo_of_a_po_edited_without_recompiling(locale_copy):
    edit_po(locale_copy, "fr", retranslate_dateline)

    with pytest.raises(CommandError) as error:
        run_check()

    assert "locale/fr/LC_MESSAGES/django.mo does not match" in str(error.value)
    assert "locale/nl/" not in str(error.value)


def test_check_writes_nothing(locale_copy):
    mo_path = locale_copy / "fr" / "LC_MESSAGES" / "django.mo"
    before = mo_path.read_bytes()
    edit_po(locale_copy, "fr", retranslate_dateline)

    with pytest.raises(CommandError):
        run_check()

    assert mo_path.read_bytes() == before


def test_recompiling_brings_the_check_back_to_green(locale_copy, capsys):
    edit_po(locale_copy, "fr", retranslate_dateline)

    call_command("compile_catalogues")
    run_check()

    output = capsys.readouterr().out
    assert "Wrote locale/fr/LC_MESSAGES/django.mo" in output
    assert "locale/nl/LC_MESSAGES/django.mo is up to date" in output


def test_check_fails_when_a_compiled_catalogue_is_missing(locale_copy):
    (locale_copy / "nl" / "LC_MESSAGES" / "django.mo").unlink()

    with pytest.raises(CommandError, match=r"locale/nl/LC_MESSAGES/django\.mo is missing"):
        run_check()


def test_check_fails_on_untranslated_and_fuzzy_entries(locale_copy):
    def add_new_and_fuzzy_strings(po):
        po.append(polib.POEntry(msgid="A string added after translation", msgstr=""))
        po.find("dateline").flags.append("fuzzy")

    edit_po(locale_copy, "nl", add_new_and_fuzzy_strings)
    call_command("compile_catalogues")  # the .mo is current; the .po is still incomplete

    with pytest.raises(CommandError) as error:
        run_check()

    message = str(error.value)
    assert "locale/nl/LC_MESSAGES/django.po: untranslated: 'A string added after translation'" in message
    assert "locale/nl/LC_MESSAGES/django.po: fuzzy: 'dateline'" in message


def test_compiling_is_deterministic_and_ignores_header_dates(locale_copy):
    def bump_creation_date(po):
        # What every makemessages run does, even when no string changed.
        po.metadata["POT-Creation-Date"] = "2099-01-01 00:00+0000"

    edit_po(locale_copy, "fr", bump_creation_date)

    run_check()
    call_command("compile_catalogues")
    for language in ADMIN_LANGUAGES:
        compiled = (locale_copy / language / "LC_MESSAGES" / "django.mo").read_bytes()
        assert compiled == (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").read_bytes()
