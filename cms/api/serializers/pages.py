"""A page as JSON: the common fields every page has, then its type's ``api_fields``.

Listings show the common summary by default, detail every field; ``?fields=``
follows Wagtail's syntax (``*``, ``_``, ``-name``, comma separated).
"""

from functools import cache

from django.db.models import prefetch_related_objects
from wagtail.api.v2.utils import BadRequestError

from cms.api.serializers.base import ContentField, PlainField
from cms.api.serializers.placement import BreadcrumbField, ParentField, PathField, UrlField
from cms.api.serializers.translation_state import TranslationStateField
from cms.api.serializers.translations import (
    ContentLocaleField,
    FallbackField,
    LocaleField,
    TranslationsField,
    TypeField,
)
from cms.api.validation import fields_expression

NULLABLE_STRING = {"type": ["string", "null"]}
COMMON_FIELDS: dict[str, ContentField] = {
    name: field.named(name)
    for name, field in {
        "id": PlainField({"type": "integer"}),
        "type": TypeField(),
        "locale": LocaleField(),
        "content_locale": ContentLocaleField(),
        "is_fallback": FallbackField(),
        "title": PlainField(),
        "path": PathField(),
        "url": UrlField(),
        "seo_title": PlainField(),
        "search_description": PlainField(),
        "first_published_at": PlainField(NULLABLE_STRING),
        "last_published_at": PlainField(NULLABLE_STRING),
        "parent": ParentField(),
        "breadcrumb": BreadcrumbField(),
        "translations": TranslationsField(),
        "translation_state": TranslationStateField(),
    }.items()
}
LISTING_DEFAULT_FIELDS = [
    "id", "type", "locale", "content_locale", "is_fallback", "title", "path", "url", "first_published_at",
]  # fmt: skip
ALWAYS_INCLUDED = ["id", "type"]


def needs_specific_pages(field_names) -> bool:
    """Whether these fields need each page as its own type, or the common ``Page`` columns suffice.

    Reading pages as their own type costs a query per type and every column of those
    types (article bodies included), for a search or mixed listing that shows titles and paths.
    """
    return not set(field_names) <= COMMON_FIELDS.keys()


@cache
def content_fields(model) -> dict[str, ContentField]:
    """The model's ``api_fields`` as bound ContentFields (plain values when no serializer is given).

    Built once per model: ``api_fields`` are class attributes, and building DRF fields
    for every page of every response was a measurable part of a listing's time.
    Callers must not modify the returned dict.
    """
    fields = {}
    for api_field in getattr(model, "api_fields", ()):
        field = api_field.serializer if isinstance(api_field.serializer, ContentField) else PlainField()
        fields[api_field.name] = field if field.name == api_field.name else field.named(api_field.name)
    return fields


@cache
def all_fields(model) -> dict[str, ContentField]:
    return {**COMMON_FIELDS, **content_fields(model)}


def select_field_names(fields_parameter: str | None, models, detail: bool) -> set[str]:
    """Names of the fields to output, from ``?fields=``; 400 for unknown or nested fields."""
    known = set(COMMON_FIELDS).union(*(content_fields(model) for model in models))
    # Any page type's field may be asked for (the OpenAPI document lists them all); a page
    # whose type lacks it simply does not show it.
    from cms.api.views import all_page_models

    nameable = known.union(*(content_fields(model) for model in all_page_models()))
    selected = set(known) if detail else set(LISTING_DEFAULT_FIELDS)
    fields_parameter = fields_expression(fields_parameter)
    config = flat_fields(fields_parameter) if fields_parameter else []
    if config and config[0][0] in ("*", "_"):
        selected = set(known) if config[0][0] == "*" else set()
        config = config[1:]
    unknown = sorted({name for name, _negated, _sub in config} - nameable)
    if unknown:
        raise BadRequestError(f"unknown fields: {', '.join(unknown)}")
    for name, negated, sub_fields in config:
        if sub_fields:
            raise BadRequestError(f"'{name}' does not support nested fields")
        if negated:
            selected.discard(name)
        else:
            selected.add(name)
    return selected | set(ALWAYS_INCLUDED)


def flat_fields(expression: str) -> list[tuple[str, bool, None]]:
    """``"*,-body,title"`` as ``[("*", False, None), ("body", True, None), ("title", False, None)]``.

    Wagtail's syntax without nesting (refused earlier); a name given twice counts once.
    """
    config = []
    for position, item in enumerate(expression.split(",")):
        negated = item.startswith("-")
        name = item[1:] if negated else item
        wildcard = name in ("*", "_")
        if not name or (wildcard and (position or negated)) or not (wildcard or name.isidentifier()):
            raise BadRequestError(f"fields error: '{item}' is not a field name ('*' or '_' only first)")
        config.append((name, negated, None))
    return config


class PageSerializer:
    """Serialises specific pages in three passes: collect references, load them, render."""

    def __init__(self, refs, field_names: set[str]):
        self.refs = refs
        self.field_names = field_names
        self._fields_by_model = {}

    def fields_for(self, model) -> list[ContentField]:
        if model not in self._fields_by_model:
            self._fields_by_model[model] = [
                field for name, field in all_fields(model).items() if name in self.field_names
            ]
        return self._fields_by_model[model]

    def serialize_many(self, pages) -> list[dict]:
        by_model = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, instances in by_model.items():
            lookups = [lookup for field in self.fields_for(model) for lookup in field.prefetches(model)]
            if lookups:
                prefetch_related_objects(instances, *lookups)
        for page in pages:
            for field in self.fields_for(type(page)):
                field.collect(page, self.refs)
        self.refs.load()
        return [
            {field.name: field.represent(page, self.refs) for field in self.fields_for(type(page))}
            for page in pages
        ]

    def serialize(self, page) -> dict:
        return self.serialize_many([page])[0]
