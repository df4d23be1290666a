"""What every API response reads before any page: the locales and the view restrictions.

Read together in one statement (``read_site_state``): a response used to spend three
queries on them, each built by the ORM, before it read anything it shows. The
restrictions are read on every response, never cached, so a page or collection made
private is hidden from the next response on. ``visibility.restricted_paths`` and
``private_media.restricted_collection_paths`` read it too. The one-statement lookup of a
stored page reads the page restrictions itself (``visibility.visible_pages_sql``), so a
stored detail needs none of this.
"""

from dataclasses import dataclass

from wagtail.models import BaseViewRestriction, Locale

from cms.api.prepared_statements import prepared_cursor

# Wagtail's tables: the locales, and the paths of restricted pages and collections (a
# collection restriction of type "none" restricts nothing).
SITE_STATE_SQL = """
    SELECT 'locale', id, language_code FROM wagtailcore_locale
    UNION ALL
    SELECT 'page', NULL, page.path FROM wagtailcore_pageviewrestriction restriction
      JOIN wagtailcore_page page ON page.id = restriction.page_id
    UNION ALL
    SELECT 'collection', NULL, collection.path FROM wagtailcore_collectionviewrestriction restriction
      JOIN wagtailcore_collection collection ON collection.id = restriction.collection_id
     WHERE restriction.restriction_type <> %s
"""


@dataclass(frozen=True)
class SiteState:
    #: Every locale by id, in language code order.
    locales: dict[int, Locale]
    #: Tree paths of the pages carrying a view restriction (cms.api.visibility).
    restricted_page_paths: list[str]
    #: Tree paths of the collections carrying one (cms.api.private_media).
    restricted_collection_paths: list[str]


def read_site_state() -> SiteState:
    """Locales and both kinds of view restriction, in one query."""
    with prepared_cursor() as cursor:
        cursor.execute(SITE_STATE_SQL, [BaseViewRestriction.NONE])
        rows = cursor.fetchall()
    locales = sorted(
        (Locale(pk=locale_id, language_code=code) for kind, locale_id, code in rows if kind == "locale"),
        key=lambda locale: locale.language_code,
    )
    return SiteState(
        locales={locale.pk: locale for locale in locales},
        restricted_page_paths=[path for kind, _id, path in rows if kind == "page"],
        restricted_collection_paths=[path for kind, _id, path in rows if kind == "collection"],
    )
