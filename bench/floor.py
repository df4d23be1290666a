"""The floor: our own responses replayed from memory at the point where our cache answers.

The floor server runs our middleware list with ``StoredResponsesMiddleware`` in the place
of ``cms.api.caching.ResponseCacheMiddleware``, the outermost middleware, where a cache hit
is answered. It replays each captured response (body and headers) with the least work a
Django answer can take: no cache read, no tag check, nothing after it. A cache hit can
only come close to it, so ``cached ours/floor`` is the cost of the cache's own checks.

``BENCH_FLOOR_RESPONSES`` names a JSON file ``{full path: {"body": …, "headers": […]}}``
written by the runner from our server's responses to the benchmarked URLs.
"""

import json
import os

from django.http import HttpResponse, HttpResponseNotFound

# Headers the HTTP server sets on every answer (or the benchmark adds): not replayed.
SERVER_HEADERS = frozenset(
    ["connection", "content-length", "date", "server", "x-bench-queries", "x-bench-worker"]
)


def floor_entry(body: bytes, headers) -> dict:
    """One entry of the floor's file: a response's body, and the headers the application set."""
    kept = [(name, value) for name, value in headers if name.lower() not in SERVER_HEADERS]
    return {"body": body.decode(), "headers": kept}


def load_responses(filename: str | None) -> dict[str, tuple[bytes, dict]]:
    """``{full path: (body, header store)}``, the store as ``ResponseHeaders`` keeps it."""
    if not filename:
        return {}
    with open(filename, encoding="utf-8") as stored:
        captured = json.load(stored)
    return {
        url: (reply["body"].encode(), {name.lower(): (name, value) for name, value in reply["headers"]})
        for url, reply in captured.items()
    }


class StoredResponsesMiddleware:
    """Answers every request from the captured responses; a URL not captured is a 404."""

    def __init__(self, get_response):
        self.responses = load_responses(os.environ.get("BENCH_FLOOR_RESPONSES"))

    def __call__(self, request):
        stored = self.responses.get(request.get_full_path())
        if stored is None:
            return HttpResponseNotFound()
        body, header_store = stored
        response = HttpResponse(body)
        response.headers._store = header_store.copy()  # as a cache hit replays its headers
        return response
