from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """Per-language full-text search of the live pages (no admin screens of its own)."""

    name = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
