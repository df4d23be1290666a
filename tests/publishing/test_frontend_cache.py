"""Caches stay true: each kind of change purges exactly the API responses that show it."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from cms.api.caching import EPOCH_KEY, TAG_PREFIX, epoch
from home.models import SectionPage
from tests.factories import ImageFactory
from tests.news.test_moderation_workflow import submit_for_moderation
from tests.publishing.recording import RecordingBackend

API = "/api/v2/"


def url(endpoint, **query):
    base = settings.WAGTAILAPI_BASE_URL + API + endpoint
    return f"{base}?{urlencode(query)}" if query else base


def detail(page):
    return url(f"pages/{page.pk}/")


def find(path):
    return url("pages/find/", path=path)


def children_of(*parents):
    return {url("pages/", child_of=parent.pk) for parent in parents}


def navigation(*codes):
    return {url("navigation/", locale=code) for code in codes}


@pytest.fixture
def recorder(settings):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "tests.publishing.recording.RecordingBackend"}}
    RecordingBackend.purged.clear()
    RecordingBackend.batches.clear()
    yield RecordingBackend.purged
    RecordingBackend.purged.clear()
    RecordingBackend.batches.clear()


@pytest.fixture
def pages(site):
    """Every page of the site fixture as ``"<language> <name>"``: ``pages["fr article"]``."""
    named = {}
    for name in ("home", "who", "about", "news"):
        for version in site[name].get_translations(inclusive=True).specific():
            named[f"{version.locale.language_code} {name}"] = version
    for version in site["articles"][0].get_translations(inclusive=True).specific():
        named[f"{version.locale.language_code} article"] = version
    return named


@pytest.fixture
def purged(recorder, committed):
    """Run a change in a committed transaction; return the set of URLs purged after the commit.

    Each URL is purged once, and none before the commit.
    """

    def run(change):
        committed(lambda: None)
        recorder.clear()
        RecordingBackend.batches.clear()

        def change_then_check():
            change()
            assert recorder == [], "purged before the transaction committed"

        committed(change_then_check)
        for batch in RecordingBackend.batches:
            assert len(batch) == len(set(batch)), "a URL was purged twice in one batch"
        return set(recorder)

    return run


def article_urls(pages):
    """An article's responses in en/fr/nl, its news listings, and the 'about' pages linking to it."""
    return (
        {detail(pages[f"{code} article"]) for code in ("en", "fr", "nl")}
        | {find("/en/news/story-0/"), find("/fr/actualites/fr-story-0/"), find("/nl/nieuws/nl-story-0/")}
        | children_of(pages["en news"], pages["fr news"], pages["nl news"])
        # "about" links to the article in its body (the Dutch one is an alias of the English).
        | {detail(pages[f"{code} about"]) for code in ("en", "fr", "nl")}
        | {
            find("/en/who-we-are/about/"),
            find("/fr/qui-sommes-nous/a-propos/"),
            find("/nl/wie-we-zijn/about/"),
        }
    )


@pytest.mark.django_db
def test_publishing_an_article_purges_it_in_every_language_its_listings_and_pages_linking_to_it(
    pages, purged
):
    article = pages["en article"]

    def publish():
        article.lead = "A new lead."
        article.save_revision().publish()

    assert purged(publish) == article_urls(pages)


@pytest.mark.django_db
def test_unpublishing_a_translation_purges_the_same_set(pages, purged):
    assert purged(lambda: pages["fr article"].unpublish()) == article_urls(pages)


@pytest.mark.django_db
def test_deleting_an_article_purges_the_same_set(pages, purged):
    assert purged(lambda: pages["en article"].delete()) == article_urls(pages)


@pytest.mark.django_db
def test_renaming_a_section_purges_old_and_new_paths_of_it_and_its_descendants(pages, purged):
    who = pages["en who"]

    def rename():
        who.title = "About us"
        who.slug = "about-us"
        who.save_revision().publish()

    sections = [pages[f"{code} {name}"] for code in ("en", "fr", "nl") for name in ("who", "about")]
    assert purged(rename) == (
        {detail(page) for page in sections}
        | {
            find("/en/who-we-are/"),
            find("/en/who-we-are/about/"),
            find("/en/about-us/"),
            find("/en/about-us/about/"),
        }
        | {find("/fr/qui-sommes-nous/"), find("/fr/qui-sommes-nous/a-propos/")}
        | {find("/nl/wie-we-zijn/"), find("/nl/wie-we-zijn/about/")}
        | children_of(pages["en home"], pages["fr home"], pages["nl home"])
        | children_of(pages["en who"], pages["fr who"], pages["nl who"])
        # Both are in the menus of every language.
        | navigation("en", "fr", "nl")
        # Articles link to "who we are" in their editors' note.
        | {detail(pages[f"{code} article"]) for code in ("en", "fr", "nl")}
        | {find("/en/news/story-0/"), find("/fr/actualites/fr-story-0/"), find("/nl/nieuws/nl-story-0/")}
        # The redirects Wagtail creates from the old paths, as it stores them.
        | {find(path) for path in ("/who-we-are", "/who-we-are/", "/who-we-are/about", "/who-we-are/about/")}
        # The redirects with the language prefix, without the slash too.
        | {find("/en/who-we-are"), find("/en/who-we-are/about")}
    )


