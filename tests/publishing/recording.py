"""A frontend cache backend that records what it is asked to purge, for the tests."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    """Keeps every purged URL in ``purged``, and each purge request's URLs in ``batches``."""

    purged: list[str] = []
    batches: list[list[str]] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)

    def purge_batch(self, urls):
        RecordingBackend.batches.append(list(urls))
        super().purge_batch(urls)
