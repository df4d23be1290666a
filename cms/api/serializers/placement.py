"""Where a page lives on the frontend: its path, URL, parent and breadcrumb."""

from cms.api.frontend_urls import frontend_path, frontend_url
from cms.api.serializers.base import ContentField

PAGE_SUMMARY_REF = {"$ref": "#/components/schemas/PageSummary"}


class PathField(ContentField):
    """``"/fr/qui-sommes-nous/"``: the language code, then the slugs below the home page."""

    def represent(self, obj, refs):
        return frontend_path(obj.url_path, refs.language_code(obj.locale_id))


class UrlField(ContentField):
    """``"http://localhost:3000/fr/qui-sommes-nous/"``: FRONTEND_BASE_URL + path."""

    def represent(self, obj, refs):
        return frontend_url(frontend_path(obj.url_path, refs.language_code(obj.locale_id)))


class BreadcrumbField(ContentField):
    """Visible ancestors from the home page down to the parent, as page summaries."""

    schema = {"type": "array", "items": PAGE_SUMMARY_REF}

    def collect(self, obj, refs):
        refs.want_ancestors(obj)

    def represent(self, obj, refs):
        return [refs.summary(ref, obj.locale_id) for ref in refs.ancestors_of(obj)]


class ParentField(BreadcrumbField):
    """The parent page's summary; ``null`` for a home page."""

    schema = {"anyOf": [PAGE_SUMMARY_REF, {"type": "null"}]}

    def represent(self, obj, refs):
        ancestors = refs.ancestors_of(obj)
        if ancestors and ancestors[-1].depth == obj.depth - 1:
            return refs.summary(ancestors[-1], obj.locale_id)
        return None
