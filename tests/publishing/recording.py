"""A frontend cache backend that records what it is asked to purge, for the tests."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    """Keeps every purged URL in ``RecordingBackend.purged`` instead of calling a CDN."""

    purged: list[str] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)
