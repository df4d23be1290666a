"""The multilingual lifecycle in Chromium, through the admin only, as the demo roles would.

Each scenario starts from the restored site (conftest.py): English home > who-we-are > about,
news > Story 0; French has all of them translated, Dutch has "about" as an untranslated
alias. The database is read only to find a page's id to open, or to check its final state;
every change is made by clicking and typing in the admin. What readers get is read from the API.
"""

import re

from playwright.sync_api import expect
from wagtail.models import Page

from tests.browser.conftest import DEMO_PASSWORD, log_in

ADMIN_PASSWORD = DEMO_PASSWORD


def page_in(slug, code="en"):
    """The page with this English slug, in the language ``code`` (translation or alias)."""
    english = Page.objects.get(slug=slug, locale__language_code="en")
    return Page.objects.get(translation_key=english.translation_key, locale__language_code=code)


def sign_in(open_page, base, username):
    page = open_page()
    log_in(page, base, username, DEMO_PASSWORD)
    return page


def api(page, base, path, **params):
    response = page.request.get(f"{base}/api/v2/{path}", params=params, max_redirects=0)
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
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("created")
    return int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))


def submit_for_translation(page, base, pk, *codes):
    page.goto(f"{base}/admin/localize/submit/page/{pk}/")
    for code in codes:
        page.locator(f"input[name=locales][value='{locale_pk(code)}']").check()
    page.locator("form input[type=submit], form button[type=submit]").last.click()
    page.wait_for_load_state()


def locale_pk(code):
    from wagtail.models import Locale

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
