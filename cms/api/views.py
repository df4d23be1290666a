"""One viewset per endpoint, on Wagtail's BaseAPIViewSet (its 400/404 JSON errors and router).

Every endpoint rejects unknown query parameters with a 400, shows only live,
public pages (cms.api.visibility), and serialises through cms.api.references so
its query count does not grow with the number of items.
"""

import math

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, TextField
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import path
from django.utils.translation import get_language_info
from rest_framework.exceptions import Throttled
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.api import filters, stored_pages, validation
from cms.api.frontend_urls import frontend_url, normalise_frontend_path, split_frontend_path
from cms.api.http import set_content_language
from cms.api.negotiation import JSONWhateverAccept
from cms.api.pagination import listing, paginate, paginate_from_nearer_end, parse_limit_and_offset
from cms.api.private_media import public_media
from cms.api.references import PageRef, References
from cms.api.serializers.images import represent_image
from cms.api.serializers.pages import PageSerializer, needs_specific_pages, select_field_names
from cms.api.serializers.snippets import represent_contact, represent_topic
from cms.api.serializers.translations import content_locale_id
from cms.api.throttling import APIRateThrottle
from cms.api.visibility import hidden_page_ids, visible_pages
from news.models import MediaContact, Topic
from sitesearch import indexing as search_index
from sitesearch.query import ranked_page_ids

PAGINATION_PARAMETERS = frozenset(["limit", "offset"])
SEARCH_RESULTS_MAX = 1000


