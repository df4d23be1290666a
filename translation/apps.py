from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """The translators' workflow: roles, PO files for agencies, the status report."""

    name = "translation"
    verbose_name = _("Translation workflow")

    def ready(self):
        from . import fallback, refusals, submit_form

        fallback.install()
        submit_form.install()
        refusals.install()
