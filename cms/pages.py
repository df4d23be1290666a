"""Abstract bases shared by the content apps.

Nothing here has a table of its own: the concrete models live in ``home`` and
``news``. What lives here is the translation contract every page starts from.
"""

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from wagtail.models import Page, TranslatableMixin
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api.frontend_urls import frontend_path, frontend_url


class BasePage(HeadlessPreviewMixin, Page):
    """Every page type of the site; declares what translators see of Page's own fields."""

    # Titles, slugs and SEO text are written per language; menu visibility follows
    # the English page so the navigation has the same shape in every language.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # Headless: the CMS renders no page HTML. Anyone following a page link to the
        # CMS's host (the admin's "View live", an old bookmark) lands on the frontend.
        return redirect(frontend_url(frontend_path(self.url_path, self.locale.language_code)))

    def get_client_root_url(self, request) -> str:
        """Preview opens the frontend of the page's own language (publishing/preview.py has the rest)."""
        code = self.locale.language_code
        root_url = settings.PREVIEW_CLIENT_URLS.get(code) or super().get_client_root_url(request)
        return root_url.rstrip("/") + "/"

    def serve_preview(self, request, preview_mode):
        # The frontend in a frame, or the draft's JSON when no frontend answers.
        from publishing.preview import serve_admin_preview

        return serve_admin_preview(self, request)


class TranslatableOrderable(TranslatableMixin, models.Model):
    """An inline row of a page that is translated along with it (e.g. a chosen topic).

    Rows added in the page editor arrive without a locale; they take the page's, so
    wagtail-localize can swap the chosen snippet for its translation in each locale.
    """

    sort_order = models.IntegerField(null=True, blank=True, editable=False)
    sort_order_field = "sort_order"

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def save(self, *args, **kwargs):
        if not self.locale_id:
            self.locale_id = self.page.locale_id
        super().save(*args, **kwargs)