class APIEndpoint(BaseAPIViewSet):
    """Common ground: JSON only, strict query parameters, one References per request."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONWhateverAccept
    throttle_classes = [APIRateThrottle]
    known_query_parameters = frozenset()

    def handle_exception(self, exc):
        if isinstance(exc, Throttled):
            response = Response({"message": "too many requests: slow down"}, status=429)
            response["Retry-After"] = str(math.ceil(exc.wait or 1))
            return response
        return super().handle_exception(exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.refs = References()
        if self.action is None or self.action == "metadata":
            return  # a method without a view: DRF answers 405 (or OPTIONS) with an Allow header
        validation.check_query_string(request)
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(f"unknown query parameters: {', '.join(sorted(unknown))}")

    def get_renderer_context(self):
        # Wagtail's viewset indents its JSON by 4, which makes json.dumps fall back from its C
        # encoder to the pure-Python one (a tenth of an uncached listing's time) and makes
        # the body 70 % larger. The JSON values are the same.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def get_locale(self, code: str, parameter: str = "locale"):
        locale = self.refs.locale_by_code(code)
        if locale is None:
            codes = ", ".join(loc.language_code for loc in self.refs.locales.values())
            raise BadRequestError(f"{parameter}: unknown locale '{code}' (one of: {codes})")
        return locale

    def in_requested_language(self, response):
        """Content-Language of a listing filtered by ``?locale=`` (none for a mixed one)."""
        return set_content_language(response, self.request.GET.get("locale"))

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class PagesAPIViewSet(APIEndpoint):
    """``pages/``, ``pages/<id>/``, ``pages/find/?path=/fr/...``."""

    model = Page
    filter_backends = [
        filters.LocaleFilter,
        filters.ChildOfFilter,
        filters.DescendantOfFilter,
        filters.TopicFilter,
    ]
    listing_parameters = PAGINATION_PARAMETERS | {
        "fields", "locale", "type", "child_of", "descendant_of", "topic", "order",
    }  # fmt: skip

    @property
    def known_query_parameters(self):
        return {
            "listing_view": self.listing_parameters,
            "detail_view": frozenset(["fields"]),
            "find_view": frozenset(["fields", "path"]),
        }[self.action]

    def page_models(self):
        """The types named by ``?type=``, or every page type."""
        return filters.page_models_for(self.request.GET.get("type")) or list(all_page_models())

    def get_queryset(self):
        """The visible pages of the requested types, as Page rows: counted on Wagtail's table alone."""
        return visible_pages(paths=self.refs.restricted_paths).type(*self.page_models())

    def serializer(self, models, detail: bool) -> PageSerializer:
        names = select_field_names(self.request.GET.get("fields"), models, detail=detail)
        return PageSerializer(self.refs, names)

    def listing_view(self, request):
        models = self.page_models()
        serializer = self.serializer(models, detail=False)
        pages = self.filter_queryset(self.get_queryset())
        ordered = filters.PageOrder.apply(request, pages, models)
        # The ids of the slice first: a deep offset sorts ids and dates, not whole rows.
        ids, total = paginate_from_nearer_end(ordered.values_list("pk", flat=True), request, pages.count())
        items = pages_in_order(list(ids), models, serializer.field_names)
        return self.in_requested_language(Response(listing(serializer.serialize_many(items), total)))

    def detail_view(self, request, pk):
        pk = validation.object_id(pk)
        if self.with_stored():
            found = stored_pages.find_by_id(pk)
        else:
            found = stored_pages.find_first(
                visible_pages(paths=self.refs.restricted_paths).filter(pk=pk), False
            )
        if found is None:
            raise Http404(f"no published page with id {pk}")
        return self.page_response(found)

    def with_stored(self) -> bool:
        """Whether the answer is a page's default detail, kept as stored page JSON."""
        return settings.API_STORED_PAGES and "fields" not in self.request.GET

    def page_response(self, found: stored_pages.FoundPage):
        """A page, with the language its text is in (an alias: its source's) as Content-Language."""
        if found.stored_body is not None:
            body = found.stored_body.encode()
            live = found.translation_state  # None: measured now
            language = found.stored_language
            return stored_pages.page_json_response(found, body, language, self.refs, live_value=live)
        page = specific_page(found)
        if page is None:
            raise Http404(f"no published page with id {found.pk}")  # deleted since it was found
        self.refs.want_page(page.alias_of_id)
        data = self.serializer([type(page)], detail=True).serialize(page)
        language = self.refs.language_code(content_locale_id(page, self.refs))
        if found.generation is None:  # chosen ?fields=: rendered as asked, never kept
            response = Response(data)
            response.api_page_id = page.pk
            return set_content_language(response, language)
        body = stored_pages.rendered_body(data)
        stored_pages.store(found, body, language, stored_pages.valid_until(page, self.refs))
        live = data[stored_pages.LIVE_FIELD]
        return stored_pages.page_json_response(found, body, language, self.refs, live_value=live)

    def find_view(self, request):
        wanted = request.GET.get("path")
        if not wanted or not wanted.startswith("/"):
            raise BadRequestError("path is required and must start with '/', e.g. /fr/qui-sommes-nous/")
        # ?fields= is checked before any answer, a redirect included.
        self.serializer(list(all_page_models()), detail=True)
        found = self.find_page(wanted)
        if found is not None:
            canonical = self.refs.path_of(found)
            if canonical != wanted:
                # One URL per page: every other spelling of its path is sent to the canonical one.
                return Response({"redirect": redirect_to(canonical, is_permanent=True)})
            return self.page_response(found)
        redirect = self.find_redirect(wanted)
        if redirect is not None:
            return Response({"redirect": redirect})
        raise Http404(f"no published page at {wanted}")

    def find_page(self, wanted: str) -> stored_pages.FoundPage | None:
        """The visible page a path spells, in any case, slashes or percent-encoding."""
        code, slugs = normalise_frontend_path(wanted)
        # The bare root is the default language's home.
        locale = self.refs.locale_by_code(code or settings.LANGUAGE_CODE)
        if locale is None:
            return None
        candidates = visible_pages(paths=self.refs.restricted_paths).filter(
            locale=locale, depth=2 + len(slugs)
        )
        if not slugs:
            return stored_pages.find_first(candidates, self.with_stored())
        spelled = "/" + "/".join(slugs) + "/"
        # Wagtail slugs are unique among siblings only as typed: prefer the exact spelling,
        # found through the index on the page's own slug (a case-insensitive match on the
        # whole path reads every page at that depth of the locale).
        exact = stored_pages.find_first(
            candidates.filter(slug=slugs[-1], url_path__endswith=spelled), self.with_stored()
        )
        if exact is not None:
            return exact
        return stored_pages.find_first(candidates.filter(url_path__iendswith=spelled), self.with_stored())

    def find_redirect(self, wanted: str) -> dict | None:
        """A wagtail.contrib.redirects Redirect for the frontend path, as data for the frontend to act on."""
        old_path = Redirect.normalise_path(wanted)
        redirect = (
            Redirect.objects.filter(old_path=old_path)
            .filter(Q(site__isnull=True) | Q(site__is_default_site=True))
            .order_by("site")
            .first()
        )
        if redirect is None:
            return None
        if redirect.redirect_page_id:
            self.refs.want_page(redirect.redirect_page_id)
            self.refs.load()
            # A redirect under /fr/ lands on the French version of the chosen page, if it has one.
            locale = self.refs.locale_by_code(split_frontend_path(wanted)[0])
            target = (
                self.refs.localised_page(redirect.redirect_page_id, locale.pk)
                if locale
                else self.refs.pages_by_id.get(redirect.redirect_page_id)
            )
            if target is None:
                return None
            location_path = self.refs.path_of(target)
            location = frontend_url(location_path)
        else:
            location = redirect.redirect_link
            location_path = location if location.startswith("/") else None
        return redirect_to(location_path, redirect.is_permanent, location=location)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]


