"""``?limit=`` and ``?offset=`` with Wagtail's listing shape: ``{"meta": {"total_count"}, "items"}``."""

from django.conf import settings
from wagtail.api.v2.utils import BadRequestError

DEFAULT_LIMIT = 20


def limit_max() -> int:
    return settings.WAGTAILAPI_LIMIT_MAX


def parse_limit_and_offset(request) -> tuple[int, int]:
    """``(limit, offset)`` from the query string; 400 unless 1 <= limit <= max and offset >= 0."""
    maximum = limit_max()
    try:
        limit = int(request.GET.get("limit", min(DEFAULT_LIMIT, maximum)))
    except ValueError as error:
        raise BadRequestError(f"limit must be an integer between 1 and {maximum}") from error
    if not 1 <= limit <= maximum:
        raise BadRequestError(f"limit must be an integer between 1 and {maximum}")
    try:
        offset = int(request.GET.get("offset", 0))
    except ValueError as error:
        raise BadRequestError("offset must be a positive integer or 0") from error
    if offset < 0:
        raise BadRequestError("offset must be a positive integer or 0")
    return limit, offset


def paginate(queryset_or_list, request):
    """The requested slice and the total count (one COUNT query for a queryset)."""
    limit, offset = parse_limit_and_offset(request)
    total = len(queryset_or_list) if isinstance(queryset_or_list, list) else queryset_or_list.count()
    return queryset_or_list[offset : offset + limit], total


def listing(items, total_count: int) -> dict:
    return {"meta": {"total_count": total_count}, "items": items}
