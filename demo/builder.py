"""Builds the demo site: images, snippets, English pages, then their French and Dutch translations.

Every object is found again by a stable key (image title, topic slug, contact e-mail,
page slug under its parent), compared with the demo data and only written when it
differs, so running the builder twice leaves the database as the first run left it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from news.models import (
    MediaContact,
    NewsArticleMediaContact,
    NewsArticlePage,
    NewsArticleRelatedArticle,
    NewsArticleTopic,
    Topic,
)
from translation.localization import translate_object

from .glossary import ensure_glossary
from .images import IMAGES, ensure_image
from .loader import DemoContent, load_content
from .report import CREATED, UNCHANGED, UPDATED, Report
from .spec import ContactSpec, ImageKey, PageKey, PageSpec, TopicSpec
from .text import TRANSLATION_LANGUAGES, Text, TranslationLookup, with_page_ids

# Article rows: (spec attribute, child relation, row model, foreign key attname, where the keys point).
ARTICLE_ROWS = [
    ("topics", "topics", NewsArticleTopic, "topic_id", "topics"),
    ("contacts", "media_contacts", NewsArticleMediaContact, "contact_id", "contacts"),
    ("related", "related_articles", NewsArticleRelatedArticle, "article_id", "pages"),
]


def texts_in(value):
    """Every Text inside a spec or a field value, however deeply nested."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, TopicSpec):
        yield from (value.name, value.slug)
    elif isinstance(value, ContactSpec):
        yield from (value.role, value.office)
    elif isinstance(value, PageSpec):
        yield from (value.title, value.slug)
        yield from texts_in(value.fields)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_in(item)


def stream_data(field, value):
    """A StreamField value as comparable data: the stored JSON without the random block ids."""
    block = field.stream_block
    if not isinstance(value, StreamValue):
        value = block.to_python(value)
    return [{"type": child["type"], "value": child["value"]} for child in block.get_prep_value(value)]


