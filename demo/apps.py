from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site in English, French and Dutch (``load_demo_content``) and the local admin login."""

    name = "demo"
    verbose_name = _("Demo content")
