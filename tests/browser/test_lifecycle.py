"""The multilingual lifecycle in Chromium, through the admin only, as the demo roles would.

Each scenario starts from the restored site (conftest.py): English home > who-we-are > about,
news > Story 0; French has all of them translated, Dutch has "about" as an untranslated
alias. The database is read only to find a page's id to open, or to check its final state;
every change is made by clicking and typing in the admin. What readers get is read from the API.
"""

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from tests.browser.conftest import DEMO_PASSWORD, log_in

# make test has no browser installed: these tests are skipped there, not failed.
expect = pytest.importorskip("playwright.sync_api").expect


def ensure_installation():
    """What the migrations create (locales, root, English home, default site), put back after a
    live-server test emptied every table. Kept for test_admin_languages_browser's own site;
    the scenarios here use ``site_live`` (conftest.py), which restores migration data too."""
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


def page_in(slug, code="en"):
    """The page with this English slug, in the language ``code`` (translation or alias)."""
    english = Page.objects.get(slug=slug, locale__language_code="en")
    return Page.objects.get(translation_key=english.translation_key, locale__language_code=code)


def sign_in(open_page, base, username):
    page = open_page()
    log_in(page, base, username, DEMO_PASSWORD)
    return page


def api(page, base, endpoint, **params):
    response = page.request.get(f"{base}/api/v2/{endpoint}", params=params, max_redirects=0)
    return response.status, (response.json() if response.status < 500 else None)


def served(page, base, pk):
    status, body = api(page, base, f"pages/{pk}/")
    assert status == 200, body
    return body


def create_draft_article(page, base, title, lead):
    """The editor adds a news article under News and saves it as a draft; returns its id."""
    page.goto(f"{base}/admin/pages/add/news/newsarticlepage/{page_in('news').pk}/")
    page.fill("#id_title", title)
    page.fill("#id_lead", lead)
    # Typed, not left to the title's slug sync, which may not have run yet.
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", re.sub(r"\W+", "-", title.lower()))
    page.get_by_role("button", name="Save draft").click()
    # The editor's address changes to the created page's edit view (autosave may create it first).
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    return int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))


def submit_for_translation(page, base, pk, *codes):
    page.goto(f"{base}/admin/localize/submit/page/{pk}/")
    for code in codes:
        page.locator(f"input[name=locales][value='{locale_pk(code)}']").check()
    page.locator("form input[type=submit], form button[type=submit]").last.click()
    page.wait_for_load_state()


def locale_pk(code):
    return Locale.objects.get(language_code=code).pk


# The translation editor's buttons, in the admin languages of the demo roles.
TRANSLATE = "normalize-space()='Translate' or normalize-space()='Traduire' or normalize-space()='Vertaal'"
SAVE = re.compile("^(Save|Enregistrer|Opslaan)$")


def translate_strings(page, prefix, count=None):
    """In the translation editor: type ``prefix`` + the source into untranslated strings, saving
    each, tab after tab (the slug is under Promote); ``count`` of them, or all."""
    untranslated = page.locator(f"xpath=//li[ul/li/button[{TRANSLATE}]]")
    expect(untranslated.first).to_be_attached()
    left = untranslated.count() if count is None else count
    for tab in page.get_by_role("tab").all():
        tab.click()
        shown = untranslated.filter(visible=True)
        while left and shown.count():
            before = untranslated.count()
            source = shown.first.locator("p").first.inner_text()
            shown.first.locator(f"xpath=ul/li/button[{TRANSLATE}]").click()
            editing = page.locator("li:has(> div > textarea)")
            editing.locator("textarea").fill(f"{prefix} {source}")
            editing.get_by_role("button", name=SAVE).click()
            expect(untranslated).to_have_count(before - 1)
            left -= 1
    assert not left, "fewer untranslated strings than asked"


