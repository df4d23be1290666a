from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Cross-cutting code: blocks, localisation helpers, the API and commands."""

    name = "cms"
    verbose_name = _("CMS")
