"""Stored page JSON: a page's detail is rendered once, then read back until a change can alter it.

The response cache's tests (test_response_cache.py) run with it on too, so every change
they make must reach both.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.api import stored_pages
from publishing.models import StoredPageJSON
from tests.test_admin_forms import edit_page_url, publish, section_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stored(settings):
    settings.API_STORED_PAGES = True


def french(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="fr")


def find_url(path):
    return f"/api/v2/pages/find/?path={path}"


def test_a_repeated_detail_is_read_back_with_the_same_bytes_in_one_query(
    site, api, django_assert_num_queries
):
    url = f"/api/v2/pages/{french(site['articles'][0]).pk}/"
    first = api.get(url)
    assert StoredPageJSON.objects.filter(page_id=first.json()["id"]).exists()
    # The visible page with its stored JSON and its translation state, in one statement.
    with django_assert_num_queries(1):
        again = api.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Content-Language"] == first["Content-Language"] == "fr"
    assert list(again.json())[-1] == "translation_state"


def test_find_by_path_reads_the_same_stored_json(site, api, django_assert_num_queries):
    detail = api.get(f"/api/v2/pages/{site['about'].pk}/")
    path = detail.json()["path"]
    with django_assert_num_queries(3):
        found = api.get(find_url(path))
    assert found.content == detail.content
    # Another spelling of the path is still sent to the canonical one.
    assert api.get(find_url(path.upper())).json()["redirect"]["path"] == path


def test_chosen_fields_are_rendered_and_never_stored(site, api):
    url = f"/api/v2/pages/{site['about'].pk}/?fields=_,title"
    assert api.get(url).json() == {"id": site["about"].pk, "type": "home.SectionPage", "title": "About"}
    assert not StoredPageJSON.objects.exists()


def test_an_editor_publishing_in_the_admin_is_shown_once_it_commits(site, api, admin_client, committed):
    who = site["who"]
    url = f"/api/v2/pages/{who.pk}/"
    about = f"/api/v2/pages/{site['about'].pk}/"
    assert api.get(url).json()["title"] == "Who we are"
    assert api.get(about).json()["breadcrumb"][-1]["title"] == "Who we are"

    fields = section_fields(title="Who we really are", slug=who.slug)
    response = committed(lambda: admin_client.post(edit_page_url(who), publish(fields)))
    assert response.status_code == 302

    assert api.get(url).json()["title"] == "Who we really are"
    # A page below it shows the new title in its breadcrumb: its JSON was forgotten too.
    assert api.get(about).json()["breadcrumb"][-1]["title"] == "Who we really are"


def test_json_rendered_from_content_that_changed_meanwhile_is_not_kept(site, api, committed, monkeypatch):
    """A request reads the old page, a publish commits and forgets, then the request stores."""
    url = f"/api/v2/pages/{site['who'].pk}/"
    real_store = stored_pages.store

    def rename():
        site["who"].title = "Who we really are"
        site["who"].save_revision().publish()

    def store_after_a_rename(*args, **kwargs):
        monkeypatch.setattr(stored_pages, "store", real_store)
        committed(rename)
        real_store(*args, **kwargs)

    monkeypatch.setattr(stored_pages, "store", store_after_a_rename)
    assert api.get(url).json()["title"] == "Who we are"  # rendered before the rename
    assert not StoredPageJSON.objects.filter(page_id=site["who"].pk).exists()
    assert api.get(url).json()["title"] == "Who we really are"


def test_json_showing_a_page_is_kept_only_until_that_page_expires(site, api):
    english = site["articles"][0]
    expiry = timezone.now() + datetime.timedelta(hours=2)
    Page.objects.filter(pk=french(english).pk).update(expire_at=expiry)
    url = f"/api/v2/pages/{english.pk}/"
    assert "fr" in [item["locale"] for item in api.get(url).json()["translations"]]
    assert StoredPageJSON.objects.get(page_id=english.pk).valid_until == expiry

    # Once the French version has expired, it is hidden at once, though no change was published.
    Page.objects.filter(pk=french(english).pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    StoredPageJSON.objects.filter(page_id=english.pk).update(valid_until=timezone.now())
    assert "fr" not in [item["locale"] for item in api.get(url).json()["translations"]]


def test_json_rendered_with_other_url_settings_is_not_used(site, api, settings):
    url = f"/api/v2/pages/{site['about'].pk}/"
    before = api.get(url).json()["url"]
    settings.FRONTEND_BASE_URL = "https://www.example.org"
    assert api.get(url).json()["url"] == before.replace("http://localhost:3000", "https://www.example.org")


def test_json_rendered_by_other_code_is_rendered_again(site, api, monkeypatch):
    url = f"/api/v2/pages/{site['about'].pk}/"
    first = api.get(url)
    StoredPageJSON.objects.filter(page_id=site["about"].pk).update(body='{"rendered":"by old code"}')
    assert api.get(url).json() != first.json()  # the same code reads its row back, whatever it holds
    monkeypatch.setattr(stored_pages, "code_fingerprint", lambda: "a newer release")
    assert api.get(url).content == first.content


def test_a_deploy_renders_every_page_again(site, api):
    from django.core.management import call_command

    api.get(f"/api/v2/pages/{site['about'].pk}/")
    assert StoredPageJSON.objects.exists()
    call_command("migrate", verbosity=0)  # as a deploy does: post_migrate forgets them all
    assert not StoredPageJSON.objects.exists()
