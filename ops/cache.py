"""A Redis cache that degrades instead of failing.

Everything the CMS keeps in its cache can be rebuilt from the database: the API's whole
responses, Wagtail's own memoised values. So when Redis is unreachable a request should
be answered without the cache, not with a 500. ``FailSafeRedisCache`` is Django's Redis
backend with every read answering "not cached" and every write doing nothing while Redis
is down:

- one warning per ``WARNING_INTERVAL`` seconds per process, not one per request;
- after a failure Redis is left alone for ``RETRY_AFTER`` seconds, so a request does not
  wait for a connection timeout on every cache call, then tried again: recovery needs no
  restart;
- when Redis answers again, ``cache_recovered`` is sent: a change made during the outage
  could not replace the API's content version in Redis, so the API forgets what it
  cached before (``cms.api.caching``).

Django's base settings swap this class in for ``django.core.cache.backends.redis.RedisCache``
whenever ``CACHE_URL`` names Redis.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Sent (sender = the cache) by a process that saw Redis fail, when Redis answers again.
cache_recovered = Signal()

WARNING_INTERVAL = 60
RETRY_AFTER = 1.0
#: Seconds to wait for Redis before treating it as down; the API must not hang on it.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_since = None  # monotonic time of the first failure of this outage
        self._retry_at = 0.0
        self._warned_at = None

    @property
    def available(self) -> bool:
        """False while this process believes Redis is down."""
        return self._down_since is None

    def ping(self):
        """Ask Redis directly (for the health check); raises when it does not answer."""
        self._cache.get_client(write=True).ping()

    def _call(self, default, operation, *args, **kwargs):
        try:
            if self._down_since is not None:
                if time.monotonic() < self._retry_at:
                    return default
                # Recover before answering, so this very call already sees what the
                # recovery changes (a new content version).
                self.ping()
                self._recovered()
            return getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            return default

    def _failed(self, error):
        now = time.monotonic()
        with self._lock:
            self._down_since = self._down_since or now
            self._retry_at = now + RETRY_AFTER
            if self._warned_at is None or now - self._warned_at >= WARNING_INTERVAL:
                self._warned_at = now
                logger.warning("Cache unavailable, answering from the database without it: %s", error)

    def _recovered(self):
        with self._lock:
            if self._down_since is None:
                return
            seconds = time.monotonic() - self._down_since
            self._down_since = None
            self._warned_at = None
        logger.warning("Cache available again after %.1f s", seconds)
        cache_recovered.send(sender=self)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._call({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call(False, "has_key", key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), "set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, "delete_many", keys, version)

    def clear(self):
        return self._call(False, "clear")


def fail_safe(cache_settings: dict) -> dict:
    """The cache settings with Django's Redis backend replaced by the fail-safe one."""
    if cache_settings.get("BACKEND") == "django.core.cache.backends.redis.RedisCache":
        return {**cache_settings, "BACKEND": "ops.cache.FailSafeRedisCache"}
    return cache_settings
