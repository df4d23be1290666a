"""Locale sync keeps existing translations; bulk submission runs as a queued task."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource

from home.models import SectionPage
from tests.factories import SectionPageFactory
from translation.localization import translate_object
from translation.status import State, collect_rows

from .conftest import french

FIRST = "<p>We support migrants in Belgium.</p>"
SECOND = "<p>We work with the government.</p>"
SECOND_EDITED = "<p>We work with the government and cities.</p>"


@pytest.mark.django_db
def test_french_and_dutch_follow_english(locales):
    synced = {
        sync.locale.language_code: sync.sync_from.language_code
        for sync in LocaleSynchronization.objects.all()
    }
    assert synced == {"fr": "en", "nl": "en"}


@pytest.mark.django_db
def test_a_page_created_in_english_appears_as_french_and_dutch_aliases(admin_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=["home", "sectionpage", home_page.pk])
    response = admin_client.post(
        url,
        {
            "title": "Partners",
            "slug": "partners",
            "intro": "",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    english = SectionPage.objects.get(slug="partners", locale__language_code="en")
    aliases = Page.objects.filter(translation_key=english.translation_key).exclude(pk=english.pk)
    assert {page.locale.language_code: page.alias_of_id for page in aliases} == {
        "fr": english.pk,
        "nl": english.pk,
    }


@pytest.fixture
def translated_two_paragraphs(home_page, locales):
    translate_object(home_page, locales["fr"], french)
    section = SectionPageFactory(
        parent=home_page,
        title="Our work",
        body=[("paragraph", RichText(FIRST)), ("paragraph", RichText(SECOND))],
    )
    translate_object(section, locales["fr"], french)
    return section


def edit_second_paragraph(section):
    # Keep the block ids: wagtail-localize follows each paragraph by its block's id.
    section.body = [
        {"type": "paragraph", "value": FIRST, "id": section.body[0].id},
        {"type": "paragraph", "value": SECOND_EDITED, "id": section.body[1].id},
    ]
    section.save_revision().publish()
    section.refresh_from_db()


@pytest.mark.django_db
def test_syncing_after_an_english_edit_keeps_unchanged_translations(translated_two_paragraphs, locales):
    section = translated_two_paragraphs
    french_locale = locales["fr"]
    kept = {st.translation_of.data: st.data for st in StringTranslation.objects.filter(locale=french_locale)}

    edit_second_paragraph(section)
    assert next(row for row in collect_rows("fr") if row.source.pk == section.pk).state == State.OUTDATED

    source, _created = TranslationSource.update_or_create_from_instance(section)
    translation = Translation.objects.get(source=source, target_locale=french_locale)
    total, translated = translation.get_progress()
    assert translated == total - 1  # only the edited paragraph needs work

    still_there = {
        st.translation_of.data: st.data for st in StringTranslation.objects.filter(locale=french_locale)
    }
    assert still_there == kept  # no existing translation was lost
    assert "We support migrants in Belgium." in still_there
    assert "We work with the government and cities." not in still_there

    # The French page keeps its French text for the unchanged paragraph when re-synced.
    french_page, _created = source.create_or_update_translation(french_locale, fallback=True, publish=False)
    latest = french_page.get_latest_revision_as_object()
    assert str(latest.body[0].value) == "<p>FR We support migrants in Belgium.</p>"
    assert next(row for row in collect_rows("fr") if row.source.pk == section.pk).state == State.OUTDATED


# Real commits, as in production: the worker takes an exclusive lock on the queue. It runs
# with the end-to-end tests: emptying the database afterwards would strand whatever test a
# parallel `make test` gave the same process next.
@pytest.mark.e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_submitting_a_section_with_its_subtree_runs_on_the_task_queue(
    client, editor, home_page, locales, settings
):
    # The production queue: tasks stored in the database, run by `manage.py db_worker`.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    translate_object(home_page, locales["fr"], french)
    section = SectionPageFactory(parent=home_page, title="Our work")
    child = SectionPageFactory(parent=section, title="Migration and health")
    client.force_login(editor)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
        {"locales": [locales["fr"].pk], "include_subtree": "on"},
    )
    assert response.status_code == 302

    def in_french(page):
        return SectionPage.objects.filter(translation_key=page.translation_key, locale=locales["fr"]).exists()

    # The section itself is translated in the request, its subtree only by the worker.
    assert in_french(section)
    assert not in_french(child)
    queued = DBTaskResult.objects.filter(task_path__endswith="run_page_job")
    assert queued.filter(status="READY").count() == 1

    call_command("db_worker", batch=True, startup_delay=False, interval=0, stdout=io.StringIO())

    assert queued.get().status == "SUCCESSFUL"
    assert in_french(child)


@pytest.mark.django_db
def test_sync_locales_aliases_existing_english_pages_through_the_queue(
    home_page, locales, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    section = SectionPageFactory(parent=home_page, title="Our work")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locales", locale="nl", stdout=io.StringIO())
    assert not Page.objects.filter(translation_key=section.translation_key, locale=locales["nl"]).exists()

    for job in [result for result in default_task_backend.results if result.task.name == "run_page_job"]:
        args, kwargs = json.loads(json.dumps([job.args, job.kwargs]))
        job.task.call(*args, **kwargs)

    alias = Page.objects.get(translation_key=section.translation_key, locale=locales["nl"])
    assert alias.alias_of_id == section.pk
    assert not Page.objects.filter(translation_key=section.translation_key, locale=locales["fr"]).exists()