def test_release_publishes_the_complete_translation_and_keeps_the_fallback_for_the_other(
    site_live, open_page
):
    base = site_live
    editor = sign_in(open_page, base, "editor")
    article = create_draft_article(editor, base, "Joint statement", "Three offices agree.")
    submit_for_translation(editor, base, article, "fr", "nl")

    french, dutch = page_in("joint-statement", "fr").pk, page_in("joint-statement", "nl").pk
    translator_fr = sign_in(open_page, base, "translator-fr")
    translator_fr.goto(f"{base}/admin/pages/{french}/edit/")
    translate_strings(translator_fr, "FR")
    translator_nl = sign_in(open_page, base, "translator-nl")
    translator_nl.goto(f"{base}/admin/pages/{dutch}/edit/")
    translate_strings(translator_nl, "NL", count=1)

    admin = sign_in(open_page, base, "admin")
    admin.goto(f"{base}/admin/publishing/release/{article}/")
    rows = admin.locator("table.listing tbody tr")
    expect(rows.filter(has_text="French").locator("td").nth(3)).to_have_text("Yes")
    expect(rows.filter(has_text="Dutch").locator("td").nth(3)).to_contain_text("No: 1 of")
    admin.get_by_role("button", name="Publish or schedule the ready languages").click()
    expect(admin.locator(".messages")).to_contain_text("Published in")

    french_page = served(admin, base, french)
    assert (french_page["title"], french_page["lead"]) == ("FR Joint statement", "FR Three offices agree.")
    assert (french_page["content_locale"], french_page["is_fallback"]) == ("fr", False)
    dutch_page = served(admin, base, dutch)
    assert (dutch_page["title"], dutch_page["content_locale"], dutch_page["is_fallback"]) == (
        "Joint statement",
        "en",
        True,
    )


def test_an_editor_submits_a_live_page_for_translation_and_the_alias_keeps_serving_the_fallback(
    site_live, open_page
):
    base = site_live
    editor = sign_in(open_page, base, "editor")
    submit_for_translation(editor, base, page_in("about").pk, "nl")
    expect(editor.locator(".messages")).to_contain_text("successfully submitted")
    expect(editor.locator("body")).not_to_contain_text("do not have permission")

    dutch = served(editor, base, page_in("about", "nl").pk)
    assert (dutch["title"], dutch["content_locale"], dutch["is_fallback"]) == ("About", "en", True)


def footer_action(page, name):
    """Click one of the edit form's footer actions, opening its "More actions" menu if needed."""
    button = page.locator("footer").get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name="More actions").click()
    button.click()


def choose_in_modal(page, opener, search, choice=None):
    """Open a chooser (snippet or page), search and pick ``choice`` (the searched title by default)."""
    opener.click()
    page.locator(".modal input[name=q]").fill(search)
    page.locator(".modal").get_by_role("link", name=choice or search, exact=True).click()
    expect(page.locator(".modal")).to_be_hidden()


def photo(directory):
    from PIL import Image

    path = directory / "talks.png"
    Image.new("RGB", (60, 40), "teal").save(path)
    return path


