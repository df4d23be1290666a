"""The generator at a tiny size: a complete site in three languages, translated through wagtail-localize."""

import json

import psycopg
import pytest
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationSource,
)

from bench.articles import BODY_PLAN
from bench.endpoints import build_endpoints
from bench.generate import article_keys, generate
from bench.vocabulary import translate
from home.models import SectionPage
from news.models import NewsArticlePage
from tests.bench.conftest import run
from translation.localization import write_translation

ARTICLES = 3
SEED = 7


def bench_articles(code):
    return NewsArticlePage.objects.filter(
        locale__language_code=code, translation_key__in=article_keys(SEED, ARTICLES)
    )


@pytest.fixture(scope="module")
def generated(built_demo, django_db_blocker):
    """A tiny generated site on the shared demo, built once for this module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        generate(seed=SEED, articles=ARTICLES, parallel=False, write=lambda line: None)
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_tiny_generated_site_is_complete_translated_and_stable_on_rerun(generated):
    every_locale_has_the_sections_and_the_articles()
    each_article_is_complete()
    translations_are_wagtail_localize_translations_of_the_english_article()
    before = Page.objects.count()
    generate(seed=SEED, articles=ARTICLES, parallel=False, write=lambda line: None)
    assert Page.objects.count() == before


def every_locale_has_the_sections_and_the_articles():
    for code in ("en", "fr", "nl"):
        assert bench_articles(code).live().count() == ARTICLES, code
        assert SectionPage.objects.live().filter(locale__language_code=code).exists(), code


def each_article_is_complete():
    for article in bench_articles("fr"):
        assert article.lead_image_id and article.lead_image_alt
        assert [block.block_type for block in article.body] == BODY_PLAN
        paragraphs = [str(block.value.source) for block in article.body if block.block_type == "paragraph"]
        assert all('linktype="page"' in html for html in paragraphs)
        topics = [row.topic for row in article.topics.all()]
        assert len(topics) == 3 and all(topic.locale_id == article.locale_id for topic in topics)
        contacts = [row.contact for row in article.media_contacts.all()]
        assert len(contacts) == 1 and contacts[0].locale_id == article.locale_id


def translations_are_wagtail_localize_translations_of_the_english_article():
    for english in bench_articles("en"):
        source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
        segments = StringSegment.objects.filter(source=source)
        for code in ("fr", "nl"):
            assert Translation.objects.filter(source=source, target_locale__language_code=code, enabled=True)
            translated_strings = StringTranslation.objects.filter(
                locale__language_code=code, translation_of__in=segments.values("string")
            )
            assert translated_strings.count() >= segments.count()
            version = bench_articles(code).get(translation_key=english.translation_key)
            assert version.title == translate(english.title, code)
            assert version.title != english.title
            assert version.live and version.live_revision_id


def test_the_same_seed_gives_the_same_articles():
    assert article_keys(SEED, 5) == article_keys(SEED, 5)
    assert article_keys(SEED, 5)[:3] == article_keys(SEED, 3)
    assert article_keys(SEED, 5) != article_keys(SEED + 1, 5)


def source_rows(source):
    """What the translation editor reads of a source: its segments with their strings and contexts."""
    context = ("context__path", "context__field_path", "order")
    content = json.loads(source.content_json)
    # The body is a JSON string inside the JSON; PostgreSQL's jsonb may have reordered its keys.
    content["body"] = json.loads(content["body"])
    return {
        "strings": sorted(
            StringSegment.objects.filter(source=source).values_list(*context, "string__data", "attrs")
        ),
        "templates": sorted(
            TemplateSegment.objects.filter(source=source).values_list(*context, "template__template")
        ),
        "related": sorted(
            RelatedObjectSegment.objects.filter(source=source).values_list(*context, "object_id")
        ),
        "overridable": sorted(
            OverridableSegment.objects.filter(source=source).values_list(*context, "data_json")
        ),
        "content_json": content,
        "fields": (source.specific_content_type_id, source.object_repr, source.schema_version),
    }


@pytest.mark.django_db
def test_bulk_made_sources_are_the_ones_wagtail_localize_makes(generated):
    english = bench_articles("en").order_by("pk").last()
    bulk = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    bulk_rows = source_rows(bulk)
    assert bulk_rows["strings"] and bulk_rows["templates"] and bulk_rows["related"]

    # Contexts too, so that wagtail-localize computes their field paths itself.
    bulk.delete()
    TranslationContext.objects.filter(object_id=english.translation_key).delete()
    made, created = TranslationSource.get_or_create_from_instance(english)
    assert created
    assert source_rows(made) == bulk_rows


# What an editor or a reader could tell apart; ids, tree positions and times are the database's.
VOLATILE = {
    "id", "pk", "page_ptr", "page_ptr_id", "path", "latest_revision", "latest_revision_id",
    "live_revision", "live_revision_id", "latest_revision_created_at", "first_published_at",
    "last_published_at", "page",
}  # fmt: skip


def without_volatile(value):
    if isinstance(value, dict):
        return {key: without_volatile(item) for key, item in value.items() if key not in VOLATILE}
    if isinstance(value, list):
        return [without_volatile(item) for item in value]
    return value


def translated_rows(page):
    """A translated article as stored: its fields, inline rows and live revision."""
    page = NewsArticlePage.objects.get(pk=page.pk)
    content = page.live_revision.content
    return {
        "page": without_volatile(
            {field.attname: field.value_from_object(page) for field in page._meta.concrete_fields}
        ),
        "topics": sorted(page.topics.values_list("topic_id", "sort_order", "translation_key", "locale_id")),
        "contacts": sorted(
            page.media_contacts.values_list("contact_id", "sort_order", "translation_key", "locale_id")
        ),
        "related": sorted(page.related_articles.values_list("article_id", "sort_order")),
        "revision": without_volatile({**content, "body": json.loads(content["body"])}),
        "state": (page.live, page.has_unpublished_changes, page.locked, page.alias_of_id),
    }


@pytest.mark.django_db
def test_bulk_written_translations_are_the_pages_wagtail_localize_writes(generated, settings):
    # Deleting the French page must leave the strings translators wrote, to write it again.
    settings.WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
    english = bench_articles("en").order_by("pk").last()
    french = bench_articles("fr").get(translation_key=english.translation_key)
    bulk = translated_rows(french)
    assert bulk["topics"] and bulk["contacts"]

    french.delete()
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    made = write_translation(source, french.locale)
    assert translated_rows(made) == bulk


def test_the_generator_disconnects_exactly_the_per_publish_receivers_it_names():
    from wagtail.models import get_page_models
    from wagtail.signals import page_published

    from bench.generate import quiet_publish_receivers
    from publishing import invalidation
    from translation.fallback import refuse_untranslated_publish

    try:
        # All four page receivers of every page model, and the untranslated-text check: a
        # renamed receiver would make this fall short, and the generator slow again.
        assert quiet_publish_receivers() == 4 * len(get_page_models()) + 1
    finally:
        invalidation.connect_signal_handlers()
        page_published.connect(refuse_untranslated_publish, dispatch_uid="translation.fallback")


# The peer's requests are built from the generated articles (its slugs and ids).
@pytest.mark.django_db
def test_the_peer_answers_the_comparable_endpoints_only(generated):
    endpoints = {endpoint.key: endpoint for endpoint in build_endpoints()}
    assert {key for key, endpoint in endpoints.items() if endpoint.peer} == {
        "find", "listing", "deep", "article", "search",
    }  # fmt: skip
    assert "$containsi" in endpoints["search"].peer[0]
    assert "substring" in str(endpoints["search"].peer_note) and "not ranked" in str(
        endpoints["search"].peer_note
    )
    assert all("filters[slug][$eq]=" in url for url in endpoints["find"].peer)
    assert len(endpoints["article"].peer) == len(endpoints["article"].ours)


@pytest.mark.e2e
def test_on_postgresql_each_language_is_written_and_indexed_for_search_by_a_process_of_its_own(bench_env):
    """The generator as ``make bench`` runs it: English, French and Dutch in three processes,
    each writing its language's search entries as it finishes."""
    database_url = bench_env["BENCH_DATABASE_URL"]
    if not database_url.startswith("postgres"):
        pytest.skip("the generator runs one process per language on PostgreSQL only")
    run(["-m", "bench.generate", "--articles", "3"], bench_env)
    with psycopg.connect(database_url) as connection:
        articles = dict(
            connection.execute(
                "SELECT locale.language_code, COUNT(*) FROM news_newsarticlepage article"
                " JOIN wagtailcore_page page ON page.id = article.page_ptr_id AND page.live"
                " JOIN wagtailcore_locale locale ON locale.id = page.locale_id GROUP BY 1"
            ).fetchall()
        )
        unindexed = connection.execute(
            "SELECT COUNT(*) FROM wagtailcore_page page LEFT JOIN sitesearch_pagesearchentry entry"
            " ON entry.page_id = page.id AND entry.locale_id = page.locale_id"
            " WHERE page.live AND page.depth > 1 AND entry.page_id IS NULL"
        ).fetchone()[0]
        entries = connection.execute("SELECT COUNT(*) FROM sitesearch_pagesearchentry").fetchone()[0]
    # The demo site's own articles, and the three generated, in every language.
    assert set(articles) == {"en", "fr", "nl"} and len(set(articles.values())) == 1 and articles["en"] > 3
    assert unindexed == 0 and entries > 9  # every live page of every language, sections included
