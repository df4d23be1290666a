"""``search/``: per-language full-text search on PostgreSQL, Wagtail's backend elsewhere."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import Page, PageViewRestriction

from cms.api.visibility import hidden_page_ids
from home.models import SectionPage
from sitesearch.models import PageSearchEntry

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="per-language text search runs on PostgreSQL; SQLite uses the fallback (tested below)",
)


@pytest.fixture
def api():
    return APIClient()


def body(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])


@pytest.fixture
def publish(site, committed):
    """Publish a section page under a language's home page, as one committed change."""

    def run(code, title, intro="", paragraphs=()):
        home = Page.objects.get(depth=2, locale__language_code=code)
        page = SectionPage(title=title, intro=intro, body=body(*paragraphs), locale=home.locale)

        def change():
            home.add_child(instance=page)
            page.save_revision().publish()

        committed(change)
        return page

    return run


def found(api, words, code=None, **extra):
    params = {"q": words, **({"locale": code} if code else {}), **extra}
    response = api.get("/api/v2/search/", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@postgresql_only
def test_french_words_match_across_plural_and_accents(publish, api):
    page = publish("fr", "L'accueil des réfugiés en Belgique", paragraphs=["Une équipe à Bruxelles."])

    for words in ("réfugié", "refugie", "RÉFUGIÉS", "réfugiés belgique", "equipe"):
        assert found(api, words, "fr") == [page.pk], words
    assert found(api, "réfugié", "nl") == []
    assert found(api, "réfugiés -belgique", "fr") == []


@postgresql_only
def test_dutch_plurals_and_hyphenated_compounds_match_their_stems(publish, api):
    page = publish("nl", "Opvang van vluchtelingen", paragraphs=["Het klimaat-akkoord van Parijs."])

    for words in ("vluchteling", "vluchtelingen", "akkoorden", "klimaat"):
        assert found(api, words, "nl") == [page.pk], words
    assert found(api, "vluchteling", "fr") == []


@postgresql_only
def test_english_words_match_their_stems(publish, api):
    page = publish("en", "Families running a small business", paragraphs=["Trained by our offices."])

    for words in ("family", "run", "businesses", "train office"):
        assert found(api, words, "en") == [page.pk], words


@postgresql_only
def test_a_title_ranks_above_an_intro_above_a_body(publish, api):
    in_body = publish("fr", "Notre travail", paragraphs=["Un mot sur le climat, parmi d'autres."])
    in_intro = publish("fr", "Nos priorités", intro="Le climat et la migration.")
    in_title = publish("fr", "Le climat en Belgique")

    assert found(api, "climat", "fr") == [in_title.pk, in_intro.pk, in_body.pk]
    assert found(api, "climat", "fr", limit=1, offset=1) == [in_intro.pk]
    response = api.get("/api/v2/search/", {"q": "climat", "locale": "fr", "limit": 1})
    assert response.json()["meta"]["total_count"] == 3
    # Past the last match: no items, still counted.
    response = api.get("/api/v2/search/", {"q": "climat", "locale": "fr", "offset": 5})
    assert response.json() == {"meta": {"total_count": 3}, "items": []}


@postgresql_only
def test_an_untranslated_alias_is_found_with_its_original_language(site, api):
    dutch_about = Page.objects.get(alias_of=site["about"], locale__language_code="nl")

    # The Dutch "about" shows English text: English stemming applies to it in Dutch search.
    assert dutch_about.pk in found(api, "offices", "nl")
    assert site["about"].pk in found(api, "offices", "en")
    assert dutch_about.pk in found(api, "offices")


@postgresql_only
def test_unpublished_private_and_deleted_pages_never_appear(publish, site, api, committed):
    gone = publish("en", "Refugee support", paragraphs=["Unpublished later."])
    private = publish("en", "Refugee dossier")
    deleted = publish("en", "Refugee archive")
    draft = SectionPage(title="Refugee draft", live=False)
    committed(lambda: site["home"].add_child(instance=draft))
    assert set(found(api, "refugee", "en")) == {gone.pk, private.pk, deleted.pk}

    committed(gone.unpublish)
    committed(
        lambda: PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")  # noqa: S106
    )
    committed(lambda: Page.objects.get(pk=deleted.pk).delete())

    assert found(api, "refugee", "en") == []
    assert found(api, "refugee") == []
    assert not PageSearchEntry.objects.filter(page_id__in=[gone.pk, deleted.pk, draft.pk]).exists()


@postgresql_only
def test_pages_past_their_expiry_or_aliasing_a_private_page_never_appear(publish, site, api, committed):
    """Hidden before any task has run: the expiry passed, the scheduler has not unpublished it yet."""
    expiring = publish("fr", "Les réfugiés en ville")
    about = site["about"]
    committed(lambda: about.save_revision().publish())  # indexed, with its Dutch alias
    dutch_alias = Page.objects.get(alias_of=about, locale__language_code="nl")
    assert found(api, "réfugié", "fr") == [expiring.pk]
    assert dutch_alias.pk in found(api, "office", "nl")

    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")  # noqa: S106
    assert found(api, "réfugié", "fr") == []
    assert dutch_alias.pk not in found(api, "office", "nl")
    assert found(api, "réfugié") == []


@postgresql_only
def test_a_republished_page_is_found_by_its_new_words_only(publish, api, committed):
    page = publish("en", "Annual report")

    def rename():
        page.title = "Yearly review"
        page.save_revision().publish()

    committed(rename)
    assert found(api, "annual", "en") == []
    assert found(api, "yearly", "en") == [page.pk]


@postgresql_only
def test_the_rebuild_command_indexes_every_live_page_and_says_so(site, api, committed):
    committed(lambda: PageSearchEntry.objects.all().delete())
    assert found(api, "story", "en") == []

    out = io.StringIO()
    call_command("rebuild_site_search", stdout=out)

    live = Page.objects.filter(live=True, depth__gt=1).count()
    assert f"{live:,} pages indexed" in out.getvalue()
    assert "Indexed" in out.getvalue()
    assert PageSearchEntry.objects.count() == live
    # The article by its title, then "About", whose body links to "story".
    assert found(api, "story", "en") == [site["articles"][0].pk, site["about"].pk]


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the fallback of databases other than PostgreSQL"
)
def test_other_databases_fall_back_to_wagtails_search_backend(site, api):
    french_story = Page.objects.get(
        translation_key=site["articles"][0].translation_key, locale__language_code="fr"
    )

    assert found(api, "story", "fr")[0] == french_story.pk
    assert french_story.pk not in found(api, "story", "nl")
    assert not PageSearchEntry.objects.exists()


def page_scans_without_a_condition(paths) -> list[str]:
    """The steps of the hidden pages' plan that read the page table with no index condition."""
    # The test site is small enough that reading every page is the cheapest plan; with
    # that ruled out, the plan shows whether each part has an index to answer it.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    lines = hidden_page_ids(paths).explain().splitlines()
    return [
        line.strip()
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
        if " on wagtailcore_page" in line and "Cond:" not in following
    ]


@postgresql_only
def test_the_hidden_pages_a_search_leaves_out_are_found_through_indexes(site):
    assert page_scans_without_a_condition([]) == []
    assert page_scans_without_a_condition([site["about"].path]) == []
