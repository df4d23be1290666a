"""changes/: a frontend that replays the feed from the start knows exactly the live paths."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import SectionPage

TOMBSTONES = {"unpublished", "restricted", "deleted"}


def feed(api, since="0", limit=1000):
    entries = []
    while True:
        body = api.get("/api/v2/changes/", {"since": since, "limit": limit}).json()
        entries += body["items"]
        since = body["meta"]["next"]
        if not body["meta"]["has_more"]:
            return entries, since


def replay(entries) -> set[str]:
    live = set()
    for entry in entries:
        if entry["kind"] != "page":
            continue
        if entry["old_path"]:
            live.discard(entry["old_path"])
        if entry["action"] not in TOMBSTONES:
            live.add(entry["path"])
    return live


def sitemap_paths(api) -> set[str]:
    return {item["path"] for item in api.get("/api/v2/sitemap/").json()["items"]}


@pytest.mark.django_db
def test_replaying_the_feed_rebuilds_exactly_the_live_paths(site, api, locales):
    entries, cursor = feed(api)
    assert replay(entries) == sitemap_paths(api)

    # A draft is no change a reader sees.
    who = site["who"]
    who.title = "Draft title"
    who.save_revision()
    assert feed(api, cursor)[0] == []

    new = who.add_child(instance=SectionPage(title="Team", slug="team", live=False))
    new.save_revision().publish()
    who = SectionPage.objects.get(pk=who.pk)
    who.slug = "about-us"
    who.save_revision().publish()  # renames every page below it
    site["articles"][0].get_translation(locales["fr"]).unpublish()
    PageViewRestriction.objects.create(page=site["news"], restriction_type="login")
    about = SectionPage.objects.get(pk=site["about"].pk)
    about.move(site["home"], pos="last-child")
    SectionPage.objects.get(pk=new.pk).delete()
    topic = site["topic"]
    topic.name = "Climate and energy"
    topic.save()

    changes, _next = feed(api, cursor, limit=2)
    actions = {(entry["action"], entry["path"] or entry["old_path"]) for entry in changes}
    assert ("published", "/en/who-we-are/team/") in actions
    assert ("moved", "/en/about-us/") in actions
    assert ("unpublished", "/fr/actualites/fr-story-0/") in actions
    # A restriction hides its own language only (the English news and what is below it).
    assert ("restricted", "/en/news/") in actions
    assert ("moved", "/en/about/") in actions
    assert ("deleted", "/en/about-us/team/") in actions
    assert any(entry["kind"] == "snippet" and entry["type"] == "news.Topic" for entry in changes)
    moved = next(entry for entry in changes if entry["path"] == "/en/about/")
    assert moved["old_path"] == "/en/about-us/about/"
    assert [int(entry["cursor"]) for entry in changes] == sorted(int(entry["cursor"]) for entry in changes)

    assert replay(entries + changes) == sitemap_paths(api)
    assert replay(feed(api)[0]) == sitemap_paths(api)

    # Lifting the restriction brings the section back.
    PageViewRestriction.objects.filter(page=site["news"]).delete()
    assert replay(feed(api)[0]) == sitemap_paths(api)
    assert "/nl/nieuws/" in sitemap_paths(api)


@pytest.mark.django_db
def test_bad_cursors_and_limits_are_400(api):
    for query in ({"since": "x"}, {"since": "-1"}, {"limit": "0"}, {"limit": "1001"}, {"after": "1"}):
        response = api.get("/api/v2/changes/", query)
        assert response.status_code == 400 and response.json()["message"]
