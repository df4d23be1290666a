"""Coordinated release: publish or schedule a page together with its ready translations.

A press release must appear in English, French and Dutch at the same moment. The release
publishes the latest revision of every ready version in one transaction, or schedules
them all for the same ``go_live_at`` (Wagtail's ``publish_scheduled`` command then
publishes them in the same run). Aliases (untranslated copies) follow the source page
by themselves; a translation with untranslated strings is left as it is.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import Translation


@dataclass
class Version:
    """One language's version of the page and whether it can go out with the release."""

    page: Page
    ready: bool
    reason: str = ""


def translation_progress(version) -> tuple[int, int] | None:
    """(total, translated) strings of the wagtail-localize translation into ``version``'s locale.

    ``None`` for the source page, and for a version written by hand rather than translated.
    """
    translation = Translation.objects.filter(
        source__object_id=version.translation_key, target_locale_id=version.locale_id
    ).first()
    return translation.get_progress() if translation else None


def release_versions(page) -> list[Version]:
    """The page in every language, each marked ready or not with the reason."""
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale_id")
    )
    versions = []
    for version in pages:
        if version.alias_of_id:
            versions.append(
                Version(version, False, _("Not translated: shows the source page until translated."))
            )
        elif version.latest_revision_id is None:
            versions.append(Version(version, False, _("Has no saved revision.")))
        elif progress := translation_progress(version):
            total, done = progress
            if done < total:
                versions.append(Version(version, False, _("%(done)s of %(total)s strings translated.") % {
                    "done": done, "total": total,
                }))  # fmt: skip
            else:
                versions.append(Version(version, True))
        else:
            versions.append(Version(version, True))
    return versions


@transaction.atomic
def release(page, user, go_live_at=None) -> list[Page]:
    """Publish (``go_live_at`` empty or past) or schedule the latest revision of every ready version.

    Every version gets the same ``go_live_at``; an earlier schedule is replaced. Returns
    the released pages.
    """
    if go_live_at is not None and go_live_at <= timezone.now():
        go_live_at = None
    released = []
    for version in release_versions(page):
        if not version.ready:
            continue
        draft = version.page.get_latest_revision_as_object()
        draft.go_live_at = go_live_at
        revision = draft.save_revision(user=user, log_action=False)
        revision.publish(user=user)
        released.append(version.page)
    return released
