"""Reads the demo content files (``demo/content/``) into page and snippet specs, and checks them.

The files hold every word of the demo site in English, French and Dutch side by
side (the format is described in ``demo/content/README.md``); this module knows
which fields each page type and block type has. A mistake in a file stops the
load with a ContentError naming the file and the key, before anything is built.
"""

import datetime
import tomllib
from dataclasses import dataclass
from pathlib import Path

from home.models import HomePage, SectionPage
from news.models import NewsArticlePage, NewsIndexPage

from .images import IMAGES
from .spec import ContactSpec, ImageKey, PageKey, PageSpec, TopicSpec
from .text import LANGUAGES, TRANSLATION_LANGUAGES, Text, page_links, segment_pairs

CONTENT_DIR = Path(__file__).resolve().parent / "content"


class ContentError(ValueError):
    """A mistake in a content file; the message says which file, which key and what is wrong."""


# Field kinds: how a value is written in a file and what the specs hold for it.
TEXT = "text"  # a table with en, fr and nl strings
RICH = "rich"  # the same, holding rich text HTML
PAGE = "page"  # a page key (the name of its file without .toml)
SECTION = "section"  # the key of a section page
IMAGE = "image"  # an image key (see images.py)
STRING = "string"  # one string for every language (a URL, a name)
LEVEL = "level"  # a heading level
ARTICLE_TYPE = "article_type"
DATE = "date"  # a TOML date: 2021-11-24

CHOICES = {LEVEL: ("h2", "h3", "h4"), ARTICLE_TYPE: tuple(NewsArticlePage.ArticleType.values)}


@dataclass(frozen=True)
class Optional:
    """A field that may be left out; it then takes ``default``."""

    kind: str
    default: object = None


@dataclass(frozen=True)
class Stream:
    """A StreamField: an array of tables, each with a ``type`` among ``block_types``."""

    block_types: tuple[str, ...]


# Each block type's fields, in the order the blocks declare them (cms/blocks.py, home/models.py).
BLOCKS = {
    "heading": {"text": TEXT, "level": Optional(LEVEL, "h2")},
    "paragraph": {"text": RICH},
    "image": {"image": IMAGE, "alt_text": TEXT, "caption": TEXT, "credit": TEXT},
    "quote": {"quote": TEXT, "attribution": TEXT, "role": TEXT},
    "call_to_action": {"label": TEXT, "page": Optional(PAGE), "url": Optional(STRING, "")},
    "key_figure": {"figure": TEXT, "label": TEXT, "description": TEXT},
    "section": {"page": SECTION},
}
# Blocks whose stored value is their one field rather than a table of fields.
SINGLE_VALUE_BLOCKS = {"paragraph": "text", "section": "page"}
BODY = Stream(("heading", "paragraph", "image", "quote", "call_to_action", "key_figure"))

# Each page type's model and its fields besides type, children, title and slug.
PAGE_TYPES = {
    "home": (
        HomePage,
        {"intro": TEXT, "key_figures": Stream(("key_figure",)), "featured_sections": Stream(("section",))},
    ),
    "section": (SectionPage, {"intro": TEXT, "body": BODY}),
    "news_index": (NewsIndexPage, {"intro": TEXT}),
    "article": (
        NewsArticlePage,
        {
            "article_type": ARTICLE_TYPE,
            "publication_date": DATE,
            "dateline": TEXT,
            "lead": TEXT,
            "lead_image": IMAGE,
            "lead_image_alt": TEXT,
            "body": BODY,
            "editors_note": Optional(RICH, Text("", "", "", rich=True)),
        },
    ),
}
# Articles list their topics, media contacts and related articles by key.
ARTICLE_LISTS = ("topics", "contacts", "related")


@dataclass
class DemoContent:
    """Everything the builder makes, in build order: parents before their children."""

    topics: list[TopicSpec]
    contacts: list[ContactSpec]
    pages: list[PageSpec]

    def page(self, key):
        return next(spec for spec in self.pages if spec.key == key)


def load_content(directory=None) -> DemoContent:
    """Read and check ``topics.toml``, ``media-contacts.toml`` and ``pages/*.toml`` (in CONTENT_DIR)."""
    return Loader(Path(directory or CONTENT_DIR)).load()


class Where:
    """A place in a content file, for error messages: ``pages/about.toml, body[2] (paragraph), text``."""

    def __init__(self, file, *keys):
        self.file, self.keys = file, keys

    def __truediv__(self, key):
        return Where(self.file, *self.keys, key)

    def __str__(self):
        return ", ".join((self.file, *map(str, self.keys)))

    def error(self, problem):
        return ContentError(f"{self}: {problem}")


