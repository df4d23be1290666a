from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Preview, coordinated releases, and the invalidation of every cache of the API."""

    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms.api import stored_pages
        from publishing import invalidation, lifecycle

        invalidation.connect_signal_handlers()
        lifecycle.connect_signal_handlers()
        post_migrate.connect(stored_pages.forget_after_migrate, sender=self)
