"""Refusals in the admin are a page of the admin, in the user's language, never Django's bare 403.

A view (or ``middleware.py``) that raises ``PermissionDenied`` ends in Django's 403 handler,
which knows nothing of the admin. For admin URLs this handler renders the refusal inside the
admin's layout, in the user's preferred admin language (a refusal raised before Wagtail's
view runs would otherwise follow the browser's language), and names the languages the user
works in so a translator knows where to go instead.

Wagtail's own refusal (``wagtail.admin.auth.permission_denied``: back to the dashboard with
"Sorry, you do not have permission…") is reached after its view has left the user's language,
so the message followed the browser's; ``install`` makes it speak the admin language too.
"""

from django.shortcuts import render
from django.utils import translation
from django.views.defaults import permission_denied as django_permission_denied
from wagtail.admin import auth as wagtail_auth
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from .permissions import working_locale_ids

ADMIN_PREFIX = "/admin/"


_wagtail_permission_denied = wagtail_auth.permission_denied


def admin_language(user) -> str:
    if not user.is_authenticated:
        return translation.get_language()
    return UserProfile.get_for_user(user).get_preferred_language() or translation.get_language()


def wagtail_permission_denied_in_admin_language(request):
    """``wagtail.admin.auth.permission_denied``, its message in the user's admin language."""
    with translation.override(admin_language(request.user)):
        return _wagtail_permission_denied(request)


def install():
    """Called from TranslationConfig.ready(); ``require_admin_access`` looks the name up at call time."""
    wagtail_auth.permission_denied = wagtail_permission_denied_in_admin_language


def permission_denied(request, exception=None):
    """``handler403``: the admin's own refusal page for admin users, Django's elsewhere."""
    user = getattr(request, "user", None)
    in_admin = request.path.startswith(ADMIN_PREFIX) and user is not None
    if not in_admin or not user.has_perm("wagtailadmin.access_admin"):
        return django_permission_denied(request, exception)
    allowed = working_locale_ids(user)
    with translation.override(admin_language(user)):
        working_locales = (
            [locale.get_display_name() for locale in Locale.objects.filter(pk__in=allowed)] if allowed else []
        )
        return render(
            request,
            "translation/permission_denied.html",
            {"working_locales": working_locales},
            status=403,
        )
