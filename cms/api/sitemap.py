"""``sitemap/``: every live, public page with its URL, date and real translations.

A frontend builds ``sitemap.xml`` from it (the README shows how). Pages come in
pages of at most ``API_SITEMAP_PAGE_SIZE`` (50,000, the sitemap protocol's limit per
file), one sitemap file each; ``meta.page_count`` sizes the sitemap index.

``alternates`` lists the page's versions whose text really is in their language:
an untranslated alias shows another language's text, so it is no ``hreflang``
alternate of anything (and is itself marked ``is_fallback``). Three queries per
response, whatever its length.
"""

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from rest_framework.response import Response

from cms.api import filters, validation
from cms.api.frontend_urls import frontend_path, frontend_url
from cms.api.http import set_content_language
from cms.api.views import APIEndpoint
from cms.api.visibility import visible_pages

COLUMNS = ("pk", "translation_key", "locale_id", "url_path", "last_published_at", "content_locale_id")


def page_size() -> int:
    return settings.API_SITEMAP_PAGE_SIZE


class SitemapAPIViewSet(APIEndpoint):
    """``sitemap/?locale=fr&page=1``: one sitemap file's worth of pages (all locales without ``locale``)."""

    known_query_parameters = frozenset(["locale", "page"])
    filter_backends = [filters.LocaleFilter]

    def page_number(self) -> int:
        return validation.bounded_integer(self.request.GET.get("page", "1"), "page", 1)

    def listing_view(self, request):
        number = self.page_number()
        pages = visible_pages(paths=self.refs.restricted_paths).annotate(
            content_locale_id=Coalesce(F("alias_of__locale_id"), F("locale_id"))
        )
        pages = self.filter_queryset(pages)
        total = pages.count()
        page_count = max(1, -(-total // page_size()))
        # A page past the last is empty, as an offset past the end of a listing is.
        start = (number - 1) * page_size()
        rows = list(pages.order_by("locale_id", "path").values_list(*COLUMNS)[start : start + page_size()])
        alternates = self.alternates({row[1] for row in rows})
        items = []
        for pk, key, locale_id, url_path, last_published_at, content_locale_id in rows:
            path = frontend_path(url_path, self.refs.language_code(locale_id))
            items.append(
                {
                    "id": pk,
                    "locale": self.refs.language_code(locale_id),
                    "path": path,
                    "url": frontend_url(path),
                    "last_published_at": last_published_at.isoformat() if last_published_at else None,
                    "is_fallback": content_locale_id != locale_id,
                    "alternates": alternates.get(key, []) if content_locale_id == locale_id else [],
                }
            )
        body = {
            "meta": {
                "total_count": total,
                "page": number,
                "page_count": page_count,
                "page_size": page_size(),
            },
            "items": items,
        }
        return set_content_language(Response(body), request.GET.get("locale"))

    def alternates(self, keys) -> dict:
        """Translation key -> the real translations (``locale``, ``path``, ``url``), in locale order."""
        versions = (
            visible_pages(paths=self.refs.restricted_paths)
            .filter(translation_key__in=keys, alias_of__isnull=True)
            .order_by("locale_id")
            .values_list("translation_key", "locale_id", "url_path")
        )
        by_key = {}
        for key, locale_id, url_path in versions:
            path = frontend_path(url_path, self.refs.language_code(locale_id))
            by_key.setdefault(key, []).append(
                {"locale": self.refs.language_code(locale_id), "path": path, "url": frontend_url(path)}
            )
        return by_key
