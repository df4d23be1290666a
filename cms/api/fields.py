"""The API's field classes for content models' ``api_fields``: the one module they import from the API.

A content app names how each of its fields appears in the JSON with these classes and
nothing else of ``cms.api``; the API's views and filters import the content apps, never
the other way round. Each class documents the JSON it produces.
"""

from cms.api.serializers.images import ImageRenditionsField
from cms.api.serializers.related import RelatedPagesField
from cms.api.serializers.rich_text import RichTextHTMLField
from cms.api.serializers.snippets import MediaContactsField, TopicsField
from cms.api.serializers.streams import StreamBlocksField

__all__ = [
    "ImageRenditionsField",
    "MediaContactsField",
    "RelatedPagesField",
    "RichTextHTMLField",
    "StreamBlocksField",
    "TopicsField",
]
