"""Every link says which language it lands on, so a frontend never switches language silently."""

import pytest


def find(api, path):
    return api.get("/api/v2/pages/find/", {"path": path}).json()


def block(page, kind):
    return next(item["value"] for item in page["body"] if item["type"] == kind)


@pytest.mark.django_db
def test_translations_give_the_language_of_their_content(site, api):
    english = api.get(f"/api/v2/pages/{site['about'].pk}/").json()
    assert [(t["locale"], t["content_locale"], t["is_fallback"]) for t in english["translations"]] == [
        ("en", "en", False),
        ("fr", "fr", False),
        ("nl", "en", True),
    ]
    # What the README's recipe keeps for hreflang: the real translations only.
    real = [t["locale"] for t in english["translations"] if not t["is_fallback"]]
    assert real == ["en", "fr"]


@pytest.mark.django_db
def test_links_to_a_language_that_is_gone_are_marked_as_fallbacks(site, api, locales):
    fr = locales["fr"]
    site["articles"][0].get_translation(fr).unpublish()
    site["who"].get_translation(fr).unpublish()

    about = find(api, "/fr/qui-sommes-nous/a-propos/")
    paragraph = block(about, "paragraph")
    # The story now exists in English only: the French reader is told.
    assert (
        '<a href="http://localhost:3000/en/news/story-0/" data-path="/en/news/story-0/" hreflang="en"'
        ' data-fallback="true">' in paragraph
    )
    # The news index is still French: a plain link.
    assert '<a href="http://localhost:3000/fr/actualites/" data-path="/fr/actualites/">' in paragraph
    cta = block(about, "call_to_action")["page"]
    assert (cta["path"], cta["locale"], cta["content_locale"], cta["is_fallback"]) == (
        "/en/who-we-are/",
        "en",
        "en",
        True,
    )
    # Links that stay in the reader's language say so too.
    assert all(not crumb["is_fallback"] for crumb in about["breadcrumb"])
    assert all(crumb["content_locale"] == "fr" for crumb in about["breadcrumb"])


@pytest.mark.django_db
def test_a_link_to_an_untranslated_alias_in_the_readers_language_is_marked(site, api, locales):
    fr = locales["fr"]
    story = site["articles"][0]
    # The French story goes back to being wagtail-localize's alias of the English one.
    story.get_translation(fr).delete()
    story.copy_for_translation(fr, alias=True)

    paragraph = block(find(api, "/fr/qui-sommes-nous/a-propos/"), "paragraph")
    assert (
        '<a href="http://localhost:3000/fr/actualites/story-0/" data-path="/fr/actualites/story-0/"'
        ' hreflang="en" data-fallback="true">' in paragraph
    )


@pytest.mark.django_db
def test_links_out_of_an_untranslated_page_name_the_language_they_land_on(site, api):
    # The Dutch "about" is an alias: English text, shown with lang="en". Its links lead to
    # the Dutch pages, so they leave the English text: hreflang says so. They are no fallback.
    alias = find(api, "/nl/wie-we-zijn/about/")
    assert alias["content_locale"] == "en"
    paragraph = block(alias, "paragraph")
    assert '<a href="http://localhost:3000/nl/nieuws/" data-path="/nl/nieuws/" hreflang="nl">' in paragraph
    assert "data-fallback" not in paragraph
    # The same page asked for its body alone says the same (the alias's source is looked up).
    only_body = api.get(f"/api/v2/pages/{alias['id']}/", {"fields": "_,body"}).json()
    assert block(only_body, "paragraph") == paragraph


@pytest.mark.django_db
def test_navigation_marks_an_untranslated_page(site, api, locales):
    alias = site["about"].get_translation(locales["nl"])
    assert alias.alias_of_id == site["about"].pk and alias.show_in_menus
    navigation = api.get("/api/v2/navigation/", {"locale": "nl"}).json()
    items = [item for node in navigation["items"] for item in [node, *node["children"]]]
    entry = next(item for item in items if item["id"] == alias.pk)
    assert (entry["locale"], entry["content_locale"], entry["is_fallback"]) == ("nl", "en", True)
    assert navigation["home"]["content_locale"] == "nl"
