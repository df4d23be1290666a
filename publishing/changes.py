"""Writes the change feed (``publishing.models.ContentChange``) inside the change's transaction.

``publishing.invalidation`` calls ``record_pages`` and ``record_snippet`` from the same
signal handlers that drive the caches, so the feed covers exactly the changes a reader
can see (no drafts). For pages, the feed compares what is visible now with what it last
reported (``PublishedPath``) over the pages touched, their descendants where a change
reaches them, and their versions in every language:

- visible and unknown: ``published``; visible under another path: ``moved`` (with
  ``old_path``); visible, same path, and the page itself changed: ``changed`` (once per
  transaction);
- known and no longer visible: a tombstone (``unpublished``, ``restricted`` or
  ``deleted``, with ``old_path``).

So replaying the feed from the start gives the set of live paths, whatever mix of
publishes, moves and restrictions happened. Each transaction locks ``ChangeFeedLock``
before its first entry, so entries commit in id order (see the model).
"""

from django.db import transaction
from django.db.models import Q
from wagtail.models import Locale, Page

from cms.api.frontend_urls import frontend_path
from cms.api.visibility import visible_pages_filter
from publishing.models import ChangeFeedLock, ContentChange, PublishedPath

Action = ContentChange.Action


def take_lock(batch):
    if batch is not None and batch.feed_locked:
        return
    if transaction.get_connection().in_atomic_block:
        if ChangeFeedLock.objects.select_for_update().filter(pk=1).first() is None:
            # The migration creates the row; a flushed test database may not have it.
            ChangeFeedLock.objects.get_or_create(pk=1)
            ChangeFeedLock.objects.select_for_update().filter(pk=1).first()
        if batch is not None:
            batch.feed_locked = True


def scope_of(pages: dict[int, bool]) -> Q:
    scope = Q(pk__in=list(pages))
    deep_ids = [pk for pk, deep in pages.items() if deep]
    for path in Page.objects.filter(pk__in=deep_ids).values_list("path", flat=True):
        scope |= Q(path__startswith=path)
    return scope


def record_pages(
    pages: dict[int, bool], batch=None, *, vanished: str = Action.UNPUBLISHED, gone: Q | None = None
):
    """Feed entries for these pages (and flagged descendants) and their versions in every language.

    ``gone`` selects pages about to be deleted: they count as no longer visible, for the
    rest of the transaction (Wagtail still sends them unpublish signals while deleting).
    """
    if not pages:
        return
    scope = scope_of(pages)
    keys = Page.objects.filter(scope).values("translation_key")
    in_scope = Page.objects.filter(Q(translation_key__in=keys) | scope)
    visible = in_scope.filter(visible_pages_filter())
    if gone is not None and batch is not None:
        batch.feed_deleted |= set(Page.objects.filter(gone).values_list("pk", flat=True))
    if gone is not None:
        visible = visible.exclude(gone)
    if batch is not None and batch.feed_deleted:
        visible = visible.exclude(pk__in=batch.feed_deleted)
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    now = {
        pk: (codes[locale_id], frontend_path(url_path, codes[locale_id]))
        for pk, locale_id, url_path in visible.values_list("pk", "locale_id", "url_path")
    }
    labels = page_labels(now)
    known = {row.page_id: row for row in PublishedPath.objects.filter(page_id__in=in_scope.values("pk"))}
    entries = []
    for pk, (code, path) in now.items():
        before = known.get(pk)
        if before is None:
            action, old_path = Action.PUBLISHED, ""
        elif before.path != path:
            action, old_path = Action.MOVED, before.path
        elif pk in pages and (batch is None or pk not in batch.feed_changed):
            action, old_path = Action.CHANGED, ""
        else:
            continue
        entries.append(ContentChange(action=action, kind="page", object_type=labels[pk], object_id=pk,
                                     locale=code, path=path, old_path=old_path))  # fmt: skip
    for pk, before in known.items():
        if pk not in now:
            label = page_label_of(pk, labels)
            entries.append(ContentChange(action=vanished, kind="page", object_type=label, object_id=pk,
                                         locale=before.locale, old_path=before.path))  # fmt: skip
    if not entries:
        return
    take_lock(batch)
    ContentChange.objects.bulk_create(entries)
    for entry in entries:
        if entry.path:
            PublishedPath.objects.update_or_create(
                page_id=entry.object_id, defaults={"locale": entry.locale, "path": entry.path}
            )
            if batch is not None:
                batch.feed_changed.add(entry.object_id)
        else:
            PublishedPath.objects.filter(page_id=entry.object_id).delete()
    if batch is not None:
        batch.feed_entries.extend(entries)


def page_labels(now) -> dict[int, str]:
    from django.contrib.contenttypes.models import ContentType

    rows = Page.objects.filter(pk__in=list(now)).values_list("pk", "content_type_id")
    labels = {}
    for pk, content_type_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        labels[pk] = model._meta.label if model else "wagtailcore.Page"
    return labels


def page_label_of(pk, labels) -> str:
    if pk in labels:
        return labels[pk]
    page = Page.objects.filter(pk=pk).select_related("content_type").first()
    if page is None:
        return "wagtailcore.Page"
    model = page.content_type.model_class()
    return model._meta.label if model else "wagtailcore.Page"


def record_snippet(instance, deleted: bool, batch=None):
    """A topic or media contact changed or went away (snippets have no frontend path of their own)."""
    key = (instance._meta.label, instance.pk)
    if batch is not None and not deleted and key in batch.feed_snippets:
        return
    code = Locale.objects.filter(pk=instance.locale_id).values_list("language_code", flat=True).first() or ""
    take_lock(batch)
    entry = ContentChange.objects.create(
        action=Action.DELETED if deleted else Action.CHANGED,
        kind="snippet",
        object_type=instance._meta.label,
        object_id=instance.pk,
        locale=code,
    )
    if batch is not None:
        batch.feed_snippets.add(key)
        batch.feed_entries.append(entry)
