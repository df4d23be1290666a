"""The two-step field interface every content field of the API implements."""

import datetime

from rest_framework import serializers


class ContentField(serializers.Field):
    """One JSON property of a page, read from the model attribute of the same name.

    A DRF field only so Wagtail's own introspection of ``api_fields`` accepts it;
    this API renders it through ``collect``/``represent``, never ``to_representation``.
    """

    #: prefetch_related lookups the field needs on the model it is declared on.
    prefetch: tuple[str, ...] = ()
    #: JSON Schema of the output, for the OpenAPI document.
    schema: dict = {"type": "string"}

    def __init__(self, schema: dict | None = None):
        super().__init__(source="*", read_only=True)
        self.name = None
        if schema is not None:
            self.schema = schema

    def named(self, name: str):
        self.name = name
        return self

    def to_representation(self, value):
        # Rendering needs the response's batched references; see cms.api.serializers.pages.
        return None

    def prefetches(self, model) -> list:
        """``prefetch_related`` lookups (names or Prefetch objects) for pages of ``model``."""
        return list(self.prefetch)

    def collect(self, obj, refs):
        """Note the pages, images and documents ``represent`` will need."""

    def represent(self, obj, refs):
        value = getattr(obj, self.name)
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()
        return value


class PlainField(ContentField):
    """A string, number or date as stored: ``"Brussels"``, ``"2024-05-02"``."""
