"""Which locales a user may work in, derived from Wagtail's own page permissions.

A group's page permissions are granted on the home page of one locale (see
``roles.py``), so the locales of those pages are the locales its members work in.
Snippets and wagtail-localize's translation views have no per-locale permission of
their own; the hooks and middleware in this app apply the same rule to them.
"""

from wagtail.models import GroupPagePermission, Locale

WORKING_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def working_locale_ids(user):
    """The ids of the locales ``user`` may edit in, or None when they are not limited to any.

    Superusers, and groups holding a permission on the tree root (every locale), are not
    limited. A user with no page permission at all is not limited here either: Wagtail's
    model permissions already decide what they can do, and nothing ties them to a locale.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    grants = GroupPagePermission.objects.filter(
        group__user=user,
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=WORKING_PAGE_PERMISSIONS,
    ).select_related("page")
    locale_ids = set()
    for grant in grants:
        if grant.page.depth == 1:
            return None
        locale_ids.add(grant.page.locale_id)
    return locale_ids or None


def user_can_work_in_locale(user, locale: Locale | int) -> bool:
    """True if ``user`` may create, edit, translate or publish content in ``locale``."""
    allowed = working_locale_ids(user)
    if allowed is None:
        return user.is_authenticated
    locale_id = locale if isinstance(locale, int) else locale.pk
    return locale_id in allowed
