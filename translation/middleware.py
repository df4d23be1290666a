"""Confine wagtail-localize's own translation views to the translator's locale.

wagtail-localize checks page permissions (which already follow the locale) but for
snippets only the model permission, so a French translator could otherwise save
strings into a Dutch snippet translation through its API. Every view of
``wagtail_localize`` that takes a ``translation_id`` is checked here against the
translation's target locale.
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.models import Translation

from .permissions import user_can_work_in_locale


class TranslatorLocaleMiddleware:
    """Refuse wagtail-localize translation views for a locale the user does not work in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None:
            return None
        target_locale_id = (
            Translation.objects.filter(pk=translation_id).values_list("target_locale_id", flat=True).first()
        )
        if target_locale_id is not None and not user_can_work_in_locale(request.user, target_locale_id):
            raise PermissionDenied
        return None
