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
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from . import machine_translate_confirm
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
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        submitted = (
            match is not None
            and "wagtail_localize" in match.namespaces
            and match.url_name in SUBMIT_VIEWS
            and request.method == "POST"
            and response.status_code == 302
        )
        return land_where_user_can_work(request, response, match.kwargs) if submitted else response

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
        if match.url_name == "machine_translate" and not machine_translate_confirm.is_confirmed(request):
            return machine_translate_confirm.confirmation_page(request, translation_id)
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


def land_where_user_can_work(request, response, view_kwargs):
    """After "Translate this page", wagtail-localize opens the new translation's editor even for
    an editor who may not edit that language, who then reads "successfully submitted" next
    to "you do not have permission". Such a user goes back to the page they submitted."""
    try:
        target = resolve(response["Location"].split("?")[0])
    except Resolver404:
        return response
    if target.url_name != "edit" or "wagtailadmin_pages" not in target.namespaces:
        return response
    page = Page.objects.filter(pk=target.kwargs.get("page_id")).first()
    if page is None or page.permissions_for_user(request.user).can_edit():
        return response
    source = submitted_object(view_kwargs)
    if isinstance(source, Page):
        return redirect(reverse("wagtailadmin_pages:edit", args=[source.pk]))
    return response
