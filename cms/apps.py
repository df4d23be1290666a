from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Cross-cutting code: blocks, localisation helpers, the API and commands."""

    name = "cms"
    verbose_name = _("CMS")

    def ready(self):
        from cms.api.caching import connect_signal_handlers

        # The API's cached responses are dropped on any content change, from any process.
        connect_signal_handlers()