class Loader:
    """One reading of a content directory: values are checked as read, keys once every file is read."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.image_keys = {spec.key for spec in IMAGES}
        # Every key named in a file, checked once all files are read: (kind, key, where).
        self.references = []
        # Every Text read, with where it was written, for the translation checks.
        self.texts = []

    def load(self):
        topics = [self._topic(key, data, where) for key, data, where in self._entries("topics.toml")]
        contacts = [
            self._contact(key, data, where) for key, data, where in self._entries("media-contacts.toml")
        ]
        pages_dir = self.directory / "pages"
        files = sorted(pages_dir.glob("*.toml"))
        if not files:
            raise ContentError(f"{self._name(pages_dir)}: no page files (*.toml)")
        read, children = {}, {}
        for path in files:
            read[path.stem], children[path.stem] = self._page(path)
        pages = self._in_tree_order(read, children)
        self._check_references(
            pages={spec.key: spec.model for spec in pages},
            topics={spec.key for spec in topics},
            contacts={spec.key for spec in contacts},
        )
        self._check_translations()
        return DemoContent(topics, contacts, pages)

    # Files

    def _read(self, path: Path):
        where = Where(self._name(path))
        try:
            with path.open("rb") as file:
                return tomllib.load(file), where
        except FileNotFoundError:
            raise where.error("the file is missing") from None
        except tomllib.TOMLDecodeError as error:
            raise where.error(f"not valid TOML ({error})") from None

    def _name(self, path: Path):
        """The file as the person running the command can open it: from the current directory if inside it."""
        path = path.absolute()
        return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)

    def _page_file(self, key):
        return self._name(self.directory / "pages" / f"{key}.toml")

    def _entries(self, filename):
        """The tables of a snippets file, in file order: ``(key, table, where)``."""
        data, where = self._read(self.directory / filename)
        for key, table in data.items():
            if not isinstance(table, dict):
                raise (where / key).error("expected a table ([key] with its fields below it)")
            yield key, table, where / key

    # Snippets

    def _topic(self, key, data, where):
        self._only(data, {"name", "slug"}, where)
        return TopicSpec(key, self._text(data, "name", where), self._text(data, "slug", where))

    def _contact(self, key, data, where):
        self._only(data, {"name", "role", "office", "phone", "email"}, where)
        return ContactSpec(
            key,
            name=self._string(data, "name", where),
            role=self._text(data, "role", where),
            office=self._text(data, "office", where),
            phone=self._string(data, "phone", where),
            email=self._string(data, "email", where),
        )

    # Pages

    def _page(self, path):
        data, where = self._read(path)
        page_type = self._string(data, "type", where)
        if page_type not in PAGE_TYPES:
            raise (where / "type").error(f"unknown page type {page_type!r}; one of {', '.join(PAGE_TYPES)}")
        model, field_kinds = PAGE_TYPES[page_type]
        lists = ARTICLE_LISTS if model is NewsArticlePage else ()
        self._only(data, {"type", "children", "title", "slug", *field_kinds, *lists}, where)
        spec = PageSpec(
            path.stem,
            model,
            parent=None,
            title=self._text(data, "title", where),
            slug=self._text(data, "slug", where),
            fields={name: self._field(data, name, kind, where) for name, kind in field_kinds.items()},
        )
        for name in lists:
            kind = {"topics": "topic", "contacts": "contact", "related": "article"}[name]
            setattr(spec, name, self._keys(data, name, kind, where))
        return spec, self._keys(data, "children", PAGE, where)

    def _in_tree_order(self, read, children):
        """The pages parent first, depth first, children in their parent's order; each page once."""
        parents = {}
        for spec in read.values():
            for child in children[spec.key]:
                if child not in read:
                    raise Where(self._page_file(spec.key), "children").error(
                        f"no page file {self._page_file(child)}"
                    )
                if child in parents:
                    raise Where(self._page_file(spec.key), "children").error(
                        f"{child!r} is already a child of {parents[child]!r}"
                    )
                parents[child] = spec.key
        roots = [key for key in read if key not in parents]
        homes = [key for key in roots if read[key].model is HomePage]
        if len(homes) != 1 or len(roots) != 1:
            raise ContentError(
                f'{self._name(self.directory / "pages")}: exactly one page, of type "home", must be '
                f"nobody's child; found {', '.join(roots) or 'none'} (list every other page in its "
                "parent's children)"
            )
        ordered = []

        def visit(key):
            spec = read[key]
            spec.parent = parents.get(key)
            ordered.append(spec)
            slugs = set()
            for child in children[key]:
                slug = read[child].slug.en
                if slug in slugs:
                    raise Where(self._page_file(child), "slug", "en").error(
                        f"another child of {key!r} has the slug {slug!r}"
                    )
                slugs.add(slug)
                visit(child)

        visit(roots[0])
        # A page whose ancestors list each other as children is never reached from the home page.
        unreached = sorted(set(read) - {spec.key for spec in ordered})
        if unreached:
            raise ContentError(
                f"{self._name(self.directory / 'pages')}: {', '.join(unreached)} cannot be reached from "
                "the home page"
            )
        return ordered

    # Values

    def _only(self, data, allowed, where):
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise (where / unknown[0]).error(f"unknown key; expected one of {', '.join(sorted(allowed))}")

    def _field(self, data, name, kind, where):
        if isinstance(kind, Optional):
            return self._field(data, name, kind.kind, where) if name in data else kind.default
        if isinstance(kind, Stream):
            return self._stream(data, name, kind, where)
        if kind in (TEXT, RICH):
            return self._text(data, name, where, rich=kind == RICH)
        if kind in (PAGE, SECTION, IMAGE):
            key = self._string(data, name, where)
            self.references.append((kind, key, where / name))
            return ImageKey(key) if kind == IMAGE else PageKey(key)
        if kind in CHOICES:
            value = self._string(data, name, where)
            if value not in CHOICES[kind]:
                raise (where / name).error(f"{value!r} is not one of {', '.join(CHOICES[kind])}")
            return NewsArticlePage.ArticleType(value) if kind == ARTICLE_TYPE else value
        if kind == DATE:
            value = self._value(data, name, where)
            if type(value) is not datetime.date:
                raise (where / name).error("expected a date written like 2021-11-24 (without quotes)")
            return value
        return self._string(data, name, where)

    def _stream(self, data, name, stream, where):
        blocks = self._value(data, name, where)
        if not isinstance(blocks, list) or not all(isinstance(block, dict) for block in blocks):
            raise (where / name).error(f"expected blocks, each starting with [[{name}]]")
        values = []
        for number, block in enumerate(blocks, start=1):
            block_type = block.get("type")
            here = where / f"{name}[{number}]"
            if block_type not in stream.block_types:
                raise (here / "type").error(
                    f"{block_type!r} is not a block type here; one of {', '.join(stream.block_types)}"
                )
            here = where / f"{name}[{number}] ({block_type})"
            kinds = BLOCKS[block_type]
            self._only(block, {"type", *kinds}, here)
            value = {field: self._field(block, field, kind, here) for field, kind in kinds.items()}
            if block_type == "call_to_action" and (value["page"] is None) == (value["url"] == ""):
                raise here.error("give either page (a page key) or url, not both or neither")
            values.append(
                {
                    "type": block_type,
                    "value": value[SINGLE_VALUE_BLOCKS[block_type]]
                    if block_type in SINGLE_VALUE_BLOCKS
                    else value,
                }
            )
        return values

    def _value(self, data, name, where):
        if name not in data:
            raise (where / name).error("missing")
        return data[name]

    def _string(self, data, name, where):
        value = self._value(data, name, where)
        if not isinstance(value, str):
            raise (where / name).error(f"expected a string in quotes, not {value!r}")
        self._check_characters(value, where / name)
        return value

    def _keys(self, data, name, kind, where):
        keys = data.get(name, [])
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise (where / name).error('expected a list of keys: ["first", "second"]')
        if len(set(keys)) != len(keys):
            raise (where / name).error("a key is listed twice")
        self.references.extend((kind, key, where / name) for key in keys)
        return keys

    def _text(self, data, name, where, rich=False):
        value = self._value(data, name, where)
        here = where / name
        if not isinstance(value, dict):
            raise here.error(f"expected a table with {', '.join(LANGUAGES)} (one line each)")
        for language in LANGUAGES:
            if language not in value:
                raise here.error(f"missing the {language} text")
        self._only(value, LANGUAGES, here)
        for language in LANGUAGES:
            text = self._string(value, language, here)
            if not text:
                raise (here / language).error("empty")
        text = Text(*(value[language] for language in LANGUAGES), rich=rich)
        if rich:
            for language in LANGUAGES:
                self.references.extend((PAGE, key, here / language) for key in page_links(text[language]))
                if sorted(page_links(text[language])) != sorted(page_links(text.en)):
                    raise (here / language).error("links to other pages than the English does")
        self.texts.append((text, here))
        return text

    def _check_characters(self, value, where):
        if any(character in value for character in "\n\r\t"):
            raise where.error(
                "contains a line break or tab; to split a long text over lines, end each line with a "
                "backslash (\\) inside triple quotes"
            )
        if value != value.strip(" "):
            raise where.error("starts or ends with a space")

    # Checks across files

    def _check_references(self, pages, topics, contacts):
        known = {
            PAGE: pages,
            "article": {key for key, model in pages.items() if model is NewsArticlePage},
            SECTION: {key for key, model in pages.items() if model is SectionPage},
            IMAGE: self.image_keys,
            "topic": topics,
            "contact": contacts,
        }
        for kind, key, where in self.references:
            if key not in known[kind]:
                raise where.error(f"no {kind} with the key {key!r}")

    def _check_translations(self):
        """Each English text has one translation per language, however often it is written."""
        for language in TRANSLATION_LANGUAGES:
            seen = {}
            for text, where in self.texts:
                try:
                    pairs = segment_pairs(text, language)
                except ValueError as error:
                    raise (where / language).error(str(error)) from None
                for source, target in pairs:
                    known, known_where = seen.setdefault(source, (target, where))
                    if known != target:
                        raise (where / language).error(
                            f"{source!r} is translated {target!r} here but {known!r} in {known_where}"
                        )
