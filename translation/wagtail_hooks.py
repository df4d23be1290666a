"""Admin wiring: the status report under Reports, and snippets confined to a user's locales."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from . import alias_editor, deletion, editor_labels, snippet_hooks, work_list, xliff_views
from .glossary_admin import GlossaryViewSet
from .views import TranslationStatusReportView

register_snippet(GlossaryViewSet)

# Run before wagtail-localize's own snippet hooks, which render its translation editor.
hooks.register("before_edit_snippet", snippet_hooks.refuse_other_locale_snippet, order=-10)
hooks.register("before_create_snippet", snippet_hooks.refuse_other_locale_snippet_creation, order=-10)
hooks.register("before_delete_snippet", snippet_hooks.refuse_other_locale_snippet_deletion, order=-10)
# Before wagtail-localize's: its editor opens on a fallback alias, and never publishes half a translation.
hooks.register("before_edit_page", alias_editor.before_edit_page, order=-10)
hooks.register("construct_translated_pages_to_cascade_actions", deletion.translations_to_delete_with)
hooks.register("before_delete_page", deletion.before_delete_page)
hooks.register("after_delete_page", deletion.after_delete_page)
hooks.register("insert_editor_js", editor_labels.editor_labels_js)


@hooks.register("register_admin_urls")
def register_status_report_urls():
    return [
        path("reports/translation-status/", TranslationStatusReportView.as_view(), name="translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_results",
        ),
        path("translation/xliff/", xliff_views.xliff_index, name="translation_xliff"),
        path("translation/work/", work_list.work_list_view, name="translation_work_list"),
    ]


class StatusReportMenuItem(MenuItem):
    """Shown to everyone who can use the admin: translators need the report most."""

    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return StatusReportMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="site", order=800
    )


@hooks.register("register_reports_menu_item")
def register_xliff_menu_item():
    return StatusReportMenuItem(
        _("XLIFF files"), reverse("translation_xliff"), icon_name="download", order=810
    )


@hooks.register("register_page_header_buttons")
def xliff_download_button(page, user, view_name, next_url=None):
    """On an English page: the XLIFF page, with this page chosen (translators pick their language)."""
    if page.depth <= 1 or page.locale_id != Locale.get_default().pk:
        return
    url = f"{reverse('translation_xliff')}?page={page.pk}"
    yield Button(_("Download XLIFF…"), url, icon_name="download", priority=90)


@hooks.register("register_admin_menu_item")
def register_work_list_menu_item():
    return StatusReportMenuItem(
        _("My translation work"), reverse("translation_work_list"), icon_name="tasks", order=260
    )
