"""How complete each locale is: one state per English page or snippet and target locale.

The admin report and ``manage.py translation_status`` both read ``collect_rows`` and
``summarise``, so they always show the same figures.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class State(models.TextChoices):
    CURRENT = "current", _("Translated and current")
    OUTDATED = "outdated", _("Outdated")
    ALIAS = "alias", _("Alias (shows English)")
    DRAFT = "draft", _("Draft")
    MISSING = "missing", _("Missing")


@dataclass
class StatusRow:
    """One English object in one target locale."""

    source: models.Model
    section: str
    locale: Locale
    state: str
    target: models.Model | None
    translation: Translation | None

    @property
    def kind(self):
        return _("page") if isinstance(self.source, Page) else _("snippet")

    @property
    def state_label(self):
        return State(self.state).label


def source_locale() -> Locale:
    return Locale.get_default()


def target_locales(language_code: str | None = None):
    locales = Locale.objects.exclude(pk=source_locale().pk).order_by("language_code")
    if language_code:
        locales = locales.filter(language_code=language_code)
    return list(locales)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def section_of(page: Page, section_titles: dict[str, str]) -> str:
    """The top-level section (child of the home page) a page belongs to; the home page is its own."""
    if page.depth <= 3:
        return page.title
    return section_titles.get(page.path[: Page.steplen * 3], page.title)


def english_sources():
    """(object, section) for every English page below the root and every English snippet."""
    locale = source_locale()
    pages = list(
        Page.objects.filter(locale=locale, depth__gt=1, alias_of__isnull=True).order_by("path").specific()
    )
    section_titles = {page.path: page.title for page in pages if page.depth == 3}
    sources = [(page, section_of(page, section_titles)) for page in pages]
    for model in translatable_snippet_models():
        section = str(model._meta.verbose_name_plural).capitalize()
        sources += [(snippet, section) for snippet in model.objects.filter(locale=locale)]
    return sources


def source_segments_changed(source_object, translation: Translation) -> bool:
    """True when the English text differs from what was last sent for translation."""
    current = {
        (segment.path, segment.string.data)
        for segment in extract_segments(source_object)
        if isinstance(segment, StringSegmentValue)
    }
    synced = set(
        StringSegment.objects.filter(source=translation.source).values_list("context__path", "string__data")
    )
    return current != synced


def state_of(source_object, target, translation: Translation | None, changed_cache: dict) -> str:
    if target is None:
        return State.MISSING
    if isinstance(target, Page) and target.alias_of_id:
        return State.ALIAS
    if isinstance(target, Page) and not target.live:
        return State.DRAFT
    if translation is None:
        # Translated by hand, outside wagtail-localize: nothing to compare it with.
        return State.CURRENT
    total, translated = translation.get_progress()
    if translated < total:
        return State.OUTDATED
    if isinstance(target, Page) and strings_changed_since_published(target, translation):
        # The translation editor holds text the readers do not see yet.
        return State.OUTDATED
    if translation.source_id not in changed_cache:
        changed_cache[translation.source_id] = source_segments_changed(source_object, translation)
    return State.OUTDATED if changed_cache[translation.source_id] else State.CURRENT


def strings_changed_since_published(target: Page, translation: Translation) -> bool:
    """True when a string of the translation was typed after the page was last published."""
    if target.last_published_at is None:
        return True
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        updated_at__gt=target.last_published_at,
    ).exists()


def targets_in(locale: Locale, sources) -> dict:
    """(model label, translation key) -> the object's version in ``locale``."""
    keys_by_model = defaultdict(set)
    for source_object, _section in sources:
        base = Page if isinstance(source_object, Page) else type(source_object)
        keys_by_model[base].add(source_object.translation_key)
    targets = {}
    for model, keys in keys_by_model.items():
        queryset = model.objects.filter(locale=locale, translation_key__in=keys)
        for target in queryset:
            targets[(model._meta.label, target.translation_key)] = target
    return targets


def collect_rows(language_code: str | None = None, section: str | None = None) -> list[StatusRow]:
    sources = english_sources()
    if section:
        sources = [(obj, sec) for obj, sec in sources if sec == section]
    changed_cache = {}
    rows = []
    for locale in target_locales(language_code):
        targets = targets_in(locale, sources)
        translations = {
            translation.source.object_id: translation
            for translation in Translation.objects.filter(target_locale=locale, enabled=True).select_related(
                "source"
            )
        }
        for source_object, section_title in sources:
            base = Page if isinstance(source_object, Page) else type(source_object)
            target = targets.get((base._meta.label, source_object.translation_key))
            translation = translations.get(source_object.translation_key)
            state = state_of(source_object, target, translation, changed_cache)
            rows.append(StatusRow(source_object, section_title, locale, state, target, translation))
    return rows


@dataclass
class Summary:
    """Counts per state and the share that is translated and current."""

    counts: Counter
    total: int

    @property
    def percent_current(self) -> float:
        return round(100 * self.counts[State.CURRENT] / self.total, 1) if self.total else 100.0

    def count(self, state) -> int:
        return self.counts[state]

    @property
    def counts_in_state_order(self) -> list[int]:
        return [self.counts[state] for state in State]


def summarise(rows, key) -> dict:
    """Group ``rows`` by ``key(row)`` into Summaries, in first-seen order."""
    grouped = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row.state)
    return {group: Summary(Counter(states), len(states)) for group, states in grouped.items()}


def by_locale(rows) -> dict:
    return summarise(rows, lambda row: row.locale.language_code)


def by_locale_and_section(rows) -> dict:
    return summarise(rows, lambda row: (row.locale.language_code, row.section))
