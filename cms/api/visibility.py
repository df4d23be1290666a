"""Which pages the API may show: live, public, in their publication window.

A page under a view restriction is hidden together with its descendants, in its
own language only: each language's copy is a page of its own, restricted on its own,
so a translator who restricts the Dutch copy cannot take the English page offline.
Aliases of a hidden page (an untranslated copy in another language's tree, which
shows the hidden page's own content) are hidden with it.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.api.site_state import read_site_state


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction (one query, cms.api.site_state)."""
    return read_site_state().restricted_page_paths


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
        under_restriction = Q()
        for path in paths:
            under_restriction |= Q(path__startswith=path)
        restricted = Page.objects.filter(under_restriction)
        visible &= ~under_restriction
        visible &= ~Q(alias_of__in=restricted.values("pk"))
    return visible


def visible_pages(model=Page, paths: list[str] | None = None):
    """Queryset of ``model`` pages the API may show."""
    return model.objects.filter(visible_pages_filter(paths))
