"""Batched lookups for one API response.

Serialising a page needs other pages (translations, breadcrumb, link targets in
rich text and page choosers), images and documents. Fields first *collect* the
ids they need for every item of the response, then ``load()`` fetches them all in
a fixed number of queries, then fields render from memory. So a listing costs the
same number of queries for one item as for a hundred.
"""

import functools
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.api.frontend_urls import frontend_path, frontend_url
from cms.api.private_media import public_media
from cms.api.site_state import read_site_state
from cms.api.visibility import visible_pages_filter


@dataclass(frozen=True)
class PageRef:
    """The few columns of a visible page needed to link to it."""

    id: int
    translation_key: object
    locale_id: int
    content_locale_id: int
    content_type_id: int
    title: str
    url_path: str
    path: str
    depth: int
    #: When it leaves the API (stored page JSON showing it is valid until then).
    expire_at: object


@dataclass
class Wanted:
    """Ids the fields of a response asked for during the collect phase."""

    page_ids: set[int] = field(default_factory=set)
    translation_keys: set = field(default_factory=set)
    tree_paths: set[str] = field(default_factory=set)
    image_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)


class References:
    """Everything one response links to, loaded in a fixed number of queries."""

    def __init__(self):
        self.wanted = Wanted()
        self.pages_by_id: dict[int, PageRef] = {}
        self.pages_by_key: dict[object, list[PageRef]] = {}
        self.pages_by_path: dict[str, PageRef] = {}
        self.key_of_page_id: dict[int, object] = {}
        self.locale_of_page_id: dict[int, int] = {}
        self.images: dict = {}
        self.documents: dict = {}
        self.batches: dict = {}

    # The site's state, read when first asked for: a stored page's detail needs none of it.

    @functools.cached_property
    def site_state(self):
        return read_site_state()

    @property
    def locales(self):
        return self.site_state.locales

    @property
    def restricted_paths(self):
        return self.site_state.restricted_page_paths

    @property
    def restricted_collection_paths(self):
        return self.site_state.restricted_collection_paths

    # Locales -----------------------------------------------------------------

    def language_code(self, locale_id: int) -> str:
        return self.locales[locale_id].language_code

    def locale_by_code(self, code: str):
        return next((loc for loc in self.locales.values() if loc.language_code == code), None)

    # Collect and load ----------------------------------------------------------

    def batch(self, key, make):
        """A field's own loader for this response (``make()`` the first time), shared by its pages.

        Fields whose data References does not load itself (translation states, chosen
        snippets) keep a loader here, so every page of a listing is read in one query.
        """
        if key not in self.batches:
            self.batches[key] = make()
        return self.batches[key]

    def want_page(self, page_id):
        if page_id:
            self.wanted.page_ids.add(int(page_id))

    def want_image(self, image_id):
        if image_id:
            self.wanted.image_ids.add(int(image_id))

    def want_document(self, document_id):
        if document_id:
            self.wanted.document_ids.add(int(document_id))

    def want_translations(self, page):
        self.wanted.translation_keys.add(page.translation_key)

    def want_ancestors(self, page):
        steps = Page.steplen
        for depth in range(2, page.depth):
            self.wanted.tree_paths.add(page.path[: depth * steps])

    def load(self):
        wanted = self.wanted
        if wanted.page_ids or wanted.translation_keys or wanted.tree_paths:
            self.load_pages(wanted)
        # Media in a restricted collection is left out: pages show them as removed.
        private = self.restricted_collection_paths
        if wanted.image_ids:
            self.images = public_media(get_image_model(), private).in_bulk(wanted.image_ids)
        if wanted.document_ids:
            self.documents = public_media(get_document_model(), private).in_bulk(wanted.document_ids)

    def load_pages(self, wanted: Wanted):
        """The linked pages' visible versions in every language, and the ancestors, in two queries.

        A linked page itself is read even when it is not visible: its translation key leads
        to its visible versions (a link to an English draft lands on the live French page).
        """
        keys = set(wanted.translation_keys)
        if wanted.page_ids:
            # Read first, as constants: a subquery in the query below makes PostgreSQL scan
            # every page instead of using the indexes (30 ms a request at 30,000 pages).
            linked = Page.objects.filter(pk__in=wanted.page_ids)
            for page_id, key, locale_id in linked.values_list("id", "translation_key", "locale_id"):
                self.key_of_page_id[page_id] = key
                self.locale_of_page_id[page_id] = locale_id
                keys.add(key)
        rows = (
            Page.objects.filter(visible_pages_filter(self.restricted_paths))
            .filter(Q(translation_key__in=keys) | Q(path__in=wanted.tree_paths))
            .annotate(content_locale_id=Coalesce(F("alias_of__locale_id"), F("locale_id")))
            .values_list(*PageRef.__dataclass_fields__)
        )
        for fields in rows:
            ref = PageRef(*fields)
            self.pages_by_id[ref.id] = ref
            self.pages_by_key.setdefault(ref.translation_key, []).append(ref)
            self.pages_by_path[ref.path] = ref

    # Lookups after load ----------------------------------------------------------

    def localised_page(self, page_id, locale_id) -> PageRef | None:
        """The visible version of ``page_id`` in ``locale_id``, else the page itself if visible.

        Page links and choosers keep pointing at the page chosen in the English
        editor; readers of the French page must land on the French version.
        """
        key = self.key_of_page_id.get(int(page_id)) if page_id else None
        for ref in self.pages_by_key.get(key, ()):
            if ref.locale_id == locale_id:
                return ref
        return self.pages_by_id.get(int(page_id)) if page_id else None

    def translations_of(self, page) -> list[PageRef]:
        refs = self.pages_by_key.get(page.translation_key, [])
        order = list(self.locales)
        return sorted(refs, key=lambda ref: order.index(ref.locale_id))

    def ancestors_of(self, page) -> list[PageRef]:
        steps = Page.steplen
        paths = [page.path[: depth * steps] for depth in range(2, page.depth)]
        return [self.pages_by_path[path] for path in paths if path in self.pages_by_path]

    # Rendering of page references ------------------------------------------------

    def path_of(self, ref) -> str:
        return frontend_path(ref.url_path, self.language_code(ref.locale_id))

    def summary(self, ref: PageRef, reader_locale_id: int | None = None) -> dict:
        """``{"id", "type", "locale", "content_locale", "title", "path", "url", "is_fallback"}``.

        ``reader_locale_id`` is the language of the page the link is shown on: a link
        from a French page that lands on English text (an alias, or the English page
        because the French one is gone) says ``is_fallback: true``, so a frontend can
        label it. Without it, the page's own locale is the reference.
        """
        path = self.path_of(ref)
        reader_locale_id = reader_locale_id or ref.locale_id
        return {
            "id": ref.id,
            "type": page_type_label(ref.content_type_id),
            "locale": self.language_code(ref.locale_id),
            "content_locale": self.language_code(ref.content_locale_id),
            "title": ref.title,
            "path": path,
            "url": frontend_url(path),
            "is_fallback": ref.content_locale_id != reader_locale_id,
        }


def page_type_label(content_type_id: int) -> str:
    """``app_label.ModelName``; ContentType caches these, so no query after the first."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model_class().__name__}"