def test_an_article_with_every_field_is_moderated_then_translated_into_french(site_live, open_page, tmp_path):
    base = site_live
    editor = sign_in(open_page, base, "editor")
    editor.goto(f"{base}/admin/pages/add/news/newsarticlepage/{page_in('news').pk}/")
    editor.fill("#id_title", "Border talks resume")
    editor.fill("#id_publication_date", "2026-11-20")
    editor.select_option("#id_article_type", "news")
    editor.fill("#id_dateline", "Brussels")
    editor.fill("#id_lead", "Officials met again.")
    editor.get_by_role("button", name="Choose an image").click()
    editor.locator(".modal").get_by_role("tab", name="Upload").click()
    editor.locator(".modal input[type=file]").set_input_files(photo(tmp_path))
    editor.locator(".modal").get_by_label("Title").fill("Talks")
    editor.locator(".modal").get_by_role("button", name="Upload").click()
    expect(editor.locator(".modal")).to_be_hidden()
    editor.fill("#id_lead_image_alt", "Officials around a table")
    body = editor.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Insert a block").first.click()
    editor.get_by_role("option", name="Paragraph").click()
    body.locator("[contenteditable=true]").first.fill("The talks resumed on Monday.")
    editor.locator("[data-contentpath=editors_note] [contenteditable=true]").fill("Photos on request.")
    editor.get_by_role("button", name="Add topics").click()
    choose_in_modal(editor, editor.get_by_role("button", name="Choose topic"), "Climate")
    editor.get_by_role("button", name="Add media contacts").click()
    choose_in_modal(
        editor,
        editor.get_by_role("button", name="Choose media contact"),
        "Ana Pereira",
        "Ana Pereira (Brussels)",
    )
    editor.get_by_role("button", name="Add related articles").click()
    choose_in_modal(editor, editor.get_by_role("button", name="Choose a page"), "Story 0")
    footer_action(editor, "Submit to News moderation")
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")

    article = page_in("border-talks-resume")
    moderator = sign_in(open_page, base, "moderator")
    moderator.goto(f"{base}/admin/pages/{article.pk}/edit/")
    footer_action(moderator, "Approve and Publish")
    expect(moderator.locator(".messages")).to_contain_text("has been updated")

    status, english = api(moderator, base, "pages/find/", path="/en/news/border-talks-resume/")
    assert status == 200, english
    assert (english["title"], english["dateline"], english["lead"]) == (
        "Border talks resume", "Brussels", "Officials met again."
    )  # fmt: skip
    assert (english["publication_date"], english["article_type"]) == ("2026-11-20", "news")
    assert "Officials around a table" in str(english["lead_image"])
    assert "The talks resumed on Monday." in str(english["body"])
    assert "Photos on request." in english["editors_note"]
    assert [len(english[name]) for name in ("topics", "media_contacts", "related_articles")] == [1, 1, 1]

    translator = sign_in(open_page, base, "translator-fr")
    submit_for_translation(translator, base, article.pk, "fr")
    translate_strings(translator, "FR")
    translator.locator("footer, nav").get_by_role("button", name=re.compile("^Publier")).first.click()
    expect(translator.locator(".messages")).to_contain_text("a été publié")
    french = served(translator, base, page_in("border-talks-resume", "fr").pk)
    assert (french["title"], french["content_locale"], french["is_fallback"]) == (
        "FR Border talks resume", "fr", False
    )  # fmt: skip


def test_a_rename_keeps_the_old_address_and_a_move_takes_every_language_along(site_live, open_page):
    base = site_live
    admin = sign_in(open_page, base, "admin")
    about = page_in("about")
    admin.goto(f"{base}/admin/pages/{about.pk}/edit/")
    admin.get_by_role("tab", name="Promote").click()
    admin.fill("#id_slug", "about-us")
    footer_action(admin, "Publish")
    expect(admin.locator(".messages")).to_contain_text("published")
    status, found = api(admin, base, "pages/find/", path="/en/who-we-are/about/")
    assert (status, found["redirect"]["path"]) == (200, "/en/who-we-are/about-us/")

    home = Page.objects.get(depth=2, locale__language_code="en")
    admin.goto(f"{base}/admin/pages/{about.pk}/move/{home.pk}/confirm/")
    admin.get_by_role("button", name="Yes, move this page").click()
    expect(admin.locator(".messages")).to_contain_text("moved")
    paths = {code: served(admin, base, page_in("about-us", code).pk)["path"] for code in ("en", "fr", "nl")}
    # The Dutch alias moves along; it keeps the slug it had (no Dutch text of its own yet).
    assert (paths["en"], paths["fr"], paths["nl"].count("/")) == ("/en/about-us/", "/fr/a-propos/", 3)
    status, found = api(admin, base, "pages/find/", path="/fr/qui-sommes-nous/a-propos/")
    assert (status, found["redirect"]["path"]) == (200, "/fr/a-propos/")


def test_deleting_a_page_names_its_translations_and_removes_them_all(site_live, open_page):
    base = site_live
    about = page_in("about")
    french = page_in("about", "fr")
    admin = sign_in(open_page, base, "admin")
    admin.goto(f"{base}/admin/pages/{about.pk}/delete/")
    expect(admin.locator("main")).to_contain_text("À propos")
    admin.get_by_role("button", name="Yes, delete it").click()
    expect(admin.locator(".messages")).to_contain_text("deleted")

    assert api(admin, base, f"pages/{french.pk}/")[0] == 404
    assert api(admin, base, "pages/find/", path="/nl/wie-we-zijn/about/")[0] == 404
    assert not Page.objects.filter(translation_key=about.translation_key).exists()


