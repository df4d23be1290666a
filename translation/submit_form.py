"""wagtail-localize's "Translate this page" form offers only the locales the user may translate into.

Its ``SubmitTranslationForm`` lists every locale without a translation. Editors of the source's
language keep that choice (they send work to every translator); a translator taking up an
alias sees only their own language, so neither a Dutch checkbox nor "Select all" is offered
to a French translator. A choice outside the list is then an ordinary form error.
"""

from django import forms
from wagtail_localize.views.submit_translations import SubmitTranslationView

from .permissions import user_can_work_in_locale, working_locale_ids

_original_get_form = SubmitTranslationView.get_form


def restrict_to_permitted_locales(form, user, source):
    allowed = working_locale_ids(user)
    if allowed is None or user_can_work_in_locale(user, source.locale_id):
        return form
    field = form.fields["locales"]
    field.queryset = field.queryset.filter(pk__in=allowed)
    if field.queryset.count() < 2:
        form.fields["select_all"].widget = forms.HiddenInput()
    return form


def get_permitted_form(self):
    """``SubmitTranslationView.get_form`` with the locales narrowed to the user's."""
    return restrict_to_permitted_locales(_original_get_form(self), self.request.user, self.object)


def install():
    """Called from TranslationConfig.ready()."""
    SubmitTranslationView.get_form = get_permitted_form
