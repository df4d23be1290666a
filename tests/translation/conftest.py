"""Fixtures for the translation workflow: the roles, a translated site, users per role."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.rich_text import RichText

from tests.factories import SectionPageFactory, TopicFactory
from translation.localization import translate_object


def french(text):
    return f"FR {text}"


def dutch(text):
    return f"NL {text}"


def slug_safe(prefix):
    """Prefix text with a language marker that also keeps a slug valid ("fr-climate")."""
    return lambda text: (
        f"{prefix}-{text}" if text.islower() and " " not in text else f"{prefix.upper()} {text}"
    )


@pytest.fixture
def roles(db):
    call_command("setup_roles", verbosity=0, stdout=io.StringIO())


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def french_translator(roles, django_user_model):
    return user_in(django_user_model, "French translators", "translator-fr")


@pytest.fixture
def editor(roles, django_user_model):
    return user_in(django_user_model, "Editors", "editor")


@pytest.fixture
def section_paragraph():
    """The paragraph of ``untranslated_section``: a module overrides it to test its own markup."""
    return '<p>Read <a href="https://example.org/report">our annual report</a> today.</p>'


@pytest.fixture
def untranslated_section(home_page, locales, section_paragraph):
    """A new English section under a French home page, not yet translated."""
    translate_object(home_page, locales["fr"], french)
    return SectionPageFactory(
        parent=home_page,
        title="Our work",
        intro="What we do.",
        body=[("paragraph", RichText(section_paragraph))],
    )


@pytest.fixture
def translated_section(home_page, locales):
    """An English section with French and Dutch translations (home pages translated first)."""
    for locale, translate in ((locales["fr"], french), (locales["nl"], dutch)):
        translate_object(home_page, locale, translate)
    section = SectionPageFactory(parent=home_page, title="Our work", intro="What we do.")
    return {
        "en": section,
        "fr": translate_object(section, locales["fr"], french),
        "nl": translate_object(section, locales["nl"], dutch),
    }


@pytest.fixture
def translated_topic(locales):
    topic = TopicFactory(name="Climate", slug="climate")
    return {
        "en": topic,
        "fr": translate_object(topic, locales["fr"], slug_safe("fr")),
        "nl": translate_object(topic, locales["nl"], slug_safe("nl")),
    }