def serialized(instance):
    """The instance as wagtail-localize serialises it into a TranslationSource."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


class DemoBuilder:
    """Creates or updates every demo object and records what it did in a Report."""

    def __init__(self, report: Report | None = None, content: DemoContent | None = None):
        self.report = report or Report()
        # Read (and checked) here rather than on import, so a mistake in a file stops only the build.
        self.content = content or load_content()
        self.english = Locale.objects.get(language_code="en")
        self.locales = {code: Locale.objects.get(language_code=code) for code in TRANSLATION_LANGUAGES}
        self.lookups = {code: TranslationLookup(code) for code in TRANSLATION_LANGUAGES}
        for text in texts_in([self.content.topics, self.content.contacts, self.content.pages]):
            for lookup in self.lookups.values():
                lookup.add(text)
        self.images, self.topics, self.contacts, self.pages = {}, {}, {}, {}

    def build(self):
        self.report.step(_("Images"))
        for spec in IMAGES:
            self.images[spec.key], status = ensure_image(spec)
            self.report.record("image", spec.title, status)

        self.report.step(_("Topics and media contacts"))
        for spec in self.content.topics:
            self.topics[spec.key] = self._save_snippet(
                Topic, {"slug": spec.slug.en}, {"name": spec.name.en}, "topic"
            )
        for spec in self.content.contacts:
            values = {"name": spec.name, "role": spec.role.en, "office": spec.office.en, "phone": spec.phone}
            self.contacts[spec.key] = self._save_snippet(
                MediaContact, {"email": spec.email}, values, "contact"
            )
        for kind, snippets in (("topic", self.topics), ("contact", self.contacts)):
            for snippet in snippets.values():
                self._translate(snippet, kind, str(snippet))

        self.report.step(_("English pages"))
        # Every page exists before any is filled in, so links between pages can be resolved.
        pages = self.content.pages
        created = {spec.key: self._ensure_page(spec) for spec in pages}
        for spec in pages:
            changed = self._fill_page(spec)
            status = CREATED if created[spec.key] else UPDATED if changed else UNCHANGED
            self.report.record("page", spec.title.en, status)

        self.report.step(_("French and Dutch pages"))
        for spec in pages:
            self._translate(self._fresh(spec.key), "page", spec.title.en)
        ensure_glossary(self.report)
        return self.report

    # Snippets

    def _save_snippet(self, model, identity, values, kind):
        snippet = model.objects.filter(locale=self.english, **identity).first()
        if snippet is None:
            snippet = model.objects.create(locale=self.english, **identity, **values)
            status = CREATED
        elif any(getattr(snippet, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(snippet, name, value)
            snippet.save()
            status = UPDATED
        else:
            status = UNCHANGED
        self.report.record(kind, str(snippet), status)
        return snippet

    # English pages

    def _ensure_page(self, spec):
        """Find the page under its parent by English slug, or add it bare; True if added."""
        if spec.parent is None:
            self.pages[spec.key] = HomePage.objects.get(locale=self.english, depth=2)
            return False
        parent = self.pages[spec.parent]
        page = spec.model.objects.child_of(parent).filter(slug=spec.slug.en).first()
        if page is not None:
            self.pages[spec.key] = page
            return False
        page = spec.model(title=spec.title.en, slug=spec.slug.en, locale=self.english)
        parent.add_child(instance=page)
        self.pages[spec.key] = page
        return True

    def _fresh(self, key):
        return Page.objects.get(pk=self.pages[key].pk).specific

    def _fill_page(self, spec):
        """Bring the English page in line with its spec; publish a revision only if something changed."""
        page = self._fresh(spec.key)
        changed = False
        values = {"title": spec.title.en, "slug": spec.slug.en}
        values.update((name, self._english(value)) for name, value in spec.fields.items())
        for name, desired in values.items():
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                differs = stream_data(field, getattr(page, name)) != stream_data(field, desired)
            else:
                name = field.attname if isinstance(field, models.ForeignKey) else name
                differs = getattr(page, name) != desired
            if differs:
                setattr(page, name, desired)
                changed = True
        for attribute, relation, row_model, attname, registry in (
            ARTICLE_ROWS if isinstance(page, NewsArticlePage) else []
        ):
            # modelcluster leaves sort_order empty on rows assigned in code (only the editor's
            # formsets number them), and rows that tie on sort_order come back in whatever order
            # the database likes (PostgreSQL's changes as rows are rewritten). So number them here,
            # and compare positions too, which also repairs rows an earlier run left unnumbered.
            desired_rows = [
                (getattr(self, registry)[key].pk, position)
                for position, key in enumerate(getattr(spec, attribute))
            ]
            current_rows = [(getattr(row, attname), row.sort_order) for row in getattr(page, relation).all()]
            if desired_rows != current_rows:
                rows = [row_model(**{attname: pk, "sort_order": position}) for pk, position in desired_rows]
                setattr(page, relation, rows)
                changed = True
        # A page added bare has no revision yet; it gets its first one here.
        if changed or page.live_revision_id is None:
            page.save_revision().publish()
        return changed

    def _english(self, value):
        """Resolve a field value from the spec to what the English page stores."""
        if isinstance(value, Text):
            if value.rich:
                return with_page_ids(value.en, {key: page.pk for key, page in self.pages.items()})
            return value.en
        if isinstance(value, PageKey):
            return self.pages[value.key].pk
        if isinstance(value, ImageKey):
            return self.images[value.key].pk
        if isinstance(value, dict):
            return {name: self._english(item) for name, item in value.items()}
        if isinstance(value, list):
            return [self._english(item) for item in value]
        return value

    # Translations

    def _translate(self, instance, kind, label):
        # Decided once, before any locale is synced: syncing the first locale refreshes the shared
        # TranslationSource, after which the English would look unchanged to the other locales.
        source = self._current_source(instance)
        for code, locale in self.locales.items():
            lookup = self.lookups[code]
            existing = instance.get_translation_or_none(locale)
            if (
                existing is not None
                and source is not None
                and self._translation_is_current(source, instance, locale, lookup)
            ):
                status = UNCHANGED
            else:
                translate_object(instance, locale, lookup)
                status = CREATED if existing is None else UPDATED
            self.report.record(f"{kind} ({code})", label, status)

    def _current_source(self, instance):
        """The instance's TranslationSource if its last sync used today's English, else None."""
        source = TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id
        ).first()
        if source is None or serialized(instance) != json.loads(source.content_json):
            return None
        return source

    def _translation_is_current(self, source, instance, locale, lookup):
        """True if the locale was synced from ``source`` and every string has today's translation.

        Re-running translate_object would otherwise give each translated page a new
        revision on every run, although nothing a reader sees has changed.
        """
        if not Translation.objects.filter(source=source, target_locale=locale, enabled=True).exists():
            return False
        segments = list(StringSegment.objects.filter(source=source).select_related("string"))
        translated = {
            (row.translation_of_id, row.context_id): row.data
            for row in StringTranslation.objects.filter(
                locale=locale, translation_of_id__in={segment.string_id for segment in segments}
            )
        }
        for segment in segments:
            if translated.get((segment.string_id, segment.context_id)) != lookup(segment.string.data):
                return False
        if isinstance(instance, Page):
            target = instance.get_translation(locale)
            return target.live and not target.has_unpublished_changes
        return True
