"""Articles into one locale through wagtail-localize, with the per-page writing done in bulk.

Same outcome as ``translation.localization.translate_object`` (TranslationSource, an enabled
Translation, a manual StringTranslation per segment, the translated page published from
its revision), but a whole batch is written with a few INSERTs instead of a ``save()``,
a revision and a publish per page (about 200 queries each). The translated pages are made
by wagtail-localize's and Wagtail's own steps, in memory: the English article copied as
``copy_for_translation`` copies it, its synchronised fields copied, the translated
segments ingested. ``tests/bench/test_generate.py`` checks that the result is the page
``write_translation`` makes. Page history (log entries) is not written, as for the
English articles.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, TranslatableMixin
from wagtail.models.copying import _copy
from wagtail.search.backends import get_search_backend
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from bench.articles import add_published_revisions, insert_article_rows
from bench.sources import create_sources
from bench.vocabulary import translate
from news.models import NewsArticlePage

# What ``copy_for_translation`` sets on its copy (Wagtail's CopyPageAction, keep_live=False).
UNPUBLISHED_COPY = {
    "live": False,
    "has_unpublished_changes": True,
    "live_revision": None,
    "first_published_at": None,
    "last_published_at": None,
    "alias_of": None,
}


@transaction.atomic
def translate_articles_into(articles, locale) -> list:
    """Translate the specific English ``articles`` into ``locale``; returns the translated pages."""
    create_sources(articles)
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[article.translation_key for article in articles], locale_id=articles[0].locale_id
        )
    }
    Translation.objects.bulk_create(
        [Translation(source=source, target_locale=locale, enabled=True) for source in sources.values()],
        # A rerun after an interruption finds some of them already there.
        ignore_conflicts=True,
    )
    segments = StringSegment.objects.filter(source__in=sources.values()).select_related("string")
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=translate(segment.string.data, locale.language_code),
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            for segment in segments
        ],
        ignore_conflicts=True,
    )
    parent = articles[0].get_parent().get_translation(locale)
    translated = [translated_copy(article, sources[article.translation_key], locale) for article in articles]
    write_pages(parent, translated)
    return translated


def translated_copy(original, source, locale) -> NewsArticlePage:
    """What ``source.create_or_update_translation(locale)`` builds before it saves, unsaved.

    wagtail-localize starts from ``source.as_instance()``, the English page rebuilt from the
    source's JSON (checking every foreign key on the way, a query each). The generator made
    the source from this very page when it wrote it, and nothing edits a generated page, so
    ``original`` is that page. Ingesting rewrites the original's body in place: the caller
    does not use it afterwards.
    """
    exclude = original.default_exclude_fields_in_copy + original.exclude_fields_in_copy
    copy, children = _copy(
        original, exclude_fields=exclude, update_attrs={**UNPUBLISHED_COPY, "locale": locale}
    )
    for child in children.values():
        if isinstance(child, TranslatableMixin):
            child.locale = locale
    copy_synchronised_fields(original, copy)
    segments = source._get_segments_for_translation(locale, fallback=False)
    ingest_segments(original, copy, source.locale, locale, segments)
    return copy


def write_pages(parent, pages):
    """Insert ``pages`` under ``parent`` with their inline rows, then publish them as Publish does."""
    children = parent.get_children()
    last_child = children.order_by("-path").first()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    for page in pages:
        page.slug = slugify(page.slug)
    taken = set(children.filter(slug__in=[page.slug for page in pages]).values_list("slug", flat=True))
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.slug = available_slug(children, page.slug, taken)
        page.url_path = f"{parent.url_path}{page.slug}/"
    # The rows are written as published; the revision holds the page as save_revision()
    # stores it, before publishing and still with the copy's (English) draft title.
    now = timezone.now()

    def published(page):
        return {"draft_title": page.title, "live": True, "has_unpublished_changes": False,
                "first_published_at": now, "last_published_at": now}  # fmt: skip

    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    saved = Page.objects.bulk_create(
        [Page(**{**{name: getattr(page, name) for name in base_fields}, **published(page)}) for page in pages]
    )
    for page, row in zip(pages, saved, strict=True):
        page.id = page.page_ptr_id = row.pk
    insert_article_rows(pages)
    insert_inline_rows(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    contents = [page.serializable_data() for page in pages]
    for page in pages:
        for name, value in published(page).items():
            setattr(page, name, value)
    add_published_revisions(pages, contents)
    # Wagtail's own indexing task is off while generating (see bench.settings); index in bulk.
    get_search_backend().add_bulk(NewsArticlePage, pages)


def available_slug(siblings, slug, taken):
    """Wagtail's ``find_available_slug``, against the slugs taken so far in the batch too."""
    if slug in taken:  # rare: read the variants already in use once
        taken.update(siblings.filter(slug__startswith=f"{slug}-").values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def insert_inline_rows(pages):
    """Each page's inline rows (topics, contacts, related articles), as ``save()`` commits them."""
    for relation in ("topics", "media_contacts", "related_articles"):
        rows = []
        for page in pages:
            for child in getattr(page, relation).all():
                child.page_id = page.pk
                rows.append(child)
        if rows:
            type(rows[0]).objects.bulk_create(rows)
