"""StreamField bodies as typed blocks: ``[{"type": "heading", "id": "...", "value": {...}}]``.

The walker follows the block definitions over the stored JSON (never
``to_python``, which would query per page), so chooser blocks become ids to
collect, then pages, images and documents rendered from the batch:
a page chooser becomes the linked page's summary in the served page's language,
an image block an image object carrying the block's alt text, rich text
render-ready HTML.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.api.frontend_urls import cms_url
from cms.api.serializers.base import ContentField
from cms.api.serializers.images import IMAGE_SCHEMA, represent_image
from cms.api.serializers.rich_text import Reading, collect_rich_text, render_rich_text
from cms.blocks import ImageBlock

NULLABLE_PAGE_SUMMARY = {"anyOf": [{"$ref": "#/components/schemas/PageSummary"}, {"type": "null"}]}
DOCUMENT_SCHEMA = {
    "type": ["object", "null"],
    "required": ["id", "title", "url"],
    "additionalProperties": False,
    "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "url": {"type": "string"}},
}


def _stream_children(raw):
    return raw if isinstance(raw, list) else []


def _list_items(raw):
    # ListBlock stores either plain values (old format) or {"type": "item", "value": ...}.
    for item in raw or []:
        yield item["value"] if isinstance(item, dict) and item.get("type") == "item" else item


def collect_block(block, raw, refs):
    if isinstance(block, blocks.StreamBlock):
        for child in _stream_children(raw):
            if child.get("type") in block.child_blocks:
                collect_block(block.child_blocks[child["type"]], child.get("value"), refs)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect_block(child_block, (raw or {}).get(name), refs)
    elif isinstance(block, blocks.ListBlock):
        for item in _list_items(raw):
            collect_block(block.child_block, item, refs)
    elif isinstance(block, blocks.RichTextBlock):
        collect_rich_text(raw, refs)
    elif isinstance(block, blocks.PageChooserBlock):
        refs.want_page(raw)
    elif isinstance(block, ImageChooserBlock):
        refs.want_image(raw)
    elif isinstance(block, DocumentChooserBlock):
        refs.want_document(raw)


def render_block(block, raw, refs, reading: Reading):
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "id": child.get("id"),
                "value": render_block(block.child_blocks[child["type"]], child.get("value"), refs, reading),
            }
            for child in _stream_children(raw)
            if child.get("type") in block.child_blocks
        ]
    if isinstance(block, ImageBlock):
        raw = raw or {}
        image = represent_image(refs.images.get(raw.get("image")), raw.get("alt_text") or "")
        return {"image": image, "caption": raw.get("caption") or "", "credit": raw.get("credit") or ""}
    if isinstance(block, blocks.StructBlock):
        return {
            name: render_block(child_block, (raw or {}).get(name), refs, reading)
            for name, child_block in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [render_block(block.child_block, item, refs, reading) for item in _list_items(raw)]
    if isinstance(block, blocks.RichTextBlock):
        return render_rich_text(raw, refs, reading)
    if isinstance(block, blocks.PageChooserBlock):
        target = refs.localised_page(raw, reading.locale_id) if raw else None
        return refs.summary(target, reading.locale_id) if target else None
    if isinstance(block, ImageChooserBlock):
        return represent_image(refs.images.get(raw))
    if isinstance(block, DocumentChooserBlock):
        document = refs.documents.get(raw)
        return (
            {"id": document.pk, "title": document.title, "url": cms_url(document.url)} if document else None
        )
    if isinstance(block, EmbedBlock):
        return {"url": raw} if raw else None
    return raw


def block_schema(block) -> dict:
    """JSON Schema of what ``render_block`` returns for ``block``, for the OpenAPI document."""
    if isinstance(block, blocks.StreamBlock):
        variants = [
            {
                "type": "object",
                "required": ["type", "id", "value"],
                "additionalProperties": False,
                "properties": {
                    "type": {"enum": [name]},
                    "id": {"type": ["string", "null"]},
                    "value": block_schema(child),
                },
            }
            for name, child in block.child_blocks.items()
        ]
        return {"type": "array", "items": {"oneOf": variants}}
    if isinstance(block, ImageBlock):
        return _object({"image": IMAGE_SCHEMA, "caption": {"type": "string"}, "credit": {"type": "string"}})
    if isinstance(block, blocks.StructBlock):
        return _object({name: block_schema(child) for name, child in block.child_blocks.items()})
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.PageChooserBlock):
        return NULLABLE_PAGE_SUMMARY
    if isinstance(block, ImageChooserBlock):
        return IMAGE_SCHEMA
    if isinstance(block, DocumentChooserBlock):
        return DOCUMENT_SCHEMA
    if isinstance(block, EmbedBlock):
        return _object({"url": {"type": "string"}}, nullable=True)
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.IntegerBlock | blocks.FloatBlock | blocks.DecimalBlock):
        return {"type": ["number", "null"]}
    return {"type": ["string", "null"]}


def _object(properties: dict, nullable: bool = False) -> dict:
    return {
        "type": ["object", "null"] if nullable else "object",
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


class StreamBlocksField(ContentField):
    """A StreamField as a list of typed blocks, links and images resolved."""

    def stream_block(self, obj):
        return obj._meta.get_field(self.name).stream_block

    def raw(self, obj):
        return list(getattr(obj, self.name).raw_data)

    def collect(self, obj, refs):
        refs.want_page(obj.alias_of_id)
        collect_block(self.stream_block(obj), self.raw(obj), refs)

    def represent(self, obj, refs):
        return render_block(self.stream_block(obj), self.raw(obj), refs, Reading.of(obj, refs))

    def schema_for(self, model) -> dict:
        return block_schema(model._meta.get_field(self.name).stream_block)
