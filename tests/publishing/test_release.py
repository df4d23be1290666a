"""Coordinated release: an article goes out in English, French and Dutch at the same moment."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail_localize.models import StringTranslation

from news.models import NewsArticlePage
from tests.sites import DUTCH, FRENCH, translator
from translation.localization import translate_object

PATHS = {"en": "/en/news/joint-statement/", "fr": "/fr/actualites/fr-joint-statement/",
         "nl": "/nl/nieuws/nl-joint-statement/"}  # fmt: skip


def find(path):
    return APIClient().get("/api/v2/pages/find/", {"path": path})


@pytest.fixture
def unreleased_article(site, locales):
    """A new press release, drafted in English and translated (not published) into French and Dutch."""
    article = NewsArticlePage(title="Joint statement", slug="joint-statement", live=False)
    site["news"].add_child(instance=article)
    article.save_revision()
    for code, words, prefix in (("fr", FRENCH, "FR"), ("nl", DUTCH, "NL")):
        translate_object(article, locales[code], translator(words, prefix), publish=False)
    return article


def release_url(page):
    return reverse("publishing_release", args=[page.pk])


@pytest.mark.django_db
def test_scheduled_release_makes_three_languages_appear_together(admin_client, unreleased_article):
    page = admin_client.get(release_url(unreleased_article))
    assert page.status_code == 200
    assert [version.ready for version in page.context["versions"]] == [True, True, True]

    go_live_at = (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    moment = timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(release_url(unreleased_article), {"go_live_at": moment})
    assert response.status_code == 302

    versions = [version.specific for version in unreleased_article.get_translations(inclusive=True)]
    assert len(versions) == 3
    for version in versions:
        version.refresh_from_db()
        assert not version.live
        assert version.get_latest_revision().approved_go_live_at == go_live_at
    assert [find(path).status_code for path in PATHS.values()] == [404, 404, 404]

    # Just before the moment nothing is out; the scheduled-publishing run publishes all three.
    with mock.patch("django.utils.timezone.now", return_value=go_live_at - timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
        assert [find(path).status_code for path in PATHS.values()] == [404, 404, 404]
    with mock.patch("django.utils.timezone.now", return_value=go_live_at + timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
        found = [find(path) for path in PATHS.values()]
    assert [response.status_code for response in found] == [200, 200, 200]
    assert [response.json()["locale"] for response in found] == ["en", "fr", "nl"]
    for version in versions:
        version.refresh_from_db()
        assert version.live and version.go_live_at == go_live_at


@pytest.mark.django_db
def test_publish_now_releases_every_ready_language_and_leaves_an_unfinished_one(
    admin_client, unreleased_article
):
    dutch = next(v for v in unreleased_article.get_translations() if v.locale.language_code == "nl")
    StringTranslation.objects.filter(locale=dutch.locale, data="NL Joint statement").delete()

    page = admin_client.get(release_url(unreleased_article))
    ready = {version.page.locale.language_code: version for version in page.context["versions"]}
    assert (ready["en"].ready, ready["fr"].ready, ready["nl"].ready) == (True, True, False)
    assert "strings translated" in str(ready["nl"].reason)

    response = admin_client.post(release_url(unreleased_article), {"go_live_at": ""})
    assert response.status_code == 302
    found = [find(path) for path in PATHS.values()]
    assert [response.status_code for response in found] == [200, 200, 200]
    # The unfinished Dutch version serves the English page, marked as the fallback.
    assert [response.json()["is_fallback"] for response in found] == [False, False, True]


@pytest.mark.django_db
def test_release_refuses_a_past_moment_and_users_who_cannot_publish(client, admin_client, unreleased_article,
                                                                    django_user_model):  # fmt: skip
    past = timezone.localtime(timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(release_url(unreleased_article), {"go_live_at": past})
    assert response.status_code == 200
    assert "go_live_at" in response.context["form"].errors
    assert [find(path).status_code for path in PATHS.values()] == [404, 404, 404]

    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user("reader", password="x")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert client.post(release_url(unreleased_article), {"go_live_at": ""}).status_code in (302, 403)
    assert [find(path).status_code for path in PATHS.values()] == [404, 404, 404]


@pytest.mark.django_db
def test_edit_view_offers_the_release_action(admin_client, unreleased_article):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[unreleased_article.pk]))
    assert release_url(unreleased_article).encode() in response.content
