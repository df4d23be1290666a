from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News articles and press releases, their index, topics and media contacts."""

    name = "news"
    verbose_name = _("News")
