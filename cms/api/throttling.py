"""Optional per-client rate limits for the API, on the shared cache (off by default).

``API_THROTTLE_RATE`` ("120/minute", "5000/hour"…) limits each client address; empty
turns throttling off. Counts live in Django's default cache, so with a shared cache
(Redis, ``CACHE_URL``) every worker counts together. A client over its rate gets a
429 with ``Retry-After``. Responses answered from the server-side response cache
(cms.api.caching) cost next to nothing and are not counted.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class APIRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read per request, not at import, so the setting can be changed (and tested) at run time.
        return getattr(settings, "API_THROTTLE_RATE", "") or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
