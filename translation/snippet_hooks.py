"""Snippet editing, creation and deletion limited to the locales a user works in."""

from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, TranslatableMixin

from .permissions import user_can_work_in_locale


def refuse_other_locale_snippet(request, instance):
    if isinstance(instance, TranslatableMixin) and not user_can_work_in_locale(
        request.user, instance.locale_id
    ):
        return permission_denied(request)
    return None


def refuse_other_locale_snippet_creation(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    # Wagtail creates a snippet in the locale named by ?locale=, else the default locale.
    language_code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=language_code).first() if language_code else None
    locale = locale or Locale.get_default()
    if not user_can_work_in_locale(request.user, locale):
        return permission_denied(request)
    return None


def refuse_other_locale_snippet_deletion(request, instances):
    for instance in instances:
        response = refuse_other_locale_snippet(request, instance)
        if response:
            return response
    return None