def test_the_french_translator_cannot_edit_a_dutch_page(site_live, open_page):
    base = site_live
    translator = sign_in(open_page, base, "translator-fr")
    dutch_who = page_in("who-we-are", "nl")
    translator.goto(f"{base}/admin/pages/{dutch_who.pk}/edit/")
    expect(translator.get_by_role("button", name=re.compile("^Publi"))).to_have_count(0)
    expect(translator.locator("textarea, [contenteditable=true]")).to_have_count(0)
    assert Page.objects.get(pk=dutch_who.pk).title == dutch_who.title


def test_the_french_translator_is_offered_only_french_to_submit(site_live, open_page):
    base = site_live
    translator = sign_in(open_page, base, "translator-fr")
    # "about" is translated into French already, so the form has nothing left for them to take:
    # above all, no Dutch and no "select all".
    translator.goto(f"{base}/admin/localize/submit/page/{page_in('about').pk}/")
    expect(translator.get_by_role("heading", name=re.compile("Traduire la page"))).to_be_visible()
    expect(translator.locator(f"input[name=locales][value='{locale_pk('nl')}']")).to_have_count(0)
    expect(translator.locator("input[name=select_all][type=checkbox]")).to_have_count(0)


def test_preview_without_a_frontend_shows_the_draft_and_the_address_to_start(site_live, open_page, settings):
    # Nothing listens on this port (the suite's range): the frontend of this test is "not started".
    settings.PREVIEW_CLIENT_URLS = settings.PREVIEW_CLIENT_URLS | {"en": "http://127.0.0.1:8399/en/preview/"}
    base = site_live
    editor = sign_in(open_page, base, "editor")
    editor.goto(f"{base}/admin/pages/{page_in('about').pk}/edit/")
    editor.fill("#id_title", "About (draft)")
    editor.get_by_role("button", name="Toggle preview").click()
    frame = editor.frame_locator("#w-preview-iframe")
    expect(frame.locator("body")).to_contain_text("The frontend is not running")
    expect(frame.locator("code")).to_have_text("http://127.0.0.1:8399/en/preview/")
    expect(frame.locator("h1")).to_have_text("About (draft)")
    expect(frame.locator("pre")).to_contain_text('"title": "About (draft)"')


# Two local frontends, on ports of the suite's range: one allowed by CORS_ALLOWED_ORIGINS, one not.
ALLOWED_FRONTEND, REFUSED_FRONTEND = "http://127.0.0.1:8352", "http://127.0.0.1:8353"


def serve_frontends(directory):
    (directory / "index.html").write_text("<!DOCTYPE html><title>Frontend</title><h1>Frontend</h1>")
    servers = []
    for origin in (ALLOWED_FRONTEND, REFUSED_FRONTEND):
        handler = partial(SimpleHTTPRequestHandler, directory=str(directory))
        server = ThreadingHTTPServer(("127.0.0.1", int(origin.rsplit(":", 1)[1])), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def test_a_frontend_reads_the_api_from_an_allowed_origin_and_is_refused_from_another(
    site_live, open_page, settings, tmp_path
):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED_FRONTEND]
    servers = serve_frontends(tmp_path)
    read_french_pages = """async (url) => {
        try { const response = await fetch(url); return (await response.json()).items.map(p => p.title); }
        catch (error) { return "refused"; }
    }"""
    try:
        results = {}
        for origin in (ALLOWED_FRONTEND, REFUSED_FRONTEND):
            page = open_page()
            page.goto(f"{origin}/index.html")
            results[origin] = page.evaluate(read_french_pages, f"{site_live}/api/v2/pages/?locale=fr")
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert "Qui sommes-nous" in results[ALLOWED_FRONTEND]
    assert results[REFUSED_FRONTEND] == "refused"
