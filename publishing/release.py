"""Coordinated release: publish or schedule a page together with its ready translations.

A press release must appear in English, French and Dutch at the same moment. The release
publishes the latest revision of every ready version in one transaction, or schedules
them all for the same ``go_live_at`` (Wagtail's ``publish_scheduled`` command then
publishes them in the same run). Aliases (untranslated copies) follow the source page
by themselves; a translation with untranslated strings stays (or becomes again) the alias,
and complete translations are written from the translation editor's strings.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from translation.fallback import is_complete, restore_fallback
from translation.localization import write_translation


@dataclass
class Version:
    """One language's version of the page and whether it can go out with the release."""

    page: Page
    ready: bool
    reason: str = ""
    translation: Translation | None = None


def managed_translation(version) -> Translation | None:
    """The wagtail-localize translation into ``version``'s locale, or None (source, or written by hand)."""
    return (
        Translation.objects.filter(
            source__object_id=version.translation_key, target_locale_id=version.locale_id
        )
        .select_related("source", "target_locale")
        .first()
    )


def translation_progress(version) -> tuple[int, int] | None:
    """(total, translated) strings of the wagtail-localize translation into ``version``'s locale.

    ``None`` for the source page, and for a version written by hand rather than translated.
    """
    translation = managed_translation(version)
    return translation.get_progress() if translation else None


def release_versions(page) -> list[Version]:
    """The page in every language, each marked ready or not with the reason.

    A translation is judged by the translation editor's current state (its strings), not
    by the page's last saved revision: translators fill strings and never save a revision.
    """
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale_id")
    )
    default_locale_id = Locale.get_default().pk
    versions = []
    for version in pages:
        translation = managed_translation(version) if version.locale_id != default_locale_id else None
        if translation is not None:
            total, done = translation.get_progress()
            if done < total:
                versions.append(Version(version, False, _("%(done)s of %(total)s strings translated: "
                                                          "shows the source page until translated.") % {
                    "done": done, "total": total,
                }))  # fmt: skip
            elif not is_complete(translation):
                versions.append(Version(version, False, _("A linked snippet or page is not translated yet.")))
            else:
                versions.append(Version(version, True, translation=translation))
        elif version.alias_of_id:
            versions.append(
                Version(version, False, _("Not translated: shows the source page until translated."))
            )
        elif version.latest_revision_id is None:
            versions.append(Version(version, False, _("Has no saved revision.")))
        else:
            versions.append(Version(version, True))
    return versions


@transaction.atomic
def release(page, user, go_live_at=None) -> list[Page]:
    """Publish (``go_live_at`` empty or past) or schedule every ready version.

    The source page goes first; each complete translation is then written from its strings
    (so the text published is the translation editor's, whatever revision was saved last).
    Versions that are not ready keep, or get back, the fallback alias, so readers of that
    language see the marked source page rather than nothing. Every version gets the same
    ``go_live_at``; an earlier schedule is replaced. Returns the released pages.
    """
    if go_live_at is not None and go_live_at <= timezone.now():
        go_live_at = None
    released = []
    default_locale_id = Locale.get_default().pk
    # The source first: the translations' aliases follow it, and restore_fallback copies it.
    versions = sorted(release_versions(page), key=lambda version: version.page.locale_id != default_locale_id)
    for version in versions:
        if not version.ready:
            never_published = not version.page.alias_of_id and not version.page.live
            if never_published and version.page.locale_id != default_locale_id:
                restore_fallback(version.page)
            continue
        if version.translation is not None:
            write_translation(version.translation.source, version.translation.target_locale, user=user,
                              publish=False)  # fmt: skip
        draft = Page.objects.get(pk=version.page.pk).get_latest_revision_as_object()
        draft.go_live_at = go_live_at
        revision = draft.save_revision(user=user, log_action=False)
        revision.publish(user=user)
        released.append(version.page)
    return released
