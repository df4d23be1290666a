"""One path from a content change to every cache that keeps the API's answers.

Two caches keep API responses: the CMS's own response cache (``cms.api.caching``, whose
entries name the tags they depend on) and the frontend cache in front of the API (a CDN or Varnish, through
``wagtail.contrib.frontend_cache``, when ``FRONTEND_CACHE_BACKEND`` is set). Both are
driven from here, from the one list of content changes below (``connect_signal_handlers``):

- a page published, unpublished, moved or deleted (drafts, submissions and autosaves are
  not changes a reader can see, so they leave every cache alone);
- a page's view restriction added, changed or removed;
- a topic or media contact, an image, a document, a collection's view restriction (or a
  collection moved), a redirect, a locale or a site saved or deleted.

Every change of one transaction goes into one batch; when the transaction commits, the
batch refreshes the changed pages' search entries (``sitesearch``), forgets the stored
detail JSON of the pages those tags name (``cms.api.stored_pages``), then replaces the
versions of the response cache tags it touches, all at once, and sends one purge with
each affected URL once. A page's change touches the tags of the responses that can show
it (``response_tags``: the same pages as the URLs below, and listings of their languages);
any other change touches ``all``, dropping every cached response.
Nothing happens before the commit, so no cache can refetch (or store) the old content
under the new versions; nothing happens at all if it rolls back.

The purged URLs are those of the API responses that show the change. A page appears in:

- its own detail (``pages/<id>/``) and find-by-path (``pages/find/?path=``) responses;
- the ``pages/?child_of=<parent id>`` listing of its parent;
- the navigation of its language when it is in menus, and ``locales/`` when it is a home page;
- the detail and find responses of its versions in the other languages (their
  ``translations`` list names it) and of its descendants (breadcrumb, parent, path);
- the detail and find responses of pages that link to it (rich text, choosers, related articles).

A publish covers the page and its versions, and its descendants too when its title or slug
changed; unpublish, delete, move and view restrictions always include descendants. Old and
new paths are both purged. Listings with other query parameters (limit, fields, order…) are
not enumerated: they live out the max-age.
"""

import threading
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Locale, Page, ReferenceIndex

from cms.api import caching, stored_pages
from cms.api.frontend_urls import frontend_path
from publishing import changes, webhooks
from sitesearch import indexing as search_index


def api_url(name: str, *args, **query) -> str:
    """Absolute URL of an API response as the cache keys it: ``…/api/v2/pages/find/?path=%2Ffr%2F``."""
    url = settings.WAGTAILAPI_BASE_URL + reverse(f"api:{name}", args=args)
    return f"{url}?{urlencode(query)}" if query else url


# The batch of one transaction ---------------------------------------------------------


@dataclass
class Batch:
    """What one transaction changed; turned into cache work once, after it commits."""

    #: page id -> whether its descendants are affected too; resolved to URLs at the commit.
    pages: dict[int, bool] = field(default_factory=dict)
    #: page id -> the url_path it had before a rename or move (for its and its descendants' old paths).
    old_url_paths: dict[int, str] = field(default_factory=dict)
    #: URLs known at the time of the change (objects that are gone by the commit).
    urls: set[str] = field(default_factory=set)
    #: Response cache tags known at the time of the change (cms.api.caching).
    tags: set[str] = field(default_factory=set)
    done: bool = False
    #: The change feed's bookkeeping for this transaction (publishing.changes).
    feed_locked: bool = False
    feed_changed: set[int] = field(default_factory=set)
    feed_snippets: set = field(default_factory=set)
    feed_entries: list = field(default_factory=list)
    feed_deleted: set[int] = field(default_factory=set)

    def flush(self):
        if self.done:
            return
        self.done = True
        # Search entries first: a search answered after the version change must find them.
        # (A deleted page's entry goes with it, by the foreign key's cascade.)
        search_index.refresh(self.pages)
        page_urls, page_tags = pages_effects(self.pages)
        # Stored page JSON before the response cache: a response computed after the bump
        # must not be rendered from JSON that is about to be forgotten.
        stored_pages.forget(self.tags | page_tags)
        caching.bump(self.tags | page_tags)
        if settings.WAGTAILFRONTENDCACHE:  # old paths cost queries: only when there is a CDN to purge
            urls = self.urls | page_urls
            for page_id, old_url_path in self.old_url_paths.items():
                urls |= old_path_urls(page_id, old_url_path)
            if urls:
                purge_urls_from_cache(sorted(urls))
        webhooks.queue_deliveries(self.feed_entries)


