from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News articles and press releases, their index, topics, media contacts and moderation."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import moderation

        moderation.connect_signal_handlers()