@pytest.mark.django_db
def test_moving_a_page_purges_its_old_and_new_place(pages, purged):
    work = SectionPage(title="Our work", slug="our-work", show_in_menus=False)
    pages["en home"].add_child(instance=work)
    work.save_revision().publish()
    about = pages["en about"]

    urls = purged(lambda: about.move(work, pos="last-child"))
    versions_of_work = [
        work,
        *(version for version in work.get_translations() if version.locale.language_code in ("fr", "nl")),
    ]
    assert (
        urls
        == (
            {detail(pages[f"{code} about"]) for code in ("en", "fr", "nl")}
            | {find("/en/who-we-are/about/"), find("/en/our-work/about/")}
            | {find("/fr/qui-sommes-nous/a-propos/"), find("/nl/wie-we-zijn/about/")}
            | children_of(pages["en who"], work, pages["fr who"], pages["nl who"])
            | navigation("en", "fr", "nl")
            # The redirect Wagtail creates from the old path, as it stores it.
            | {find("/who-we-are/about"), find("/who-we-are/about/")}
            # The French and Dutch versions move too, under aliases of "Our work" made for them:
            # their new places, the aliases (new children of their home pages) and "Our work"
            # (whose translations list names them).
            | {find("/fr/our-work/a-propos/"), find("/nl/our-work/about/")}
            | {detail(version) for version in versions_of_work}
            | {find(f"/{code}/our-work/") for code in ("en", "fr", "nl")}
            | children_of(pages["en home"], pages["fr home"], pages["nl home"], *versions_of_work[1:])
            # The redirects from the old paths, with the language prefix, without and with the slash.
            | {
                find(path)
                for path in ("/en/who-we-are/about", "/fr/qui-sommes-nous/a-propos", "/nl/wie-we-zijn/about")
            }
        )
    )


@pytest.mark.django_db
def test_a_draft_purges_nothing(pages, purged):
    article = pages["en article"]

    def save_draft():
        article.title = "Draft title"
        article.save_revision()

    assert purged(save_draft) == set()


@pytest.mark.django_db
def test_renaming_a_topic_purges_the_articles_showing_it_and_the_topic_listings(site, pages, purged):
    topic = site["topic"]

    def rename():
        topic.name = "Climate change"
        topic.save()

    assert purged(rename) == {
        detail(pages["en article"]),
        find("/en/news/story-0/"),
        url("topics/"),
        url("topics/", locale="en"),
    }


@pytest.mark.django_db
def test_changing_a_french_contacts_phone_purges_the_french_article(pages, purged):
    contact = pages["fr article"].media_contacts.first().contact

    def change_phone():
        contact.phone = "+32 2 111 11 11"
        contact.save()

    assert purged(change_phone) == {
        detail(pages["fr article"]),
        find("/fr/actualites/fr-story-0/"),
        url("media-contacts/"),
        url("media-contacts/", locale="fr"),
    }


@pytest.mark.django_db
def test_publishing_a_page_with_aliases_sends_one_purge_with_each_url_once(pages, purged):
    # The Dutch "about" is an alias of the English one: Wagtail publishes it too.
    about = pages["en about"]

    def publish():
        about.title = "About the office"
        about.save_revision().publish()

    urls = purged(publish)
    assert detail(pages["nl about"]) in urls
    assert len(RecordingBackend.batches) == 1


@pytest.mark.django_db
def test_restricting_a_page_purges_it_and_its_descendants(pages, purged):
    who = pages["fr who"]
    urls = purged(lambda: PageViewRestriction.objects.create(page=who, restriction_type="login"))
    assert {detail(who), detail(pages["fr about"]), find("/fr/qui-sommes-nous/a-propos/")} <= urls
    # The other languages' versions name it in their translations.
    assert detail(pages["en who"]) in urls

    restriction = PageViewRestriction.objects.get(page=who)
    assert detail(pages["fr about"]) in purged(restriction.delete)


@pytest.mark.django_db
def test_changing_an_image_purges_the_image_endpoints(db, purged):
    image = ImageFactory()

    def rename():
        image.title = "A new title"
        image.save()

    assert purged(rename) == {url("images/"), url(f"images/{image.pk}/")}


@pytest.mark.django_db
def test_a_redirect_purges_the_find_responses_of_its_old_path(pages, purged):
    def add():
        Redirect.objects.create(old_path="/fr/ancienne-page", redirect_page=pages["fr about"])

    assert purged(add) == {find("/fr/ancienne-page"), find("/fr/ancienne-page/")}

    redirect = Redirect.objects.get(old_path="/fr/ancienne-page")

    def edit():
        redirect.old_path = "/fr/autre-page"
        redirect.save()

    assert purged(edit) == {
        find(path)
        for path in ("/fr/ancienne-page", "/fr/ancienne-page/", "/fr/autre-page", "/fr/autre-page/")
    }


@pytest.mark.django_db
def test_submitting_an_article_for_moderation_in_the_admin_changes_no_cache(
    site, pages, people, client, purged, committed
):
    committed(epoch)
    version = cache.get(TAG_PREFIX + EPOCH_KEY)
    article = pages["en article"]
    assert (
        purged(lambda: submit_for_moderation(client, people["editor"], article, "A submitted title")) == set()
    )
    assert cache.get(TAG_PREFIX + EPOCH_KEY) == version
