"""Headless preview: the admin opens the frontend of the page's language, which reads the draft."""

import re
import socket
import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.signing import TimestampSigner, b62_encode
from django.test import RequestFactory
from rest_framework.test import APIClient
from wagtail_headless_preview.models import HeadlessPreviewMixin

from news.models import NewsArticlePage
from publishing.preview import content_type_name

PREVIEW = "/api/v2/preview/"


def versions(page):
    """The page in en, fr and nl (the site fixture translates these pages into both)."""
    return {
        version.locale.language_code: version.specific for version in page.get_translations(inclusive=True)
    }


def frontend_address_in(html):
    """The frontend preview URL a preview response frames (src) or links to (href)."""
    return re.search(r'(?:src|href)="([^"]*token=[^"]*)"', html).group(1).replace("&amp;", "&")


def click_preview(draft):
    """What the admin's Preview does with the edited page: returns the frontend URL it opens."""
    request = RequestFactory().get("/admin/")
    return frontend_address_in(draft.serve_preview(request, draft.default_preview_mode).content.decode())


def save_draft(page, title):
    page.title = title
    page.save_revision()
    return page.get_latest_revision_as_object()


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_each_page_type_previews_in_its_language_with_the_published_json_shape(site, api):
    for page in (site["home"], site["who"], site["news"], site["articles"][0]):
        for code, version in versions(page).items():
            published = api.get(f"/api/v2/pages/{version.pk}/").json()
            draft_title = f"Draft {code} {version.title}"
            draft = save_draft(version, draft_title)

            frontend_url = click_preview(draft)
            base, query = frontend_url.split("?", 1)
            assert base == settings.PREVIEW_CLIENT_URLS[code]
            params = {key: values[0] for key, values in parse_qs(query).items()}
            assert params["content_type"] == f"{version._meta.app_label}.{version._meta.model_name}"

            response = api.get(PREVIEW, params)
            assert response.status_code == 200, (code, version, response.content)
            assert response["Cache-Control"] == "private, no-store"
            assert response.json() == {**published, "title": draft_title}
            # The published page is untouched until the draft is published.
            assert api.get(f"/api/v2/pages/{version.pk}/").json() == published


@pytest.mark.django_db
def test_preview_shows_the_drafts_inline_choices_not_the_live_ones(site, api):
    article = versions(site["articles"][0])["fr"]
    draft = article.get_latest_revision_as_object()
    draft.topics = []
    draft.save_revision()
    params = dict(parse_qs(urlsplit(click_preview(article.get_latest_revision_as_object())).query))
    preview = api.get(PREVIEW, {key: values[0] for key, values in params.items()}).json()
    assert preview["topics"] == []
    assert [topic["name"] for topic in api.get(f"/api/v2/pages/{article.pk}/").json()["topics"]] == ["Climat"]


def preview_token(page):
    return page.create_page_preview().token


@pytest.mark.django_db
def test_missing_token_is_a_400_with_a_message(api):
    response = api.get(PREVIEW, {"content_type": "news.newsarticlepage"})
    assert response.status_code == 400
    assert "token is required" in response.json()["message"]


@pytest.mark.django_db
def test_tampered_token_is_refused_without_content(site, api):
    article = site["articles"][0]
    save_draft(article, "Secret draft title")
    token = preview_token(article.get_latest_revision_as_object())
    identifier, signature = token.split(":", 1)
    for tampered in (
        f"id={article.pk + 1}:{signature}",
        token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        "x",
    ):
        response = api.get(PREVIEW, {"token": tampered})
        assert response.status_code == 403, tampered
        assert response.json() == {"message": "invalid preview token"}


@pytest.mark.django_db
def test_expired_token_is_refused(site, api):
    article = site["articles"][0]
    two_hours_ago = b62_encode(int(time.time()) - settings.PREVIEW_TOKEN_MAX_AGE - 60)
    with mock.patch.object(TimestampSigner, "timestamp", return_value=two_hours_ago):
        token = preview_token(save_draft(article, "Old draft"))
    response = api.get(PREVIEW, {"token": token})
    assert response.status_code == 403
    assert "expired" in response.json()["message"]
    assert b"Old draft" not in response.content