_local = threading.local()


def open_batch() -> Batch:
    """The batch of the current transaction, registered to flush when it commits.

    A batch whose callback Django dropped (its transaction or savepoint rolled back) is
    replaced, so nothing from rolled-back work is ever flushed with the next transaction.
    """
    connection = transaction.get_connection()
    batch = getattr(_local, "batch", None)
    registered = batch is not None and any(
        callback == batch.flush for _sids, callback, _robust in connection.run_on_commit
    )
    if batch is None or batch.done or not registered:
        batch = _local.batch = Batch()
        transaction.on_commit(batch.flush)
    return batch


def schedule(
    *,
    pages: dict[int, bool] | None = None,
    urls: set[str] = frozenset(),
    tags: set[str] | None = None,
    old_url_paths=None,
    feed=None,
):
    """Record a change; outside a transaction it takes effect at once.

    ``pages`` are resolved to the URLs and response cache tags that show them at the
    commit. ``urls`` are known already; a change that is not a page's drops every cached
    response unless ``tags`` says which ones show it. ``feed(batch)`` writes the change feed's entries
    (publishing.changes), in the transaction of the change, before anything is flushed.
    """
    in_transaction = transaction.get_connection().in_atomic_block
    batch = open_batch() if in_transaction else Batch()
    if feed is not None:
        feed(batch)
    for page_id, with_descendants in (pages or {}).items():
        batch.pages[page_id] = batch.pages.get(page_id, False) or with_descendants
    for page_id, old_url_path in (old_url_paths or {}).items():
        batch.old_url_paths.setdefault(page_id, old_url_path)  # the first is the one before the transaction
    batch.urls |= set(urls)
    batch.tags |= {caching.ALL} if tags is None and pages is None else set(tags or ())
    if not in_transaction:
        batch.flush()


# Which responses show a page ------------------------------------------------------------


@dataclass(frozen=True)
class PageState:
    """The columns of a page that decide which responses show it."""

    id: int
    translation_key: object
    locale_id: int
    url_path: str
    path: str
    depth: int
    show_in_menus: bool


def page_states(queryset) -> list[PageState]:
    return [PageState(*row) for row in queryset.values_list(*PageState.__dataclass_fields__)]


def language_codes() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


def find_url(url_path: str, language_code: str) -> str:
    return api_url("pages:find", path=frontend_path(url_path, language_code))


def navigation_urls(language_code: str) -> set[str]:
    return {api_url("navigation:listing", locale=language_code)}


def own_urls(state: PageState, codes: dict[int, str]) -> set[str]:
    """Detail and find-by-path responses of one page."""
    return {api_url("pages:detail", state.id), find_url(state.url_path, codes[state.locale_id])}


def listing_urls(states: list[PageState], codes: dict[int, str]) -> set[str]:
    """The parent's child listing, navigation and locales responses the pages appear in."""
    steps = Page.steplen
    parent_paths = {state.path[:-steps] for state in states if state.depth > 2}
    parent_ids = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "pk"))
    urls = set()
    for state in states:
        parent_id = parent_ids.get(state.path[:-steps])
        if parent_id:
            urls.add(api_url("pages:listing", child_of=parent_id))
        if state.depth == 2:
            urls.add(api_url("locales:listing"))
        if state.depth == 2 or state.show_in_menus:
            urls |= navigation_urls(codes[state.locale_id])
    return urls


def pages_effects(pages: dict[int, bool]) -> tuple[set[str], set[str]]:
    """The URLs and response cache tags of every response that shows these pages as they are now.

    The pages' *scope* is themselves and, where flagged, their descendants. Responses show
    them through the scope's live versions in every language (translation lists) and the
    live pages whose content points at any of those. Scope pages count even when they are
    no longer live (they were, until this change).
    """
    if not pages:
        return set(), set()
    scope = Q(pk__in=list(pages))
    deep_paths = list(
        Page.objects.filter(pk__in=[pk for pk, deep in pages.items() if deep]).values_list("path", flat=True)
    )
    for path in deep_paths:
        scope |= Q(path__startswith=path)
    keys = Page.objects.filter(scope).values("translation_key")
    states = page_states(Page.objects.filter(Q(translation_key__in=keys, live=True) | Q(pk__in=list(pages))))
    in_scope = [state for state in states if state.id in pages or state.path.startswith(tuple(deep_paths))]
    referencing = referencing_pages(Page, [str(state.id) for state in states])
    codes = language_codes()
    urls = listing_urls(states, codes)
    for state in states + referencing:
        urls |= own_urls(state, codes)
    return urls, response_tags(in_scope, states + referencing, codes)


