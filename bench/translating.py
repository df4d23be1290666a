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

import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.models.copying import _copy
from wagtail.search.backends import get_search_backend
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from bench.articles import (
    INLINE_RELATIONS,
    add_published_revisions,
    hold_children_in_memory,
    insert_article_rows,
)
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


def translate_articles_into(articles, locale) -> list:
    """Translate the specific English ``articles`` into ``locale``; returns the translated pages.

    Two transactions: the translated strings, then the pages. The pages are built in
    between, outside any transaction: modelcluster's copying opens an atomic block per
    inline relation, which inside a transaction is a savepoint, two round trips each
    (three quarters of the queries). A run stopped in between redoes the batch.
    """
    sources = translate_strings(articles, locale)
    parent = articles[0].get_parent().get_translation(locale)
    segments = segments_for_translation(list(sources.values()), locale)
    hold_children_in_memory(articles)
    english = Locale.objects.get(pk=articles[0].locale_id)
    translated = [
        translated_copy(article, segments[sources[article.translation_key].pk], english, locale)
        for article in articles
    ]
    with transaction.atomic():
        write_pages(parent, translated)
    return translated


@transaction.atomic
def translate_strings(articles, locale) -> dict:
    """Sources, enabled Translations and a manual StringTranslation per segment; the sources by key."""
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
    return sources


def translated_copy(original, segments, source_locale, locale) -> NewsArticlePage:
    """What ``source.create_or_update_translation(locale)`` builds before it saves, unsaved.

    wagtail-localize starts from ``source.as_instance()``, the English page rebuilt from the
    source's JSON (checking every foreign key on the way, a query each). The generator made
    the source from this very page when it wrote it, and nothing edits a generated page, so
    ``original`` is that page. ``segments`` are the translated segments of its source
    (``segments_for_translation``). Ingesting rewrites the original's body in place: the
    caller does not use it afterwards.
    """
    exclude = original.default_exclude_fields_in_copy + original.exclude_fields_in_copy
    copy, children = _copy(
        original, exclude_fields=exclude, update_attrs={**UNPUBLISHED_COPY, "locale": locale}
    )
    for child in children.values():
        if isinstance(child, TranslatableMixin):
            child.locale = locale
    copy_synchronised_fields(original, copy)
    ingest_segments(original, copy, source_locale, locale, segments)
    return copy


def segments_for_translation(sources, locale) -> dict[int, list]:
    """``source._get_segments_for_translation(locale)`` of every source, in four queries in all.

    The same values in the same order as wagtail-localize's method (strings, templates,
    related objects, overrides), which costs four queries a source, plus two to check and
    two to read each related object (topic, contact) again when ingesting; here related
    objects are read once per type, and carry their translation (``KnownRelatedObject``).
    Like the method without ``fallback``, a missing translation is an error.
    """
    by_source = {source.pk: [] for source in sources}

    def of(queryset):
        return queryset.filter(source__in=sources).select_related("context").order_by("source_id", "order")

    for segment in of(StringSegment.objects.annotate_translation(locale)):
        if not segment.translation:
            raise MissingTranslationError(segment, locale)
        by_source[segment.source_id].append(
            StringSegmentValue(
                segment.context.path, StringValue(segment.translation), attrs=json.loads(segment.attrs)
            ).with_order(segment.order)
        )
    for segment in of(TemplateSegment.objects.select_related("template")):
        template = segment.template
        by_source[segment.source_id].append(
            TemplateSegmentValue(
                segment.context.path,
                template.template_format,
                template.template,
                template.string_count,
                order=segment.order,
            )
        )
    related = list(of(RelatedObjectSegment.objects.select_related("object")))
    translations = related_translations([segment.object for segment in related], locale)
    for segment in related:
        instance = translations.get(segment.object_id)
        if instance is None:
            raise MissingRelatedObjectError(segment, locale)
        content_type = ContentType.objects.get_for_id(segment.object.content_type_id)
        by_source[segment.source_id].append(
            KnownRelatedObject(
                segment.context.path, content_type, segment.object_id, instance, order=segment.order
            )
        )
    overrides = of(OverridableSegment.objects.annotate_override_json(locale))
    for segment in overrides.filter(override_json__isnull=False):
        by_source[segment.source_id].append(
            OverridableSegmentValue(
                segment.context.path, json.loads(segment.override_json), order=segment.order
            )
        )
    return by_source


def related_translations(objects, locale) -> dict:
    """translation key -> the object's instance in ``locale``, one query per model."""
    keys_by_model = {}
    for obj in objects:
        model = ContentType.objects.get_for_id(obj.content_type_id).model_class()
        keys_by_model.setdefault(model, set()).add(obj.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        found.update(
            (instance.translation_key, instance)
            for instance in model._default_manager.filter(translation_key__in=keys, locale=locale)
        )
    return found


class KnownRelatedObject(RelatedObjectSegmentValue):
    """A related object segment that already holds the object's translation, read with its batch."""

    def __init__(self, path, content_type, translation_key, instance, **kwargs):
        super().__init__(path, content_type, translation_key, **kwargs)
        self.instance = instance

    def get_instance(self, locale):
        return self.instance

    def clone(self):
        return KnownRelatedObject(
            self.path, self.content_type, self.translation_key, self.instance, order=self.order
        )


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
    for relation in INLINE_RELATIONS:
        rows = []
        for page in pages:
            for child in getattr(page, relation).all():
                child.page_id = page.pk
                rows.append(child)
        if rows:
            type(rows[0]).objects.bulk_create(rows)
