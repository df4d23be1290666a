"""Purging the API responses a change affects from the frontend cache.

The cache in front of the API (wagtail.contrib.frontend_cache's HTTP, Cloudflare or
CloudFront backend, chosen in settings) keeps each response for API_CACHE_MAX_AGE; these
purges make a change visible at once. A page appears in:

- its own detail (``pages/<id>/``) and find-by-path (``pages/find/?path=``) responses;
- the ``pages/?child_of=<parent id>`` listing of its parent;
- the navigation of its language when it is in menus, and ``locales/`` when it is a home page;
- the detail and find responses of its versions in the other languages (their
  ``translations`` list names it) and of its descendants (breadcrumb, parent, path);
- the detail and find responses of pages that link to it (rich text, choosers, related articles).

A publish purges the page and its versions, and its descendants too when its title or
slug changed; unpublish, delete and move always include descendants. Old and new paths
are both purged. A topic or media contact change purges the pages that show it and the
snippet listings. Listings with other query parameters (limit, fields, order…) are not
enumerated: they live out the max-age. Purges run after the transaction commits, so the
cache never refetches the old content.
"""

import threading
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.api.paths import frontend_path

# URL sets computed before a save or move, completed by the signal that follows it.
_pending = threading.local()


def api_url(name: str, *args, **query) -> str:
    """Absolute URL of an API response as the cache keys it: ``…/api/v2/pages/find/?path=%2Ffr%2F``."""
    url = settings.WAGTAILAPI_BASE_URL + reverse(f"api:{name}", args=args)
    return f"{url}?{urlencode(query)}" if query else url


def navigation_urls(language_code: str) -> set[str]:
    urls = {api_url("navigation:listing", locale=language_code)}
    if language_code == settings.LANGUAGE_CODE:
        urls.add(api_url("navigation:listing"))
    return urls


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


def own_urls(state: PageState, codes: dict[int, str]) -> set[str]:
    """Detail and find-by-path responses of one page."""
    return {
        api_url("pages:detail", state.id),
        api_url("pages:find", path=frontend_path(state.url_path, codes[state.locale_id])),
    }


def listing_urls(states: list[PageState], codes: dict[int, str]) -> set[str]:
    """The parent's child listing, navigation and locales responses the pages appear in."""
    steps = Page.steplen
    parent_ids = dict(
        Page.objects.filter(
            path__in={state.path[:-steps] for state in states if state.depth > 2}
        ).values_list("path", "pk")
    )
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


def page_scope_urls(page, *, with_descendants: bool) -> set[str]:
    """Every response that shows ``page`` (and its descendants), from the database as it is now.

    Live versions in every language are included, and ``page`` itself even when it is
    no longer live (it was, until this change).
    """
    scope = Page.objects.filter(pk=page.pk)
    if with_descendants:
        scope = Page.objects.filter(path__startswith=page.path)
    keys = scope.values("translation_key")
    states = page_states(Page.objects.filter(Q(translation_key__in=keys, live=True) | Q(pk=page.pk)))
    codes = language_codes()
    urls = listing_urls(states, codes)
    for state in states:
        urls |= own_urls(state, codes)
    version_ids = [str(state.id) for state in states]
    return urls | referencing_page_urls(Page, version_ids, codes)


def referencing_page_urls(model, object_ids: list[str], codes: dict[int, str]) -> set[str]:
    """Detail and find responses of the live pages whose content points at these objects."""
    page_type = ContentType.objects.get_for_model(Page)
    target_type = ContentType.objects.get_for_model(model)
    source_ids = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=target_type, to_object_id__in=object_ids
    ).values_list("object_id", flat=True)
    urls = set()
    for state in page_states(Page.objects.filter(pk__in=[int(pk) for pk in source_ids], live=True)):
        urls |= own_urls(state, codes)
    return urls


def purge_on_commit(urls: set[str]):
    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(sorted(urls)))


# Pages ------------------------------------------------------------------------------


def remember(key, urls: set[str], with_descendants: bool = True):
    pending = getattr(_pending, "urls", None)
    if pending is None:
        pending = _pending.urls = {}
    pending[key] = (urls, with_descendants)


def recall(key) -> tuple[set[str], bool]:
    return getattr(_pending, "urls", {}).pop(key, (set(), False))


def before_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing saves every field; a draft save names the few it changes.
    if raw or instance.pk is None or update_fields is not None:
        return
    before = Page.objects.filter(pk=instance.pk).values("title", "slug").first()
    if before is None:
        return
    renamed = before["title"] != instance.title or before["slug"] != instance.slug
    remember(("save", instance.pk), page_scope_urls(instance, with_descendants=renamed), renamed)


def after_page_published(sender, instance, **kwargs):
    before, renamed = recall(("save", instance.pk))
    purge_on_commit(before | page_scope_urls(instance, with_descendants=renamed))


def after_page_unpublished(sender, instance, **kwargs):
    # Also sent for a live page about to be deleted, while its rows still exist.
    before, _ = recall(("save", instance.pk))
    purge_on_commit(before | page_scope_urls(instance, with_descendants=True))


def before_page_move(sender, instance, **kwargs):
    remember(("move", instance.pk), page_scope_urls(instance, with_descendants=True))


def after_page_move(sender, instance, **kwargs):
    before, _ = recall(("move", instance.pk))
    recall(("save", instance.pk))  # a move saves the page without publishing it
    instance = Page.objects.get(pk=instance.pk)
    purge_on_commit(before | page_scope_urls(instance, with_descendants=True))


# Snippets ---------------------------------------------------------------------------


def snippet_urls(instance) -> set[str]:
    """The pages showing a topic or media contact, and the snippet's listings."""
    from news.models import Topic

    endpoint = "topics" if isinstance(instance, Topic) else "media-contacts"
    codes = language_codes()
    urls = {
        api_url(f"{endpoint}:listing"),
        api_url(f"{endpoint}:listing", locale=codes[instance.locale_id]),
    }
    return urls | referencing_page_urls(type(instance), [str(instance.pk)], codes)


def after_snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        purge_on_commit(snippet_urls(instance))


def before_snippet_deleted(sender, instance, **kwargs):
    remember(("snippet", sender, instance.pk), snippet_urls(instance))


def after_snippet_deleted(sender, instance, **kwargs):
    before, _ = recall(("snippet", sender, instance.pk))
    purge_on_commit(before)


def connect_signal_handlers():
    from wagtail.models import get_page_models

    from news.models import MediaContact, Topic

    for model in get_page_models():
        pre_save.connect(
            before_page_save, sender=model, dispatch_uid=f"frontend_cache_pre_save_{model._meta.label}"
        )
        page_published.connect(
            after_page_published, sender=model, dispatch_uid=f"frontend_cache_publish_{model._meta.label}"
        )
        page_unpublished.connect(
            after_page_unpublished, sender=model, dispatch_uid=f"frontend_cache_unpublish_{model._meta.label}"
        )
    pre_page_move.connect(before_page_move, dispatch_uid="frontend_cache_pre_move")
    post_page_move.connect(after_page_move, dispatch_uid="frontend_cache_post_move")
    for model in (Topic, MediaContact):
        label = model._meta.label
        post_save.connect(after_snippet_saved, sender=model, dispatch_uid=f"frontend_cache_save_{label}")
        pre_delete.connect(
            before_snippet_deleted, sender=model, dispatch_uid=f"frontend_cache_pre_delete_{label}"
        )
        post_delete.connect(
            after_snippet_deleted, sender=model, dispatch_uid=f"frontend_cache_delete_{label}"
        )