def response_tags(in_scope: list[PageState], showing: list[PageState], codes: dict[int, str]) -> set[str]:
    """What to drop from the response cache (``cms.api.caching``) when the ``in_scope`` pages change.

    Listings of the scope's languages, with any fields; listings of the languages of the
    other pages that show them, only with fields that show other pages (a French listing
    of titles does not show the English original's title); each showing page's own detail.
    """
    everywhere = caching.ANY_LANGUAGE
    tags = {f"own:{everywhere}", f"any:{everywhere}"}
    tags |= {f"own:{codes[state.locale_id]}" for state in in_scope}
    tags |= {f"any:{codes[state.locale_id]}" for state in showing}
    return tags | {f"page:{state.id}" for state in showing}


def referencing_pages(model, object_ids: list[str]) -> list[PageState]:
    """The live pages whose content points at these objects."""
    source_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=object_ids,
    ).values_list("object_id", flat=True)
    return page_states(Page.objects.filter(pk__in=[int(pk) for pk in source_ids], live=True))


def referencing_page_urls(model, object_ids: list[str], codes: dict[int, str]) -> set[str]:
    """Detail and find responses of the live pages whose content points at these objects."""
    urls = set()
    for state in referencing_pages(model, object_ids):
        urls |= own_urls(state, codes)
    return urls


def old_path_urls(page_id: int, old_url_path: str) -> set[str]:
    """Find-by-path URLs of a page and its descendants under the path they had before a rename or move."""
    page = Page.objects.filter(pk=page_id).values("url_path", "path", "locale_id").first()
    if page is None or page["url_path"] == old_url_path:
        return set()
    code = language_codes()[page["locale_id"]]
    below = Page.objects.filter(path__startswith=page["path"]).values_list("url_path", flat=True)
    return {find_url(old_url_path + url_path[len(page["url_path"]) :], code) for url_path in below}


# Pages ------------------------------------------------------------------------------------


def page_changed_by_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """pre_save: note the title and path a live page had, to tell a rename at publish time.

    Draft saves name their ``update_fields`` and are no change a reader sees.
    """
    if raw or instance.pk is None or update_fields is not None:
        return
    instance._published_before = Page.objects.filter(pk=instance.pk).values("title", "url_path").first()


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """post_save: a live page saved whole (a publish, an alias update, a save from code)."""
    if raw or update_fields is not None or not instance.live:
        return
    before = getattr(instance, "_published_before", None) or {}
    renamed = before.get("title", instance.title) != instance.title
    moved = before.get("url_path", instance.url_path) != instance.url_path
    # The descendants' url_paths change after this signal, in the same save: the batch
    # works out their old paths at the commit.
    old_url_paths = {instance.pk: before["url_path"]} if moved else None
    deep = renamed or moved
    schedule(
        pages={instance.pk: deep},
        old_url_paths=old_url_paths,
        feed=lambda batch: changes.record_pages({instance.pk: deep}, batch),
    )


def page_published(sender, instance, **kwargs):
    def feed(batch):
        # Descendants renamed by this publish have their new paths by now.
        changes.record_pages({instance.pk: batch.pages.get(instance.pk, False)}, batch)

    schedule(pages={instance.pk: False}, feed=feed)


def page_unpublished(sender, instance, **kwargs):
    schedule(pages={instance.pk: True}, feed=lambda batch: changes.record_pages({instance.pk: True}, batch))


def page_deleting(sender, instance, **kwargs):
    """pre_delete: the responses that show a page must be known while it still exists."""

    def feed(batch):
        gone = Q(path__startswith=instance.path)
        changes.record_pages({instance.pk: True}, batch, vanished=changes.Action.DELETED, gone=gone)

    # Its descendants go with it: rare enough to drop every cached response.
    urls, _tags = pages_effects({instance.pk: False})
    schedule(urls=urls, tags={caching.ALL}, feed=feed)


def page_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    # The old parent's listings are the moved pages' language's: their tags go with the pages.
    schedule(
        pages={instance.pk: True},
        urls={api_url("pages:listing", child_of=parent_page_before.pk)},
        tags=set(),
        old_url_paths={instance.pk: url_path_before},
        feed=lambda batch: changes.record_pages({instance.pk: True}, batch),
    )


