from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.private_media import PrivateAwareServeView
from cms.api.router import api_router
from ops.health import health_view
from publishing.preview import preview_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("health/", health_view, name="health"),
    path("documents/", include(wagtaildocs_urls)),
    # Drafts for the frontend's preview route; outside the router so it is never cached.
    path("api/v2/preview/", preview_view, name="api-preview"),
    path("api/v2/", api_router.urls),
    path("api/", include("cms.api.fallbacks")),
    # Signed dynamic image URLs used by the API: a rendition is made on its first request;
    # images in a restricted collection are refused to whoever the restriction does not admit.
    # The file name at the end is decoration; Wagtail takes it from the stored name, which for
    # private media (ops/media_storage.py) holds a slash of its own.
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/.*$", PrivateAwareServeView.as_view(), name="wagtailimages_serve"
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Refusals in the admin are an admin page in the user's language (translation/refusals.py).
handler403 = "translation.refusals.permission_denied"

# Wagtail's page serving comes last: it matches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]
