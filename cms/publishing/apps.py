from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Connects the frontend cache purges and the news workflow to Wagtail's signals."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from cms import frontend_cache
        from cms.publishing import workflow

        frontend_cache.connect_signal_handlers()
        workflow.connect_signal_handlers()