def view_restriction_changed(sender, instance, **kwargs):
    def feed(batch):
        changes.record_pages({instance.page_id: True}, batch, vanished=changes.Action.RESTRICTED)

    schedule(pages={instance.page_id: True}, feed=feed)


# Snippets, media, redirects, locales -----------------------------------------------------


def snippet_changed(sender, instance, raw=False, **kwargs):
    """A topic or media contact: the pages showing it, and the snippet's listings."""
    if raw:
        return
    from news.models import Topic

    endpoint = "topics" if isinstance(instance, Topic) else "media-contacts"
    codes = language_codes()
    urls = {api_url(f"{endpoint}:listing")}
    if instance.locale_id in codes:
        urls.add(api_url(f"{endpoint}:listing", locale=codes[instance.locale_id]))
    deleted = kwargs.get("signal") is post_delete
    schedule(
        urls=urls | referencing_page_urls(type(instance), [str(instance.pk)], codes),
        feed=lambda batch: changes.record_snippet(instance, deleted, batch),
    )


def image_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    urls = {api_url("images:listing"), api_url("images:detail", instance.pk)}
    schedule(urls=urls | referencing_page_urls(sender, [str(instance.pk)], language_codes()))


def document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(urls=referencing_page_urls(sender, [str(instance.pk)], language_codes()))


def collection_restriction_changed(sender, instance, **kwargs):
    """Images of a collection (and its descendants) appear or disappear from the image endpoints."""
    collection_changed(sender, instance.collection)


def collection_moved(sender, instance, raw=False, **kwargs):
    """A collection moved under (or out of) a restricted one."""
    if not raw and instance.pk:
        collection_changed(sender, instance)


def collection_changed(sender, collection):
    from wagtail.images import get_image_model

    collections = collection.get_descendants(inclusive=True)
    image_ids = list(
        get_image_model().objects.filter(collection__in=collections).values_list("pk", flat=True)
    )
    urls = {api_url("images:listing")} | {api_url("images:detail", pk) for pk in image_ids}
    schedule(
        urls=urls | referencing_page_urls(get_image_model(), [str(pk) for pk in image_ids], language_codes())
    )


def redirect_path_before(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        instance._old_path_before = (
            type(instance).objects.filter(pk=instance.pk).values_list("old_path", flat=True).first()
        )


def redirect_changed(sender, instance, raw=False, **kwargs):
    """find/ answers a redirect's old path (as the editor entered it, with or without a final slash)."""
    if raw:
        return
    paths = {instance.old_path, getattr(instance, "_old_path_before", None)} - {None, ""}
    urls = set()
    for path in paths:
        stripped = path.rstrip("/")
        urls |= {api_url("pages:find", path=stripped), api_url("pages:find", path=stripped + "/")}
    schedule(urls=urls)


def site_structure_changed(sender, instance, raw=False, **kwargs):
    """A locale or site: languages, their home pages and menus."""
    if raw:
        return
    urls = {api_url("locales:listing")}
    for code in Locale.objects.values_list("language_code", flat=True):
        urls |= navigation_urls(code)
    schedule(urls=urls)


def connect_signal_handlers():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Site,
        get_page_models,
    )
    from wagtail.signals import page_published as published_signal
    from wagtail.signals import page_unpublished as unpublished_signal
    from wagtail.signals import post_page_move

    from news.models import MediaContact, Topic

    def connect(signal, receiver, sender=None):
        label = sender._meta.label if sender is not None else "any"
        signal.connect(receiver, sender=sender, dispatch_uid=f"invalidation.{receiver.__name__}.{label}")

    for model in get_page_models():
        connect(pre_save, page_changed_by_save, model)
        connect(post_save, page_saved, model)
        connect(published_signal, page_published, model)
        connect(unpublished_signal, page_unpublished, model)
    connect(pre_delete, page_deleting, Page)
    connect(post_page_move, page_moved)
    connect(post_save, collection_moved, Collection)
    connect(pre_save, redirect_path_before, Redirect)
    for signal in (post_save, post_delete):
        connect(signal, view_restriction_changed, PageViewRestriction)
        connect(signal, collection_restriction_changed, CollectionViewRestriction)
        connect(signal, image_changed, get_image_model())
        connect(signal, document_changed, get_document_model())
        connect(signal, redirect_changed, Redirect)
        for model in (Topic, MediaContact):
            connect(signal, snippet_changed, model)
        for model in (Locale, Site):
            connect(signal, site_structure_changed, model)
