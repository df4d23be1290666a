"""Deletes leave no ghosts in the other languages.

Wagtail deletes a page's translations with it only when a hook names them (its own
``simple_translation`` app does; we use wagtail-localize). Without it, deleting an English
page left its French translation behind, and turned its Dutch alias into a revision-less
page holding English text. So:

- deleting a source page deletes its translations and aliases in the same decision; the
  confirmation names each one;
- deleting a translation brings back the fallback: the alias of the source page (and of
  each source page below it) takes its place, so readers get the marked English page.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page


def is_source(page: Page) -> bool:
    return page.locale_id == Locale.get_default().pk and not page.alias_of_id


def translations_to_delete_with(pages, action):
    """``construct_translated_pages_to_cascade_actions`` hook: every other-language version."""
    if action != "delete":
        return {}
    return {page: list(page.get_translations()) for page in pages if is_source(page)}


def describe(page: Page) -> str:
    kind = _("untranslated, shows the original") if page.alias_of_id else _("translation")
    return f"{page.locale.get_display_name()}: “{page.get_admin_display_title()}” ({kind})"


def before_delete_page(request, page):
    """Name the versions that go with a source page; remember what a deleted translation covered."""
    if is_source(page):
        versions = list(page.get_translations().select_related("locale"))
        if versions and request.method == "GET":
            messages.warning(
                request,
                _("Deleting this page also deletes it in every other language: %(versions)s.")
                % {"versions": "; ".join(describe(version) for version in versions)},
            )
        return None
    subtree = Page.objects.descendant_of(page, inclusive=True).order_by("path")
    request._deleted_translation_keys = (
        page.locale_id,
        list(subtree.values_list("translation_key", flat=True)),
    )
    return None


def after_delete_page(request, page):
    """A deleted translation gives way to the alias of its source page, subtree included."""
    remembered = getattr(request, "_deleted_translation_keys", None)
    if remembered is None:
        return None
    locale_id, keys = remembered
    locale = Locale.objects.get(pk=locale_id)
    default = Locale.get_default()
    for key in keys:
        source = Page.objects.filter(translation_key=key, locale=default).first()
        if source is None or Page.objects.filter(translation_key=key, locale=locale).exists():
            continue
        source.copy_for_translation(locale, copy_parents=True, alias=True)
    messages.info(
        request,
        _(
            "Readers of this language now see the original page, marked as untranslated, until it is "
            "translated again."
        ),  # fmt: skip
    )
    return None
