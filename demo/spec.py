"""How the content modules describe demo objects: pages, snippets, blocks and references."""

from dataclasses import dataclass, field

from .text import Text


@dataclass(frozen=True)
class PageRef:
    """Another demo page, by key; becomes its id once the page exists."""

    key: str


@dataclass(frozen=True)
class ImageRef:
    """A demo image, by key (see ``images.IMAGES``)."""

    key: str


@dataclass(frozen=True)
class TopicSpec:
    """A topic snippet; found again by its English slug."""

    key: str
    name: Text
    slug: Text


@dataclass(frozen=True)
class ContactSpec:
    """A fictional media contact; found again by e-mail address."""

    key: str
    name: str
    role: Text
    office: Text
    phone: str
    email: str


@dataclass
class PageSpec:
    """A demo page: where it goes, its title and slug, and its other fields by name.

    Field values may be Text, references, plain values, or lists of StreamField
    blocks built with the helpers below. Articles also list their topics,
    contacts and related articles by key.
    """

    key: str
    model: type
    parent: str | None
    title: Text
    slug: Text
    fields: dict = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def heading(text: Text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: Text):
    """Rich text; internal links are written ``<a linktype="page" id="{page_key}">``."""
    return {"type": "paragraph", "value": html}


def image(key, alt_text: Text, caption: Text, credit="Demo image"):
    return {
        "type": "image",
        "value": {
            "image": ImageRef(key),
            "alt_text": alt_text,
            "caption": caption,
            "credit": Text(*[credit] * 3),
        },
    }


def quote(text: Text, attribution: Text, role: Text):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def call_to_action(label: Text, page=None, url=None):
    return {
        "type": "call_to_action",
        "value": {"label": label, "page": PageRef(page) if page else None, "url": url or ""},
    }


def key_figure(figure: Text, label: Text, description: Text):
    return {"type": "key_figure", "value": {"figure": figure, "label": label, "description": description}}
