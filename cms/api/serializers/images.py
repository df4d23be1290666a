"""Images with responsive rendition URLs and alt text from the page.

Rendition URLs point at Wagtail's signed dynamic serve view (mounted at
``/images/`` in cms/urls.py): building them is a signature, not an image
operation, so a JSON response never generates renditions.
"""

from functools import lru_cache
from types import SimpleNamespace

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf

from cms.api.frontend_urls import cms_url
from cms.api.serializers.base import ContentField

IMAGE_SCHEMA = {
    "type": ["object", "null"],
    "required": ["id", "title", "alt", "width", "height", "url", "renditions"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "url": {"type": "string"},
        "renditions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["width", "url"],
                "additionalProperties": False,
                "properties": {"width": {"type": "integer"}, "url": {"type": "string"}},
            },
        },
    },
}


def rendition_url(image, filter_spec: str) -> str:
    return signed_url(image.pk, image.file.name, filter_spec, *url_settings())


def url_settings() -> tuple:
    """Everything besides the image that a signed URL depends on: part of the memo's key."""
    return (settings.SECRET_KEY, settings.WAGTAILAPI_BASE_URL, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=4096)
def signed_url(image_id: int, file_name: str, filter_spec: str, *_url_settings) -> str:
    """Wagtail's signed URL of one rendition: an HMAC and a URL reversal, so memoised.

    A pure function of its arguments (no content is read): a listing of twenty
    articles asks for well over a hundred of them, mostly the same few images.
    """
    # Imported here: the serve view module needs the app registry, and models import this package.
    from wagtail.images.views.serve import generate_image_url

    # generate_image_url reads only the image's id and file name.
    image = SimpleNamespace(id=image_id, file=SimpleNamespace(name=file_name))
    return cms_url(generate_image_url(image, filter_spec))


def represent_image(image, alt: str = "") -> dict | None:
    """``{"id", "title", "alt", "width", "height", "url", "renditions": [{"width", "url"}]}``.

    ``url`` is the original size; ``renditions`` lists the configured widths
    smaller than the original and then the original width itself, for ``srcset``
    (so the largest candidate is never smaller than the image).
    """
    if image is None:
        return None
    widths = [width for width in settings.API_IMAGE_RENDITION_WIDTHS if width < image.width]
    widths.append(image.width)
    key = (image.pk, image.file.name)
    url_key = url_settings()
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "url": signed_url(*key, "original", *url_key),
        "renditions": [
            {"width": width, "url": signed_url(*key, f"width-{width}", *url_key)} for width in widths
        ],
    }


class ImageRenditionsField(ContentField):
    """An image foreign key with its alt text field on the same page (``lead_image_alt``)."""

    schema = IMAGE_SCHEMA

    def __init__(self, alt_field: str):
        super().__init__()
        self.alt_field = alt_field

    def collect(self, obj, refs):
        refs.want_image(getattr(obj, f"{self.name}_id"))

    def represent(self, obj, refs):
        image = refs.images.get(getattr(obj, f"{self.name}_id"))
        return represent_image(image, getattr(obj, self.alt_field))
