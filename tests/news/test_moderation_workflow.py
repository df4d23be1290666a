"""The news moderation workflow through the admin: an editor submits, a moderator approves or rejects."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsArticlePage
from news.moderation import MODERATOR_TASK_NAME, NEWS_WORKFLOW_NAME


@pytest.fixture
def draft_article(site):
    article = NewsArticlePage(title="Draft release", slug="draft-release", live=False)
    site["news"].add_child(instance=article)
    article.save_revision()
    return article


def article_form(title):
    return nested_form_data(
        {
            "comments": inline_formset([]),
            "title": title,
            "slug": "draft-release",
            "publication_date": "2026-01-15",
            "article_type": NewsArticlePage.ArticleType.PRESS_RELEASE,
            "dateline": "Brussels",
            "lead": "A short lead.",
            "lead_image": "",
            "lead_image_alt": "",
            "body": streamfield([]),
            "editors_note": rich_text("", features=["bold"]),
            "topics": inline_formset([]),
            "media_contacts": inline_formset([]),
            "related_articles": inline_formset([]),
        }
    )


def submit_for_moderation(client, editor, article, title):
    client.force_login(editor)
    data = article_form(title) | {"action-submit": "action-submit"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == MODERATOR_TASK_NAME
    return state.current_task_state


def moderate(client, moderator, article, task_state, action, comment):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_articles_in_every_language_use_the_news_workflow_and_sections_do_not(site):
    for version in site["articles"][0].get_translations(inclusive=True):
        assert version.get_workflow().name == NEWS_WORKFLOW_NAME
    assert site["who"].get_workflow().name != NEWS_WORKFLOW_NAME
    task = site["articles"][0].get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


@pytest.mark.django_db
def test_moderator_approves_with_a_comment_and_the_article_goes_live(client, people, draft_article):
    task_state = submit_for_moderation(client, people["editor"], draft_article, "Ready for release")
    assert not Page.objects.get(pk=draft_article.pk).live

    response = moderate(client, people["moderator"], draft_article, task_state, "approve", "Good to go.")
    assert response.status_code in (200, 302)

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.get_comment() == "Good to go."
    article = NewsArticlePage.objects.get(pk=draft_article.pk)
    assert article.live and article.title == "Ready for release"
    assert client.get("/api/v2/pages/find/", {"path": "/en/news/draft-release/"}).json()["title"] == (
        "Ready for release"
    )


@pytest.mark.django_db
def test_moderator_rejects_with_a_comment_the_editor_sees_and_nothing_is_published(
    client, people, draft_article
):
    task_state = submit_for_moderation(client, people["editor"], draft_article, "Premature title")

    response = moderate(
        client, people["moderator"], draft_article, task_state, "reject", "Check the figures."
    )
    assert response.status_code in (200, 302)

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Check the figures."
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not NewsArticlePage.objects.get(pk=draft_article.pk).live
    assert client.get("/api/v2/pages/find/", {"path": "/en/news/draft-release/"}).status_code == 404

    client.force_login(people["editor"])
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]))
    assert b"Check the figures." in edit_page.content


@pytest.mark.django_db
def test_an_editor_cannot_approve(client, people, draft_article):
    task_state = submit_for_moderation(client, people["editor"], draft_article, "Self-approved?")
    moderate(client, people["editor"], draft_article, task_state, "approve", "")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not NewsArticlePage.objects.get(pk=draft_article.pk).live


@pytest.mark.django_db
def test_the_data_migration_assigns_existing_news_indexes_and_can_run_twice(site):
    import importlib

    from django.apps import apps
    from wagtail.models import Workflow, WorkflowPage

    migration = importlib.import_module("news.migrations.0002_news_moderation_workflow")
    news_indexes = [version.pk for version in site["news"].get_translations(inclusive=True)]
    WorkflowPage.objects.filter(page_id__in=news_indexes).delete()

    migration.create_workflow(apps, None)
    migration.create_workflow(apps, None)

    assert Workflow.objects.filter(name=NEWS_WORKFLOW_NAME).count() == 1
    assigned = WorkflowPage.objects.filter(workflow__name=NEWS_WORKFLOW_NAME).values_list(
        "page_id", flat=True
    )
    assert sorted(assigned) == sorted(news_indexes)