def redirect_to(path: str | None, is_permanent: bool, location: str | None = None) -> dict:
    """The ``redirect`` object of find/: where to send the reader, and with which status."""
    return {
        "location": location if location is not None else frontend_url(path),
        "path": path,
        "is_permanent": is_permanent,
        "status_code": 301 if is_permanent else 302,
    }


def specific_page(found: stored_pages.FoundPage):
    """The found page as its own type, or None if it was deleted since.

    A plain query on its type's tables: Wagtail's ``.specific()`` reads the same rows through
    its generic specific iterable, which cost more Python than the rest of a small page's detail.
    """
    model = ContentType.objects.get_for_id(found.content_type_id).model_class() or Page
    return model.objects.filter(pk=found.pk).first()


def pages_in_order(ids: list[int], models, field_names):
    """The pages with these ids, in this order: of the one type asked for, or as their own
    types when the fields shown need more than Wagtail's page columns. A page deleted since
    its id was read is left out."""
    model = models[0] if len(models) == 1 else Page
    pages = defer_unshown_text(model.objects.filter(pk__in=ids), field_names)
    if model is Page and needs_specific_pages(field_names):
        pages = pages.specific()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def defer_unshown_text(queryset, field_names):
    """Leave out the type's long text columns (body, rich text) that the response does not show.

    A news listing shows a line or two per article; reading twenty StreamField bodies
    only to drop them was most of its database time.
    """
    long_text = [
        field.name
        for field in queryset.model._meta.concrete_fields
        if isinstance(field, TextField | StreamField)
        and field.model is not Page
        and field.name not in field_names
    ]
    return queryset.defer(*long_text) if long_text else queryset


def all_page_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model is not Page]


class ImagesAPIViewSet(APIEndpoint):
    """``images/`` and ``images/<id>/``: sizes and rendition URLs (alt text lives on pages).

    Images in a restricted collection are left out (cms.api.private_media).
    """

    model = get_image_model()

    @property
    def known_query_parameters(self):
        return PAGINATION_PARAMETERS if self.action == "listing_view" else frozenset()

    def public_images(self):
        return public_media(self.model, self.refs.restricted_collection_paths)

    def listing_view(self, request):
        images, total = paginate(self.public_images().order_by("pk"), request)
        return Response(listing([represent_image(image) for image in images], total))

    def detail_view(self, request, pk):
        pk = validation.object_id(pk)
        image = self.public_images().filter(pk=pk).first()
        if image is None:
            raise Http404(f"no image with id {pk}")
        return Response(represent_image(image))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class SnippetEndpoint(APIEndpoint):
    """A snippet listing, optionally in one ``?locale=``."""

    known_query_parameters = PAGINATION_PARAMETERS | {"locale"}
    filter_backends = [filters.LocaleFilter]

    def represent(self, obj):
        raise NotImplementedError

    def listing_view(self, request):
        queryset = self.filter_queryset(self.model.objects.order_by("name", "pk"))
        snippets, total = paginate(queryset, request)
        return self.in_requested_language(
            Response(listing([self.represent(snippet) for snippet in snippets], total))
        )


class TopicsAPIViewSet(SnippetEndpoint):
    """``topics/?locale=fr``: ``key`` is shared by the translations; filter pages with ``?topic=key``."""

    model = Topic

    def represent(self, obj):
        return represent_topic(obj, self.refs)


