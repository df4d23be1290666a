"""HTTP caching for API responses: Cache-Control, an ETag, and 304 on a matching If-None-Match.

The ETag is a hash of the JSON body, so it changes exactly when the content a
frontend sees changes (a publish, a translation, a new image).
"""

import functools
import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control


def with_http_caching(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code != 200:
            patch_cache_control(response, no_cache=True)
            return response
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapped
