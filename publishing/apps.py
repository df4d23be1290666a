from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Preview, coordinated releases, and the invalidation of every cache of the API."""

    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from publishing import invalidation, lifecycle

        invalidation.connect_signal_handlers()
        lifecycle.connect_signal_handlers()
