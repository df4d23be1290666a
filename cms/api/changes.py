"""``changes/?since=<cursor>``: what a frontend must rebuild since it last looked, oldest first.

Entries come from ``publishing.models.ContentChange``, written in the same transaction as
the change (``publishing.changes``), so the feed never shows a change that rolled back
and never misses one that committed. A cursor is an entry id; entries commit in id order,
so reading on from ``meta.next`` misses nothing, even while editors publish.
"""

from rest_framework.response import Response

from cms.api import validation
from cms.api.frontend_urls import frontend_url
from cms.api.views import APIEndpoint
from publishing.models import ContentChange

LIMIT_DEFAULT = 100
LIMIT_MAX = 1000


def integer(request, name: str, default: int, low: int, high: int = validation.MAX_INTEGER) -> int:
    return validation.bounded_integer(request.GET.get(name, str(default)), name, low, high)


def represent_change(change: ContentChange) -> dict:
    """One entry; ``path`` is null for a tombstone, ``old_path`` null unless the page moved or went away."""
    return {
        "cursor": str(change.pk),
        "recorded_at": change.recorded_at.isoformat(),
        "action": change.action,
        "kind": change.kind,
        "type": change.object_type,
        "id": change.object_id,
        "locale": change.locale,
        "path": change.path or None,
        "url": frontend_url(change.path) if change.path else None,
        "old_path": change.old_path or None,
    }


class ChangesAPIViewSet(APIEndpoint):
    """``changes/?since=0&limit=100``: published, changed, moved, unpublished, restricted, deleted."""

    known_query_parameters = frozenset(["since", "limit"])

    def listing_view(self, request):
        since = integer(request, "since", 0, 0)
        limit = integer(request, "limit", LIMIT_DEFAULT, 1, LIMIT_MAX)
        rows = list(ContentChange.objects.filter(pk__gt=since).order_by("pk")[: limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        return Response(
            {
                "meta": {
                    "since": str(since),
                    "next": str(rows[-1].pk) if rows else str(since),
                    "has_more": has_more,
                },
                "items": [represent_change(row) for row in rows],
            }
        )
