from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the CMS: health checks, background tasks that survive their worker, backups."""

    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from ops import media_storage

        media_storage.connect_signal_handlers()
