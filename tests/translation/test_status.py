"""The translation status report and command: every state, the same figures in both."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import SectionPageFactory, TopicFactory
from translation.localization import translate_object
from translation.status import State, by_locale, by_locale_and_section, collect_rows

from .conftest import french, slug_safe


@pytest.fixture
def site_in_every_state(home_page, locales):
    """English pages and snippets, one per state in French; Dutch has only aliases or nothing."""
    fr = locales["fr"]
    translate_object(home_page, fr, french)
    pages = {name: SectionPageFactory(parent=home_page, title=name.capitalize()) for name in State.values}
    translate_object(pages["current"], fr, french)
    translate_object(pages["outdated"], fr, french)
    pages["outdated"].intro = "The English changed."
    pages["outdated"].save_revision().publish()
    pages["alias"].copy_for_translation(fr, alias=True)
    translate_object(pages["draft"], fr, french, publish=False)
    topic = TopicFactory(name="Health", slug="health")
    translate_object(topic, fr, slug_safe("fr"))
    untranslated_topic = TopicFactory(name="Labour", slug="labour")
    return {"pages": pages, "topic": topic, "untranslated_topic": untranslated_topic}


def states(rows, language_code):
    return {
        row.source.pk and str(row.source): row.state
        for row in rows
        if row.locale.language_code == language_code
    }


@pytest.mark.django_db
def test_each_page_and_snippet_has_its_state(site_in_every_state):
    french_states = states(collect_rows("fr"), "fr")
    for name in State.values:
        assert french_states[name.capitalize()] == name
    assert french_states["Health"] == State.CURRENT
    assert french_states["Labour"] == State.MISSING
    assert set(states(collect_rows(), "nl").values()) == {State.MISSING}


@pytest.mark.django_db
def test_percentages_per_locale_and_section(site_in_every_state):
    rows = collect_rows("fr")
    summary = by_locale(rows)["fr"]
    current = sum(1 for row in rows if row.state == State.CURRENT)
    assert summary.total == len(rows)
    assert summary.percent_current == round(100 * current / len(rows), 1)
    sections = by_locale_and_section(rows)
    assert sections[("fr", "Current")].percent_current == 100.0
    assert sections[("fr", "Missing")].percent_current == 0.0
    assert sections[("fr", "Topics")].percent_current == 50.0


@pytest.mark.django_db
def test_command_prints_the_same_figures(site_in_every_state):
    out = io.StringIO()
    call_command("translation_status", locale="fr", stdout=out)
    summary = by_locale(collect_rows("fr"))["fr"]
    assert f"fr: {summary.percent_current}% " in out.getvalue()
    assert f"outdated={summary.count(State.OUTDATED)}" in out.getvalue()
    assert "nl:" not in out.getvalue()


@pytest.mark.django_db
def test_admin_report_filters_by_locale_and_links_to_the_translation(
    admin_client, site_in_every_state, locales
):
    url = reverse("translation_status")
    response = admin_client.get(url, {"locale": "fr"})
    assert response.status_code == 200
    html = response.content.decode()
    summary = by_locale(collect_rows("fr"))["fr"]
    assert f"<td>{summary.percent_current}</td>" in html
    for state in State:
        assert str(state.label) in html
    alias = site_in_every_state["pages"]["alias"].get_translation(locales["fr"])
    assert reverse("wagtailadmin_pages:edit", args=[alias.pk]) in html
    assert 'data-locale="nl"' not in html


@pytest.mark.django_db
def test_a_translator_sees_their_locale_first(client, french_translator, site_in_every_state):
    client.force_login(french_translator)
    response = client.get(reverse("translation_status"))
    assert response.status_code == 200
    assert 'data-locale="fr"' in response.content.decode()
    assert 'data-locale="nl"' not in response.content.decode()


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("translation_status") in response.content.decode()
