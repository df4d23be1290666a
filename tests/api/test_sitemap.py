"""sitemap/: every live public page once, its real translations as alternates, and a valid sitemap.xml."""

from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import etree
from wagtail.models import PageViewRestriction

from home.models import SectionPage

SCHEMA = Path(__file__).parent / "data" / "sitemap.xsd"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_xml(items) -> bytes:
    """The README's recipe: one <url> per page, an xhtml:link per real translation."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for item in items:
        if item["is_fallback"]:
            continue  # an untranslated alias repeats its source's text
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = item["url"]
        if item["last_published_at"]:
            ElementTree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = item["last_published_at"]
        for alternate in item["alternates"]:
            ElementTree.SubElement(
                url, f"{{{XHTML}}}link", rel="alternate", hreflang=alternate["locale"], href=alternate["url"]
            )
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)


def all_items(api, **query):
    items, page = [], 1
    while True:
        body = api.get("/api/v2/sitemap/", {**query, "page": page}).json()
        items += body["items"]
        if page >= body["meta"]["page_count"]:
            return items
        page += 1


@pytest.mark.django_db
def test_the_sitemap_lists_live_public_pages_with_real_translations_only(site, api, locales):
    who = site["who"]
    who.add_child(instance=SectionPage(title="Draft", slug="draft", live=False))
    private = who.add_child(instance=SectionPage(title="Private", slug="private"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    items = all_items(api)
    paths = [item["path"] for item in items]
    assert len(paths) == len(set(paths))
    assert "/en/who-we-are/draft/" not in paths and "/en/who-we-are/private/" not in paths
    assert {"/en/", "/fr/", "/nl/", "/fr/qui-sommes-nous/a-propos/", "/nl/wie-we-zijn/about/"} <= set(paths)
    about = next(item for item in items if item["path"] == "/en/who-we-are/about/")
    assert [alt["locale"] for alt in about["alternates"]] == ["en", "fr"]
    article = next(item for item in items if item["id"] == site["articles"][0].pk)
    assert article["last_published_at"] == site["articles"][0].last_published_at.isoformat()
    alias = next(item for item in items if item["path"] == "/nl/wie-we-zijn/about/")
    assert alias["is_fallback"] and alias["alternates"] == []

    french = all_items(api, locale="fr")
    assert {item["locale"] for item in french} == {"fr"}
    assert len(french) == len([item for item in items if item["locale"] == "fr"])


@pytest.mark.django_db
def test_the_sitemap_is_paginated_below_the_protocol_limit(site, api, settings):
    assert api.get("/api/v2/sitemap/").json()["meta"]["page_size"] == 50_000
    every = all_items(api)
    settings.API_SITEMAP_PAGE_SIZE = 4
    first = api.get("/api/v2/sitemap/").json()
    assert len(first["items"]) == 4
    assert first["meta"]["page_count"] == -(-len(every) // 4)
    assert [item["path"] for item in all_items(api)] == [item["path"] for item in every]
    past_the_end = api.get("/api/v2/sitemap/", {"page": 99})
    assert past_the_end.status_code == 200 and past_the_end.json()["items"] == []
    assert api.get("/api/v2/sitemap/", {"page": "x"}).status_code == 400
    assert api.get("/api/v2/sitemap/", {"locale": "de"}).status_code == 400


@pytest.mark.django_db
def test_the_readme_recipe_gives_a_sitemap_that_the_schema_accepts(site, api):
    document = sitemap_xml(all_items(api))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    parsed = etree.fromstring(document)
    assert schema.validate(parsed), schema.error_log
    links = parsed.findall(f".//{{{XHTML}}}link")
    assert links and all(link.get("hreflang") in {"en", "fr", "nl"} for link in links)
    # A page with no translation has no alternates; the English about page lists en and fr.
    about = next(url for url in parsed if url.findtext(f"{{{SITEMAP}}}loc").endswith("/en/who-we-are/about/"))
    assert [link.get("hreflang") for link in about.findall(f"{{{XHTML}}}link")] == ["en", "fr"]
