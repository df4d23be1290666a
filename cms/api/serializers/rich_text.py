"""Rich text as render-ready HTML.

Wagtail stores ``<a linktype="page" id="3">`` and ``<embed embedtype="image" .../>``;
the frontend gets ``<a href="https://frontend/fr/...">`` (the linked page in the
language of the page being served) and ``<img src=... width=... height=... alt=...>``.
A link to a page that is not visible keeps its text but loses its href. A link that lands
on text in another language than the reader's or than the text around it carries
``hreflang`` (the language it lands on), and one that lands on a fallback (text in another
language than the reader's, as ``is_fallback`` in JSON) also ``data-fallback="true"``.
The editor's own markup (Draftail's ``data-block-key`` on every block) is removed.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from cms.api.frontend_urls import cms_url, frontend_url
from cms.api.serializers.base import ContentField
from cms.api.serializers.images import rendition_url
from cms.api.serializers.translations import content_locale_id


@dataclass(frozen=True)
class Reading:
    """Where links are shown: the reader's locale (the served page's) and the language of its text.

    They differ on an untranslated alias: a Dutch path showing English text.
    """

    locale_id: int
    text_locale_id: int

    @classmethod
    def of(cls, page, refs):
        return cls(page.locale_id, content_locale_id(page, refs))


def collect_rich_text(html: str, refs):
    for match in FIND_A_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "page":
            refs.want_page(attrs.get("id"))
        elif attrs.get("linktype") == "document":
            refs.want_document(attrs.get("id"))
    for match in FIND_EMBED_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image":
            refs.want_image(attrs.get("id"))


# Inside a tag only: in text the quotes would be escaped as &quot;.
EDITOR_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>]*?)\s+data-block-key="[^"]*"')


def render_rich_text(html: str, refs, reading: Reading) -> str:
    html = FIND_A_TAG.sub(
        lambda match: _link(extract_attrs(match.group(1)), match, refs, reading), html or ""
    )
    html = FIND_EMBED_TAG.sub(lambda match: _embed(extract_attrs(match.group(1)), refs), html)
    return EDITOR_ATTRIBUTE.sub(r"\1", html)


def _link(attrs, match, refs, reading):
    linktype = attrs.get("linktype")
    if linktype is None:
        return match.group(0)
    if linktype == "page" and attrs.get("id", "").isdigit():
        target = refs.localised_page(attrs["id"], reading.locale_id)
        if target is None:
            return "<a>"
        path = refs.path_of(target)
        # data-path: the frontend path alone, for a frontend on another host (staging, preview).
        tag = f'<a href="{escape(frontend_url(path))}" data-path="{escape(path)}"'
        landing = target.content_locale_id
        if landing != reading.locale_id or landing != reading.text_locale_id:
            tag += f' hreflang="{refs.language_code(landing)}"'
        if landing != reading.locale_id:
            # An alias, or the English page because this language has none: label it.
            tag += ' data-fallback="true"'
        return tag + ">"
    if linktype == "document" and attrs.get("id", "").isdigit():
        document = refs.documents.get(int(attrs["id"]))
        if document:
            return f'<a href="{escape(cms_url(document.url))}">'
    return "<a>"


def _embed(attrs, refs):
    if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
        image = refs.images.get(int(attrs["id"]))
        if image is None:
            return ""
        return (
            f'<img src="{escape(rendition_url(image, "width-800"))}" width="{image.width}" '
            f'height="{image.height}" alt="{escape(attrs.get("alt", ""))}" '
            f'class="richtext-image {escape(attrs.get("format", ""))}">'
        )
    if attrs.get("embedtype") == "media" and attrs.get("url"):
        url = escape(attrs["url"])
        return f'<a href="{url}">{url}</a>'
    return ""


class RichTextHTMLField(ContentField):
    """``"<p>See <a href=\\"http://localhost:3000/fr/qui-sommes-nous/\\">qui</a></p>"``."""

    def collect(self, obj, refs):
        refs.want_page(obj.alias_of_id)
        collect_rich_text(getattr(obj, self.name), refs)

    def represent(self, obj, refs):
        return render_rich_text(getattr(obj, self.name), refs, Reading.of(obj, refs))
