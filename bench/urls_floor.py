"""The floor: every benchmarked URL answered with stored bytes, through the same middleware.

``BENCH_FLOOR_RESPONSES`` names a JSON file ``{full path: body}`` written by the runner
from our server's own responses, so the floor sends exactly the same bytes.
"""

import json
import os

from django.http import HttpResponse, HttpResponseNotFound
from django.urls import re_path


def load_responses() -> dict[str, bytes]:
    filename = os.environ.get("BENCH_FLOOR_RESPONSES")
    if not filename:
        return {}
    with open(filename, encoding="utf-8") as stored:
        return {url: body.encode() for url, body in json.load(stored).items()}


RESPONSES = load_responses()


def stored_response(request):
    body = RESPONSES.get(request.get_full_path())
    if body is None:
        return HttpResponseNotFound()
    return HttpResponse(body, content_type="application/json")


urlpatterns = [re_path(r"^", stored_response)]
