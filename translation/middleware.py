"""Confine wagtail-localize's own translation views to the translator's locale.

wagtail-localize checks page permissions (which already follow the locale) but for
snippets only the model permission, so a French translator could otherwise save
strings into a Dutch snippet translation through its API. Every view of
``wagtail_localize`` that takes a ``translation_id`` is checked here against the
translation's target locale, and submissions for translation against the locales
chosen.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail_localize.models import Translation

from .permissions import user_can_work_in_locale

SUBMIT_VIEWS = {"submit_page_translation", "submit_snippet_translation"}


def submitted_object(view_kwargs):
    if "page_id" in view_kwargs:
        return Page.objects.filter(pk=view_kwargs["page_id"]).first()
    model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    return model.objects.filter(pk=unquote(view_kwargs["pk"])).first()


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
        if match.url_name in SUBMIT_VIEWS and request.method == "POST":
            self.check_submission(request, view_kwargs)
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

    def check_submission(self, request, view_kwargs):
        """Submitting for translation: editors of the source's locale may target any locale;
        translators (who "take up" an alias this way) only their own."""
        instance = submitted_object(view_kwargs)
        if instance is None or user_can_work_in_locale(request.user, instance.locale_id):
            return
        for locale_id in request.POST.getlist("locales"):
            if not locale_id.isdigit() or not user_can_work_in_locale(request.user, int(locale_id)):
                raise PermissionDenied
