"""The API's URLs: Wagtail's router with HTTP caching on every endpoint, plus the OpenAPI document."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from cms.api import views
from cms.api.caching import with_http_caching
from cms.api.changes import ChangesAPIViewSet
from cms.api.openapi import openapi_view
from cms.api.sitemap import SitemapAPIViewSet
from cms.api.validation import read_only_view


class CachedAPIRouter(WagtailAPIRouter):
    """WagtailAPIRouter whose views answer with Cache-Control, ETag and 304s."""

    def wrap_view(self, func):
        return super().wrap_view(with_http_caching(func))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("openapi.json", with_http_caching(read_only_view(openapi_view)), name="openapi"),
        ]


api_router = CachedAPIRouter("api")
api_router.register_endpoint("pages", views.PagesAPIViewSet)
api_router.register_endpoint("images", views.ImagesAPIViewSet)
api_router.register_endpoint("navigation", views.NavigationAPIViewSet)
api_router.register_endpoint("topics", views.TopicsAPIViewSet)
api_router.register_endpoint("media-contacts", views.MediaContactsAPIViewSet)
api_router.register_endpoint("locales", views.LocalesAPIViewSet)
api_router.register_endpoint("search", views.SearchAPIViewSet)
api_router.register_endpoint("sitemap", SitemapAPIViewSet)
api_router.register_endpoint("changes", ChangesAPIViewSet)
