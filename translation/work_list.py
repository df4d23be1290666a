"""A translator's work list: what is missing, outdated or partly translated in their language.

The same rows as the status report (``status.collect_rows``), narrowed to the work
left to do, in the order it has waited (oldest first), each with a link straight
into the translation editor. ``send_translation_digest`` mails the same list.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from . import status
from .permissions import working_locale_ids
from .views import translation_edit_url


class Work(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Outdated")
    PARTLY = "partly", _("Partly translated")


@dataclass
class WorkItem:
    """One page or snippet a translator has to work on in one language."""

    row: status.StatusRow
    work: str
    translated: int | None
    total: int | None
    waiting_since: datetime.datetime | None
    edit_url: str | None

    @property
    def work_label(self):
        return Work(self.work).label

    @property
    def title(self):
        return str(self.row.source)

    @property
    def progress(self):
        return f"{self.translated}/{self.total}" if self.total else ""


def work_of(row: status.StatusRow) -> tuple[str | None, int | None, int | None]:
    """What is left to do on ``row``: (kind of work or None, strings translated, strings in all)."""
    if row.state == status.State.CURRENT:
        return None, None, None
    total = translated = None
    if row.translation is not None:
        total, translated = row.translation.get_progress()
    if row.state in (status.State.MISSING, status.State.ALIAS) and not translated:
        return Work.MISSING, translated, total
    if row.state == status.State.DRAFT or (total and translated < total):
        return Work.PARTLY, translated, total
    return Work.OUTDATED, translated, total


def waiting_since(row: status.StatusRow) -> datetime.datetime | None:
    """When the work appeared: the English page's last publication, or the last sync of its text."""
    moments = []
    if isinstance(row.source, Page) and row.source.last_published_at:
        moments.append(row.source.last_published_at)
    if row.translation is not None:
        moments.append(row.translation.source.last_updated_at)
    return max(moments) if moments else None


def locales_of(user):
    """The target locales a user translates into: their own, or every one for the unrestricted."""
    allowed = working_locale_ids(user)
    return [locale for locale in status.target_locales() if allowed is None or locale.pk in allowed]


def work_list(user, locales=None, rows_cache=None) -> list[WorkItem]:
    """``rows_cache`` (language code -> status rows) lets a digest for many users measure each locale once."""
    url_finder = AdminURLFinder(user)
    rows_cache = {} if rows_cache is None else rows_cache
    items = []
    for locale in locales if locales is not None else locales_of(user):
        if locale.language_code not in rows_cache:
            rows_cache[locale.language_code] = status.collect_rows(locale.language_code)
        for row in rows_cache[locale.language_code]:
            work, translated, total = work_of(row)
            if work is None:
                continue
            items.append(
                WorkItem(
                    row, work, translated, total, waiting_since(row), translation_edit_url(row, url_finder)
                )
            )
    # Oldest first; work with no date (snippets never synchronised) comes last.
    never = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return sorted(items, key=lambda item: (item.waiting_since or never, item.title))


def work_list_view(request):
    """Admin › My translation work (``?locale=`` narrows it for someone who works in several)."""
    from django.core.exceptions import PermissionDenied
    from django.template.response import TemplateResponse

    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    locales = locales_of(request.user)
    selected = request.GET.get("locale", "")
    shown = [locale for locale in locales if locale.language_code == selected] if selected else locales
    return TemplateResponse(
        request,
        "translation/work_list.html",
        {
            "page_title": _("My translation work"),
            "items": work_list(request.user, shown),
            "locales": locales,
            "selected_locale": selected,
        },
    )
