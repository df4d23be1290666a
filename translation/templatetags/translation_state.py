"""The translation state of a page in the page explorer, for translators.

An untranslated alias, a half-done translation and one whose English has changed all look like
any live page in Wagtail's explorer; ``page_translation_state`` gives each a label beside
Wagtail's own status, with the same rules as the status report (``status.state_of``).
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Locale

from translation.alias_editor import managed_translation_of
from translation.status import State, state_of

register = template.Library()


def explorer_state(page) -> tuple[str, str] | None:
    """(state, label) for a page in a translated locale, None when there is nothing to flag."""
    if page.depth <= 1 or page.locale_id == Locale.get_default().pk:
        return None
    translation = managed_translation_of(page)
    if translation is not None:
        total, done = translation.get_progress()
        # An alias stays the alias until its translation is complete (alias_editor.py).
        if done < total and (done or not page.alias_of_id):
            return "partial", _("Partly translated: %(done)s of %(total)s") % {"done": done, "total": total}
    if page.alias_of_id:
        return State.ALIAS, _("Alias: shows English")
    if translation is None:
        return None
    source = page.get_translation_or_none(translation.source.locale)
    if source is not None and state_of(source.specific, page, translation, {}) == State.OUTDATED:
        return State.OUTDATED, _("Outdated: the English has changed")
    return None


@register.inclusion_tag("translation/page_translation_state.html")
def page_translation_state(page):
    state = explorer_state(page)
    return {"state": state[0] if state else None, "label": state[1] if state else ""}
