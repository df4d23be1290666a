"""What the loader makes of the content files: pages, snippets and the keys they point to."""

from dataclasses import dataclass, field

from .text import Text


@dataclass(frozen=True)
class PageKey:
    """Another demo page, by key (its file name); becomes the page's id once the page exists."""

    key: str


@dataclass(frozen=True)
class ImageKey:
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

    Field values are Text, keys, plain values (dates, choices), or lists of
    StreamField blocks (``{"type": ..., "value": ...}``) holding the same. Articles
    also list their topics, contacts and related articles by key.
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
