"""JSON answers for API URLs no endpoint matches, so nothing under /api/ falls through to HTML.

Wagtail's router only matches numeric ids; without these, ``pages/abc/`` would reach
Wagtail's page serving and answer an HTML 404.
"""

from django.http import JsonResponse
from django.urls import re_path


def malformed_id(request, endpoint, value):
    return JsonResponse({"message": f"{endpoint} id must be a positive integer, not '{value}'"}, status=400)


def unknown_endpoint(request, rest):
    return JsonResponse({"message": f"no API endpoint at /api/{rest}"}, status=404)


urlpatterns = [
    re_path(r"^v2/(?P<endpoint>pages|images)/(?P<value>[^/]+)/$", malformed_id),
    # Paths without a trailing slash are left to APPEND_SLASH, which redirects to the slashed URL.
    re_path(r"^(?P<rest>.*/)$", unknown_endpoint),
]
