"""How far a page's translation has got: for "translation in progress" and "updated in English" notices."""

from django.conf import settings
from django.db.models import Count, F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.api.serializers.base import ContentField

NULLABLE_INTEGER = {"type": ["integer", "null"]}


class TranslationStates:
    """The translation state of every page of one response, in one query whatever their number."""

    def __init__(self, default_locale_id: int):
        self.default_locale_id = default_locale_id
        self.pages = []
        self.loaded = False
        self.sources = {}  # translation key -> the TranslationSource the page was translated from

    def want(self, page):
        self.pages.append(page)
        self.loaded = False

    def load(self):
        keys = {page.translation_key for page in self.pages}
        locale_ids = sorted({page.locale_id for page in self.pages})
        # The English page's last publication, to tell whether it changed after its
        # strings were last sent for translation.
        source_page = Page.objects.filter(
            translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
        )
        # Counted like wagtail-localize's own progress: a string is translated in a
        # locale when a translation without error exists for it in its context.
        translated = {
            f"translated_{locale_id}": segment_count(
                string__translations__context_id=F("context_id"),
                string__translations__locale_id=locale_id,
                string__translations__has_error=False,
            )
            for locale_id in locale_ids
        }
        # Not its content_json (the whole page as JSON): only the dates and ids are used.
        candidates = (
            TranslationSource.objects.filter(object_id__in=keys)
            .only("object_id", "locale_id", "created_at", "last_updated_at")
            .annotate(
                source_published_at=Subquery(source_page.values("last_published_at")[:1]),
                segment_total=segment_count(),
                **translated,
            )
        )
        for source in sorted(candidates, key=lambda s: (s.locale_id != self.default_locale_id, s.created_at)):
            self.sources.setdefault(source.object_id, source)
        self.loaded = True

    def state(self, page, language_code) -> dict:
        if not self.loaded:
            self.load()
        source = self.sources.get(page.translation_key)
        source_locale_id = source.locale_id if source else self.default_locale_id
        if page.locale_id == source_locale_id:
            total = source.segment_total if source else None
            return state(language_code(source_locale_id), True, total, total, False)
        if source is None:
            # Translated by hand, outside wagtail-localize: nothing to measure it against.
            return state(language_code(source_locale_id), False, None, None, False)
        total = source.segment_total or 0
        done = getattr(source, f"translated_{page.locale_id}") or 0
        # An alias shows the English itself, so it is never behind it.
        outdated = (
            not page.alias_of_id
            and source.source_published_at is not None
            and source.source_published_at > source.last_updated_at
        )
        return state(language_code(source_locale_id), False, total, done, outdated)


def segment_count(**conditions) -> Subquery:
    """The number of the source's strings meeting ``conditions``; null (not 0) when there are none."""
    segments = StringSegment.objects.filter(source_id=OuterRef("pk"), **conditions)
    return Subquery(segments.values("source_id").annotate(count=Count("id")).values("count"))


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
        # Kept on the response's References so every page of a listing is measured together.
        if not hasattr(refs, "translation_states"):
            default = refs.locale_by_code(settings.LANGUAGE_CODE) or next(iter(refs.locales.values()))
            refs.translation_states = TranslationStates(default.pk)
        return refs.translation_states

    def collect(self, obj, refs):
        self.states(refs).want(obj)

    def represent(self, obj, refs):
        return self.states(refs).state(obj, refs.language_code)
