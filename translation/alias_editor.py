"""The translation editor for a page that is still the fallback alias.

wagtail-localize shows its editor only once the alias has been turned into a page, which it
does by filling the page with English and publishing it (see ``fallback.py``). Here the
alias stays the alias until its translation is complete, so the editor opens on the alias
itself, and its Publish is refused, with the reason, while strings are missing.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .fallback import is_complete


def managed_translation_of(page):
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def refuse_incomplete_publish(request, translation):
    total, done = translation.get_progress()
    if done < total:
        reason = _("%(done)s of %(total)s strings are translated.") % {"done": done, "total": total}
    else:
        reason = _("A linked snippet or page is not translated into this language yet.")
    messages.error(
        request,
        _(
            "Not published: %(reason)s Readers of this language see the original page, marked as such, "
            "until the translation is complete."
        )
        % {"reason": reason},  # fmt: skip
    )
    return redirect(request.path)


def before_edit_page(request, page):
    """``before_edit_page`` hook, run before wagtail-localize's own."""
    translation = managed_translation_of(page)
    if translation is None:
        return None
    publishing = request.method == "POST" and request.POST.get("action") == "publish"
    if publishing and not is_complete(translation):
        return refuse_incomplete_publish(request, translation)
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        return edit_translation.edit_translation(request, translation, page.specific)
    return None
