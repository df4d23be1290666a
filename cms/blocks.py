"""StreamField blocks shared by every page type's body.

Every text a reader sees (headings, paragraphs, alt text, captions, labels) is a
CharBlock, TextBlock or RichTextBlock, so wagtail-localize offers it to
translators. Images, documents and page links are chosen once on the English page
and kept in step across languages.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the document outline correct."""

    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        preview_value = {"text": "Our work in Belgium and Luxembourg", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with alt text and caption written in the page's own language."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    """A pull quote with the person who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=255)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        preview_value = {
            "quote": "Migration managed well benefits migrants and societies alike.",
            "attribution": "Head of office",
        }


class CallToActionBlock(blocks.StructBlock):
    """A button-style link to a page of this site or to another website."""

    label = blocks.CharBlock(label=_("Label"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        preview_value = {"label": "Read our annual report", "url": "https://example.org"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external URL, not both.")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    """A headline number with what it counts, e.g. "175" / "member states"."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("Label"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        preview_value = {"figure": "175", "label": "member states"}


class DocumentLinkBlock(blocks.StructBlock):
    """A download link to a document from the library."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")


class BodyStreamBlock(blocks.StreamBlock):
    """The body of section pages and news articles."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figure = KeyFigureBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Embed"), help_text=_("A YouTube, Vimeo or similar URL."), icon="media")

    class Meta:
        label = _("Body")
