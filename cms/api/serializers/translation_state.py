"""How far a page's translation has got: for "translation in progress" and "updated in English" notices."""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from wagtail_localize.models import TranslationSource

from cms.api.prepared_statements import prepared_cursor
from cms.api.serializers.base import ContentField

NULLABLE_INTEGER = {"type": ["integer", "null"]}


# Per translation source aliased ``source``: whether its page in the source language was
# published after its strings were last synchronised (null when never published), and how
# many strings it has (null when none). Shared by the batched query of a listing and the
# one-statement lookup of a stored page (cms.api.stored_pages).
PUBLISHED_AFTER_SYNC_SQL = """(SELECT source_page.last_published_at > source.last_updated_at
      FROM wagtailcore_page source_page
     WHERE source_page.translation_key = source.object_id AND source_page.locale_id = source.locale_id
     LIMIT 1)"""
SEGMENT_TOTAL_SQL = """(SELECT NULLIF(COUNT(*), 0) FROM wagtail_localize_stringsegment segment
     WHERE segment.source_id = source.id)"""


def translated_count_sql(locale_sql: str) -> str:
    """How many of ``source``'s strings have a translation without error into ``locale_sql``'s
    locale, counted as wagtail-localize counts its own progress."""
    return f"""(SELECT COUNT(*) FROM wagtail_localize_stringsegment segment
      JOIN wagtail_localize_stringtranslation translation
        ON translation.translation_of_id = segment.string_id
       AND translation.context_id = segment.context_id
     WHERE segment.source_id = source.id AND translation.locale_id = {locale_sql}
       AND NOT translation.has_error)"""  # noqa: S608 - a column or a placeholder


@dataclass(frozen=True)
class SourceProgress:
    """The translation source a page was translated from, and its strings counted."""

    locale_id: int
    published_after_sync: bool | None
    segment_total: int | None
    #: Strings translated, by locale id.
    translated: dict[int, int]


class TranslationStates:
    """The translation state of every page of one response, in one query whatever their number."""

    def __init__(self, default_locale_id: int):
        self.default_locale_id = default_locale_id
        self.pages = []
        self.loaded = False
        self.sources: dict[object, SourceProgress] = {}  # by translation key

    def want(self, page):
        self.pages.append(page)
        self.loaded = False

    def load(self):
        keys = {page.translation_key for page in self.pages}
        locale_ids = sorted({page.locale_id for page in self.pages})
        # Sources in the default language first, then the oldest: the one a page was translated from.
        sql, params = progress_query(keys, locale_ids, self.default_locale_id)
        key_field = TranslationSource._meta.get_field("object")
        with prepared_cursor() as cursor:
            cursor.execute(sql, params)
            for key, locale_id, published_after_sync, total, *translated in cursor.fetchall():
                by_locale = dict(zip(locale_ids, translated, strict=True))
                progress = SourceProgress(locale_id, published_after_sync, total, by_locale)
                self.sources.setdefault(key_field.to_python(key), progress)
        self.loaded = True

    def state(self, page, language_code) -> dict:
        if not self.loaded:
            self.load()
        source = self.sources.get(page.translation_key)
        source_locale_id = source.locale_id if source else self.default_locale_id
        return measured_state(page, source, source_locale_id, language_code(source_locale_id))


def measured_state(page, source: SourceProgress | None, source_locale_id: int, source_language: str) -> dict:
    """A page's translation state from the source it was translated from (None: none recorded).

    Without a source, ``source_locale_id`` and ``source_language`` are the default language's.
    """
    if page.locale_id == source_locale_id:
        total = source.segment_total if source else None
        return state(source_language, True, total, total, False)
    if source is None:
        # Translated by hand, outside wagtail-localize: nothing to measure it against.
        return state(source_language, False, None, None, False)
    total = source.segment_total or 0
    done = source.translated.get(page.locale_id) or 0
    # An alias shows the English itself, so it is never behind it.
    outdated = not page.alias_of_id and bool(source.published_after_sync)
    return state(source_language, False, total, done, outdated)


def progress_query(keys, locale_ids, first_locale_id) -> tuple[str, list]:
    """SQL for the sources of these translation keys, each with its strings counted.

    Per source: its key, its locale, ``PUBLISHED_AFTER_SYNC_SQL``, ``SEGMENT_TOTAL_SQL`` and
    per locale ``translated_count_sql``. Plain SQL: built with the ORM's subqueries, this
    one query cost more Python than the rest of a page's detail (about a third of an
    uncached request).
    """
    key_field = TranslationSource._meta.get_field("object")
    key_values = [key_field.get_db_prep_value(key, connection) for key in keys]
    translated = "".join(f",\n        {translated_count_sql('%s')}" for _locale_id in locale_ids)
    sql = f"""
        SELECT source.object_id, source.locale_id, {PUBLISHED_AFTER_SYNC_SQL}, {SEGMENT_TOTAL_SQL}{translated}
        FROM wagtail_localize_translationsource source
        WHERE source.object_id IN ({", ".join(["%s"] * len(key_values))})
        ORDER BY source.locale_id != %s, source.created_at"""  # noqa: S608 - only placeholders
    return sql, [*locale_ids, *key_values, first_locale_id]


def state(source_locale, is_source, total, translated, outdated) -> dict:
    share = None if total is None else (round(translated / total, 3) if total else 1.0)
    return {
        "source_locale": source_locale,
        "is_source": is_source,
        "segments": total,
        "translated_segments": translated,
        "translated_share": share,
        "outdated": outdated,
    }


class TranslationStateField(ContentField):
    """Where the page's text comes from and how much of it is translated::

        {"source_locale": "en", "is_source": false, "segments": 12, "translated_segments": 9,
         "translated_share": 0.75, "outdated": true}

    ``segments`` counts the strings of the source page; ``translated_share`` is the part of
    them translated into this page's locale (1.0 on the source page itself, 0.0 on an
    untranslated alias). ``outdated`` is true when the source page was published after
    its strings were last synchronised for translation: the translation may lag behind
    ("updated in English"). Counts are null for a page translated outside the
    translation workflow.
    """

    schema = {
        "type": "object",
        "required": [
            "source_locale",
            "is_source",
            "segments",
            "translated_segments",
            "translated_share",
            "outdated",
        ],  # fmt: skip
        "additionalProperties": False,
        "properties": {
            "source_locale": {"type": "string"},
            "is_source": {"type": "boolean"},
            "segments": NULLABLE_INTEGER,
            "translated_segments": NULLABLE_INTEGER,
            "translated_share": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "outdated": {"type": "boolean"},
        },
    }

    @staticmethod
    def states(refs) -> TranslationStates:
        def make():
            default = refs.locale_by_code(settings.LANGUAGE_CODE) or next(iter(refs.locales.values()))
            return TranslationStates(default.pk)

        return refs.batch("translation_states", make)

    def collect(self, obj, refs):
        self.states(refs).want(obj)

    def represent(self, obj, refs):
        return self.states(refs).state(obj, refs.language_code)