class MediaContactsAPIViewSet(SnippetEndpoint):
    """``media-contacts/?locale=fr``: role and office in that language."""

    model = MediaContact

    def represent(self, obj):
        return represent_contact(obj, self.refs)


def page_refs(queryset):
    rows = queryset.annotate(content_locale_id=Coalesce(F("alias_of__locale_id"), F("locale_id")))
    return [PageRef(*row) for row in rows.values_list(*PageRef.__dataclass_fields__)]


class NavigationAPIViewSet(APIEndpoint):
    """``navigation/?locale=fr``: the home page and the tree of in-menu pages below it."""

    known_query_parameters = frozenset(["locale"])
    filter_backends = [filters.LocaleFilter]
    locale_required = True

    def listing_view(self, request):
        pages = self.filter_queryset(visible_pages(paths=self.refs.restricted_paths))
        locale = self.get_locale(request.GET["locale"])
        refs = page_refs(pages.filter(Q(depth=2) | Q(depth__gt=2, show_in_menus=True)).order_by("path"))
        home = next((ref for ref in refs if ref.depth == 2), None)
        nodes = {}
        roots = []
        for ref in refs:
            if ref.depth == 2:
                continue
            node = {**self.refs.summary(ref, locale.pk), "children": []}
            nodes[ref.path] = node
            parent_path = ref.path[: (ref.depth - 1) * Page.steplen]
            if home and parent_path == home.path:
                roots.append(node)
            elif parent_path in nodes:
                nodes[parent_path]["children"].append(node)
        return set_content_language(
            Response(
                {
                    "locale": locale.language_code,
                    "home": self.refs.summary(home, locale.pk) if home else None,
                    "items": roots,
                }
            ),
            locale.language_code,
        )


class LocalesAPIViewSet(APIEndpoint):
    """``locales/``: every language with its home page (``null`` until one is published)."""

    def listing_view(self, request):
        homes = {
            ref.locale_id: ref
            for ref in page_refs(visible_pages(paths=self.refs.restricted_paths).filter(depth=2))
        }
        items = []
        for locale in self.refs.locales.values():
            info = get_language_info(locale.language_code)
            home = homes.get(locale.pk)
            items.append(
                {
                    "code": locale.language_code,
                    "name": info["name_local"],
                    "english_name": info["name"],
                    "is_default": locale.language_code == settings.LANGUAGE_CODE,
                    "home": self.refs.summary(home) if home else None,
                }
            )
        return Response({"items": items})


class SearchAPIViewSet(APIEndpoint):
    """``search/?q=&locale=fr``: published pages of one language (or every one), best match first."""

    known_query_parameters = PAGINATION_PARAMETERS | {"q", "locale", "fields"}
    filter_backends = [filters.LocaleFilter]

    def listing_view(self, request):
        query = validation.search_query(request.GET.get("q"))
        serializer = PageSerializer(
            self.refs, select_field_names(request.GET.get("fields"), all_page_models(), detail=False)
        )
        if search_index.enabled():
            # PostgreSQL: per-language full-text search (sitesearch), visibility in the same query.
            hidden = hidden_page_ids(self.refs.restricted_paths)
            code = request.GET.get("locale")
            locale = self.get_locale(code) if code else None
            limit, offset = parse_limit_and_offset(request)
            ids, total = ranked_page_ids(
                query, hidden, locale.pk if locale else None, limit=limit, offset=offset
            )
        else:
            ids, total = self.fallback_search(query, request)
        pages = pages_in_order(ids, all_page_models(), serializer.field_names)
        response = Response(listing(serializer.serialize_many(pages), total))
        return self.in_requested_language(response)

    def fallback_search(self, query, request):
        """Elsewhere (SQLite): Wagtail's database search backend, one configuration for all."""
        # The backend cannot apply the visibility rules, so search the locale's live pages,
        # then keep the visible ones in rank order, reading only the ids.
        matches = self.filter_queryset(Page.objects.live()).only("pk").search(query)[:SEARCH_RESULTS_MAX]
        ranked_ids = [page.pk for page in matches]
        visible_ids = set(
            visible_pages(paths=self.refs.restricted_paths)
            .filter(pk__in=ranked_ids)
            .values_list("pk", flat=True)
        )
        return paginate([pk for pk in ranked_ids if pk in visible_ids], request)
