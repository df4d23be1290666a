"""Headless preview: the admin's Preview opens the page's language's frontend route.

Clicking Preview stores the unsaved page (wagtail-headless-preview's PagePreview) under a
signed, timestamped token and opens ``PREVIEW_CLIENT_URLS[<page language>]`` with
``?content_type=news.newsarticlepage&token=…``; the frontend then reads the draft from
``/api/v2/preview/`` (cms.api.preview).
"""

from django.conf import settings
from wagtail_headless_preview.models import HeadlessPreviewMixin


class FrontendPreviewMixin(HeadlessPreviewMixin):
    """Previews a page in the frontend of its own language."""

    def get_client_root_url(self, request) -> str:
        code = self.locale.language_code
        root_url = settings.PREVIEW_CLIENT_URLS.get(code) or super().get_client_root_url(request)
        return root_url.rstrip("/") + "/"
