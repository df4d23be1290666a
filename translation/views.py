"""The translation status report in the admin (Reports › Translation status)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from . import glossary, status
from .permissions import working_locale_ids


def translation_edit_url(row, url_finder) -> str | None:
    """Where a translator works on this row: the translation (editor) or, if missing, submission."""
    if row.target is not None:
        return url_finder.get_edit_url(row.target)
    if isinstance(row.source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
    meta = row.source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, row.source.pk]
    )


class TranslationStatusReportView(ReportView):
    """Every English page and snippet in every target locale, with its translation state."""

    page_title = _("Translation status")
    header_icon = "site"
    template_name = "translation/status_report.html"
    results_template_name = "translation/status_report_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    paginate_by = 100
    columns = [
        TitleColumn("source", label=_("Title"), get_url=lambda row: row.edit_url, accessor="source"),
        Column("kind", label=_("Type")),
        Column("section", label=_("Section")),
        Column("locale", label=_("Locale"), accessor="locale.get_display_name"),
        Column("state_label", label=_("State")),
    ]
    list_export = ["source", "kind", "section", "locale", "state_label"]
    export_headings = {
        "source": _("Title"),
        "kind": _("Type"),
        "section": _("Section"),
        "locale": _("Locale"),
        "state_label": _("State"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.language_code = self.default_language_code(request)
        self.state = request.GET.get("state") or None
        return super().dispatch(request, *args, **kwargs)

    def default_language_code(self, request):
        """The ?locale= filter; a translator who works in one locale starts filtered to it."""
        if "locale" in request.GET:
            return request.GET["locale"] or None
        locale_ids = working_locale_ids(request.user)
        if locale_ids and len(locale_ids) == 1:
            locale = status.target_locales()
            return next((loc.language_code for loc in locale if loc.pk in locale_ids), None)
        return None

    def get_queryset(self):
        self.all_rows = status.collect_rows(self.language_code)
        url_finder = AdminURLFinder(self.request.user)
        for row in self.all_rows:
            row.edit_url = translation_edit_url(row, url_finder)
        if self.state:
            return [row for row in self.all_rows if row.state == self.state]
        return self.all_rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            locale_summaries=status.by_locale(self.all_rows),
            section_summaries=status.by_locale_and_section(self.all_rows),
            states=status.State,
            locales=status.target_locales(),
            selected_locale=self.language_code or "",
            selected_state=self.state or "",
            glossary_violations=glossary.violations(status.target_locales(self.language_code)),
        )
        return context