@pytest.mark.django_db
def test_validly_signed_token_without_a_stored_preview_is_a_404(api):
    token = HeadlessPreviewMixin.get_preview_signer().sign("id=424242")
    response = api.get(PREVIEW, {"token": token})
    assert response.status_code == 404
    assert "no preview" in response.json()["message"]


@pytest.mark.django_db
def test_content_type_must_match_the_tokens_page(site, api):
    article = site["articles"][0]
    token = preview_token(save_draft(article, "Draft"))
    response = api.get(PREVIEW, {"token": token, "content_type": "home.sectionpage"})
    assert response.status_code == 400
    assert content_type_name(article.create_page_preview()) in response.json()["message"]


@pytest.mark.django_db
def test_without_a_token_drafts_never_reach_the_api(site, api):
    article = site["articles"][0]
    live_title = article.title
    save_draft(article, "Unpublished draft title")
    unpublished = NewsArticlePage(title="Never published", slug="never-published", live=False)
    site["news"].add_child(instance=unpublished)
    unpublished.save_revision()

    assert api.get(f"/api/v2/pages/{article.pk}/").json()["title"] == live_title
    assert api.get(f"/api/v2/pages/{unpublished.pk}/").status_code == 404
    assert api.get("/api/v2/pages/find/", {"path": "/en/news/never-published/"}).status_code == 404
    listing = api.get("/api/v2/pages/", {"child_of": site["news"].pk}).json()
    titles = [item["title"] for item in listing["items"]]
    assert "Unpublished draft title" not in titles and "Never published" not in titles
    assert api.get(PREVIEW).status_code == 400


@pytest.mark.django_db
def test_a_page_not_yet_created_previews_at_its_future_path(site, api, locales):
    news = site["news"].get_translation(locales["fr"])
    # What the admin's preview on the create form builds: an unsaved page placed under its parent.
    page = NewsArticlePage(title="Nouvelle", slug="nouvelle", locale=news.locale, lead="Un chapeau.")
    page.depth = news.depth + 1
    page.path = news.get_last_child()._inc_path()
    frontend_url = click_preview(page)
    assert frontend_url.startswith(settings.PREVIEW_CLIENT_URLS["fr"] + "?")
    params = {key: values[0] for key, values in parse_qs(urlsplit(frontend_url).query).items()}
    preview = api.get(PREVIEW, params).json()
    assert (preview["title"], preview["path"], preview["locale"]) == (
        "Nouvelle",
        "/fr/actualites/nouvelle/",
        "fr",
    )
    assert preview["parent"]["id"] == news.pk
    assert preview["lead"] == "Un chapeau."


def admin_preview(client, page, **fields):
    """The admin's preview panel: the edit form is posted, then the panel's frame loads."""
    url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = client.post(url, {"title": page.title, "slug": page.slug} | fields)
    assert posted.json()["is_valid"], posted.content
    return client.get(url)


@pytest.mark.django_db
def test_admin_preview_without_a_frontend_shows_the_draft_json_and_the_address_to_start(
    site, admin_client, settings
):
    settings.PREVIEW_CLIENT_URLS = settings.PREVIEW_CLIENT_URLS | {"fr": "http://127.0.0.1:9/fr/preview/"}
    french_news = versions(site["news"])["fr"]

    response = admin_preview(admin_client, french_news, intro="Brouillon de l'introduction")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<iframe" not in html
    assert "The frontend is not running" in html
    assert "<code>http://127.0.0.1:9/fr/preview/</code>" in html
    assert "Brouillon de l&#x27;introduction" in html  # the draft's JSON, not the live page's
    token_url = frontend_address_in(html)
    draft = APIClient().get(PREVIEW, dict(parse_qs(urlsplit(token_url).query))).json()
    assert draft["intro"] == "Brouillon de l'introduction"


@pytest.mark.django_db
def test_admin_preview_frames_the_frontend_when_it_answers(site, admin_client, settings):
    with socket.socket() as frontend:
        frontend.bind(("127.0.0.1", 0))
        frontend.listen()
        address = f"http://127.0.0.1:{frontend.getsockname()[1]}/fr/preview/"
        settings.PREVIEW_CLIENT_URLS = settings.PREVIEW_CLIENT_URLS | {"fr": address}

        html = admin_preview(admin_client, versions(site["news"])["fr"], intro="Brouillon").content.decode()

    assert f'<iframe src="{address}?' in html
    assert "The frontend is not running" not in html
