"""Images and documents in a collection under a view restriction stay private.

Wagtail checks collection restrictions when it serves a document, but not for
images, and the API would list both. Here: a restriction (shared password, login
or groups) on a collection covers it and every collection below it. The API, which
answers anonymous frontends, shows nothing so covered: such images are absent from
``images/`` and its counts, 404 in detail, and pages that embed them are served
without them (as if the image had been removed). The signed image URLs the API
hands out are checked again on every request, so a URL made before the restriction
stops working once it is set.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from cms.api.renditions import get_rendition_once
from cms.api.site_state import read_site_state


def restricted_collection_paths() -> list[str]:
    """Tree paths of the collections that carry a view restriction (one query, cms.api.site_state)."""
    return read_site_state().restricted_collection_paths


def public_media_filter(paths: list[str] | None = None) -> Q:
    """A Q object for images or documents outside every restricted collection and its descendants."""
    if paths is None:
        paths = restricted_collection_paths()
    covered = Q()
    for path in paths:
        covered |= Q(collection__path__startswith=path)
    return ~covered if paths else Q()


def public_media(model, paths: list[str] | None = None):
    return model.objects.filter(public_media_filter(paths))


class PrivateAwareServeView(ServeView):
    """Wagtail's signed dynamic image view, refusing images whose collection the client may not view.

    Its ``get`` is Wagtail's with two additions: the restriction check, and renditions
    made once however many first requests arrive together (cms.api.renditions).
    """

    def get(self, request, signature, image_id, filter_spec, filename=None):
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise PermissionDenied
        image = get_object_or_404(self.model.objects.select_related("collection"), id=image_id)
        restrictions = list(image.collection.get_view_restrictions())
        if not all(restriction.accept_request(request) for restriction in restrictions):
            # 404, as the API answers for the image: the URL says nothing about what it was.
            raise Http404("no such image")
        try:
            rendition = get_rendition_once(image, filter_spec)
        except SourceImageIOError:
            return HttpResponse("Source image file not found", content_type="text/plain", status=410)
        except InvalidFilterSpecError:
            return HttpResponse(f"Invalid filter spec: {filter_spec}", content_type="text/plain", status=400)
        response = getattr(self, self.action)(rendition)
        if restrictions:
            # Admitted because of who asks: no shared cache may keep it for the next client.
            response["Cache-Control"] = "private, no-store"
        else:
            patch_cache_control(response, max_age=3600, public=True)
        return response
