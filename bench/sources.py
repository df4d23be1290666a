"""wagtail-localize's TranslationSource of many pages at once, with the rows its own code would write.

``TranslationSource.get_or_create_from_instance`` costs about a hundred queries a
page (a ``get_or_create`` per string, context and segment). This writes the same
rows for a batch of pages in a dozen INSERTs: the segments come from
wagtail-localize's own ``extract_segments`` on the same instance it would use, and
every hash, order and ``field_path`` is computed by its own methods, so the
translation editor cannot tell the difference.
"""

import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments


def template_uuid(value: TemplateSegmentValue) -> uuid.UUID:
    """``Template.from_value``'s key for a template."""
    return uuid.uuid5(uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format), value.template)


def field_path(context: TranslationContext, instance) -> str:
    """wagtail-localize's own ``get_field_path``, without the UPDATE it saves the result with."""
    context.save = lambda **kwargs: None  # only this unsaved instance; the rows are bulk-inserted
    return context.get_field_path(instance)


@transaction.atomic
def create_sources(pages) -> list[TranslationSource]:
    """A TranslationSource with all its segments for each specific page in ``pages`` that has none."""
    if not pages:
        return []
    model = type(pages[0])
    existing = set(
        TranslationSource.objects.filter(
            object_id__in=[page.translation_key for page in pages], locale_id=pages[0].locale_id
        ).values_list("object_id", flat=True)
    )
    pages = [page for page in pages if page.translation_key not in existing]
    if not pages:
        return []
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(
                translation_key=page.translation_key,
                content_type=ContentType.objects.get_for_model(page.get_translation_model()),
            )
            for page in pages
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    schema_version = get_schema_version(model._meta.app_label)
    sources = TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object_id=page.translation_key,
                specific_content_type=ContentType.objects.get_for_model(model),
                locale_id=page.locale_id,
                object_repr=str(page)[:200],
                content_json=page.to_json(),
                schema_version=schema_version,
                last_updated_at=now,
            )
            for page in pages
        ]
    )
    # wagtail-localize extracts from the page rebuilt from the JSON just stored
    # (``as_instance()``, a query per foreign key to check it); the page itself holds the same.
    extracted = [(source, page, extract_segments(page)) for page, source in zip(pages, sources, strict=True)]
    write_segments(extracted)
    return sources


def write_segments(extracted):
    strings, templates, contexts, related_objects = {}, {}, {}, {}
    for source, instance, values in extracted:
        for value in values:
            key = (source.object_id, TranslationContext._get_path_id(value.path))
            if key not in contexts:
                context = TranslationContext(object_id=key[0], path_id=key[1], path=value.path)
                context.field_path = field_path(context, instance)
                contexts[key] = context
            if isinstance(value, TemplateSegmentValue):
                templates[template_uuid(value)] = Template(
                    uuid=template_uuid(value), template=value.template,
                    template_format=value.format, string_count=value.string_count,
                )  # fmt: skip
            elif isinstance(value, RelatedObjectSegmentValue):
                related_objects[value.translation_key] = TranslatableObject(
                    translation_key=value.translation_key, content_type=value.content_type
                )
            elif not isinstance(value, OverridableSegmentValue):
                data_hash = String._get_data_hash(value.string.data)
                strings[(source.locale_id, data_hash)] = String(
                    locale_id=source.locale_id, data_hash=data_hash, data=value.string.data
                )

    # Shared rows (identical strings and templates across pages) are written once.
    String.objects.bulk_create(strings.values(), ignore_conflicts=True)
    Template.objects.bulk_create(templates.values(), ignore_conflicts=True)
    TranslatableObject.objects.bulk_create(related_objects.values(), ignore_conflicts=True)
    TranslationContext.objects.bulk_create(contexts.values(), ignore_conflicts=True)
    string_ids = {
        (locale_id, data_hash): pk
        for pk, locale_id, data_hash in String.objects.filter(
            data_hash__in={data_hash for _locale, data_hash in strings}
        ).values_list("pk", "locale_id", "data_hash")
    }
    template_ids = dict(Template.objects.filter(uuid__in=templates).values_list("uuid", "pk"))
    context_ids = {
        (object_id, path_id): pk
        for pk, object_id, path_id in TranslationContext.objects.filter(
            object_id__in={object_id for object_id, _path in contexts}
        ).values_list("pk", "object_id", "path_id")
    }

    string_segments, template_segments, related_segments, overridable_segments = [], [], [], []
    for source, _instance, values in extracted:
        for value in values:
            common = {
                "source": source,
                "context_id": context_ids[(source.object_id, TranslationContext._get_path_id(value.path))],
                "order": value.order,
            }
            if isinstance(value, TemplateSegmentValue):
                template_id = template_ids[template_uuid(value)]
                template_segments.append(TemplateSegment(template_id=template_id, **common))
            elif isinstance(value, RelatedObjectSegmentValue):
                related_segments.append(RelatedObjectSegment(object_id=value.translation_key, **common))
            elif isinstance(value, OverridableSegmentValue):
                overridable_segments.append(
                    OverridableSegment(data_json=json.dumps(value.data, cls=DjangoJSONEncoder), **common)
                )
            else:
                string_id = string_ids[(source.locale_id, String._get_data_hash(value.string.data))]
                string_segments.append(
                    StringSegment(
                        string_id=string_id, attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder), **common
                    )
                )
    StringSegment.objects.bulk_create(string_segments)
    TemplateSegment.objects.bulk_create(template_segments)
    RelatedObjectSegment.objects.bulk_create(related_segments)
    OverridableSegment.objects.bulk_create(overridable_segments)
