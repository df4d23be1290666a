"""English news articles go public only through moderation; other pages and translations do not wait."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home.models import SectionPage
from news.models import NewsArticlePage
from tests.news.test_moderation_workflow import article_form

pytestmark = pytest.mark.django_db


def edit(client, user, page, data):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_an_editor_has_no_publish_button_on_an_english_article_only_submit(client, site, people):
    client.force_login(people["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site["articles"][0].pk]))
    assert response.status_code == 200
    assert b'name="action-submit"' in response.content
    assert b'name="action-publish"' not in response.content


def test_an_editor_asking_to_publish_an_english_article_only_saves_a_draft(client, site, people):
    article = site["articles"][0]
    response = edit(
        client, people["editor"], article, article_form("Changed by the editor") | {"action-publish": "1"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title != "Changed by the editor"
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title == "Changed by the editor"


def test_an_editor_cannot_create_and_publish_an_english_article_in_one_go(client, site, people):
    client.force_login(people["editor"])
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site["news"].pk])
    data = article_form("Straight out") | {"slug": "straight-out", "action-publish": "1"}
    assert client.post(url, data).status_code == 302
    created = NewsArticlePage.objects.get(slug="straight-out", locale__language_code="en")
    assert not created.live


def test_a_moderator_publishes_an_english_article_directly(client, site, people):
    article = site["articles"][0]
    edit(
        client,
        people["moderator"],
        article,
        article_form("Published by the moderator") | {"action-publish": "1"},
    )
    article.refresh_from_db()
    assert article.live and article.title == "Published by the moderator"


def test_an_editor_still_publishes_a_section_page_directly(client, site, people):
    section = site["who"]
    client.force_login(people["editor"])
    data = {
        "title": "Who we are today",
        "slug": section.slug,
        "intro": "",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    assert edit(client, people["editor"], section, data).status_code == 302
    assert SectionPage.objects.get(pk=section.pk).title == "Who we are today"


def test_a_french_translator_publishes_the_french_article_directly(site, people, django_user_model):
    translator = django_user_model.objects.create_user("traductrice", "fr@example.org", "pw")
    translator.groups.add(Group.objects.get(name="French translators"))
    french = NewsArticlePage.objects.get(
        translation_key=site["articles"][0].translation_key, locale__language_code="fr"
    )
    assert french.permissions_for_user(translator).can_publish()
    assert not site["articles"][0].permissions_for_user(translator).can_publish()
