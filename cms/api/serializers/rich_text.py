"""Rich text as render-ready HTML.

Wagtail stores ``<a linktype="page" id="3">`` and ``<embed embedtype="image" .../>``;
the frontend gets ``<a href="https://frontend/fr/...">`` (the linked page in the
language of the page being served) and ``<img src=... width=... height=... alt=...>``.
A link to a page that is not visible keeps its text but loses its href; a link that lands
on text in another language than the served page's carries ``hreflang``. The editor's own
markup (Draftail's ``data-block-key`` on every block) is removed.
"""

import re

from django.utils.html import escape
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from cms.api.frontend_urls import cms_url, frontend_url
from cms.api.serializers.base import ContentField
from cms.api.serializers.images import rendition_url


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


def render_rich_text(html: str, refs, locale_id: int) -> str:
    html = FIND_A_TAG.sub(
        lambda match: _link(extract_attrs(match.group(1)), match, refs, locale_id), html or ""
    )
    html = FIND_EMBED_TAG.sub(lambda match: _embed(extract_attrs(match.group(1)), refs), html)
    return EDITOR_ATTRIBUTE.sub(r"\1", html)


def _link(attrs, match, refs, locale_id):
    linktype = attrs.get("linktype")
    if linktype is None:
        return match.group(0)
    href = None
    language = None
    if linktype == "page" and attrs.get("id", "").isdigit():
        target = refs.localised_page(attrs["id"], locale_id)
        href = frontend_url(refs.path_of(target)) if target else None
        if target and target.content_locale_id != locale_id:
            # The reader lands on text in another language (an alias, or the English page
            # because this language has none): say which, so the frontend can label it.
            language = refs.language_code(target.content_locale_id)
    # data-path: the frontend path alone, for a frontend on another host (staging, preview).
    path = f' data-path="{escape(refs.path_of(target))}"' if linktype == "page" and href else ""
    if href and language:
        return f'<a href="{escape(href)}"{path} hreflang="{language}">'
    elif linktype == "document" and attrs.get("id", "").isdigit():
        document = refs.documents.get(int(attrs["id"]))
        href = cms_url(document.url) if document else None
    return f'<a href="{escape(href)}"{path}>' if href else "<a>"


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
        collect_rich_text(getattr(obj, self.name), refs)

    def represent(self, obj, refs):
        return render_rich_text(getattr(obj, self.name), refs, obj.locale_id)
