"""Which pages the API may show: live, public, in their publication window.

A page under a view restriction is hidden together with its descendants, in its
own language only: each language's copy is a page of its own, restricted on its own,
so a translator who restricts the Dutch copy cannot take the English page offline.
Aliases of a hidden page (an untranslated copy in another language's tree, which
shows the hidden page's own content) are hidden with it.
"""

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.api.site_state import read_site_state


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction (one query, cms.api.site_state)."""
    return read_site_state().restricted_page_paths


def under_any(paths: list[str]) -> Q:
    """The pages at or under any of these tree paths."""
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return under


def visible_pages_filter(paths: list[str] | None = None) -> Q:
    """A Q object selecting the pages an anonymous frontend may see.

    ``paths`` is the result of ``restricted_paths()``, passed in when a response
    builds several querysets so the restrictions are read once.
    """
    if paths is None:
        paths = restricted_paths()
    now = timezone.now()
    visible = (
        Q(live=True, expired=False, depth__gt=1)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
    if paths:
        under_restriction = under_any(paths)
        restricted = Page.objects.filter(under_restriction)
        visible &= ~under_restriction
        visible &= ~Q(alias_of__in=restricted.values("pk"))
    return visible


# Pages under a view restriction, each page's own or an ancestor's (``page`` in the query
# around it). Tree paths are digits and capitals: nothing LIKE would read as a pattern.
UNDER_RESTRICTION_SQL = """EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction restriction
      JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id
     WHERE {page}.path LIKE restricted.path || '%%')"""


def visible_pages_sql() -> tuple[str, list]:
    """``visible_pages_filter``'s rule as an SQL condition on ``wagtailcore_page`` named ``page``.

    For the one-statement lookup of a stored page (cms.api.stored_pages), where building
    the query through the ORM cost more than running it. It reads the view restrictions
    itself, so that lookup needs no query before it. tests/api/test_visibility_sql.py
    checks that both select the same pages in every state.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())  # as the ORM passes it
    under_restriction = UNDER_RESTRICTION_SQL.format(page="page")
    original_under_restriction = UNDER_RESTRICTION_SQL.format(page="original")
    conditions = [
        "page.live",
        "NOT page.expired",
        "page.depth > 1",
        "(page.go_live_at IS NULL OR page.go_live_at <= %s)",
        "(page.expire_at IS NULL OR page.expire_at > %s)",
        f"NOT {under_restriction}",
        f"""(page.alias_of_id IS NULL OR NOT EXISTS (SELECT 1 FROM wagtailcore_page original
              WHERE original.id = page.alias_of_id AND {original_under_restriction}))""",  # noqa: S608
    ]
    return " AND ".join(conditions), [now, now]


def visible_pages(model=Page, paths: list[str] | None = None):
    """Queryset of ``model`` pages the API may show."""
    return model.objects.filter(visible_pages_filter(paths))


def hidden_page_ids(paths: list[str] | None = None):
    """Queryset of the ids of the pages the API may not show: few on any site (search leaves them out).

    The opposite of ``visible_pages_filter``, as a union of three parts that each have an
    index: the pages hidden by their own columns (a partial index, sitesearch's migration
    0004), the pages under a restriction (the tree path's), and their aliases. As one
    condition, PostgreSQL read every page to find them.
    """
    if paths is None:
        paths = restricted_paths()
    hidden_by_own_columns = Page.objects.exclude(visible_pages_filter([])).order_by().values("pk")
    if not paths:
        return hidden_by_own_columns
    restricted = Page.objects.filter(under_any(paths)).order_by().values("pk")
    aliases = Page.objects.filter(alias_of__in=restricted).order_by().values("pk")
    return hidden_by_own_columns.union(restricted, aliases)
