"""Placeholder; replaced below."""

from django.http import JsonResponse


def openapi_view(request):
    return JsonResponse({})
