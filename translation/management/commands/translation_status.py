"""Print the translation status report: per locale, per section, and (optionally) per item."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translation import glossary, status


class Command(BaseCommand):
    help = _("Show how complete each locale's translation is, with the same figures as the admin report.")

    def add_arguments(self, parser):
        parser.add_argument("--locale", help=_("Only this locale (language code, e.g. fr)."))
        parser.add_argument("--section", help=_("Only this section (its English title)."))
        parser.add_argument("--items", action="store_true", help=_("List every page and snippet too."))

    def handle(self, *args, locale=None, section=None, items=False, **options):
        if locale and not status.target_locales(locale):
            raise CommandError(_("Unknown target locale: %(locale)s") % {"locale": locale})
        rows = status.collect_rows(locale, section)
        states = list(status.State)

        self.stdout.write(_("Per locale"))
        for code, summary in status.by_locale(rows).items():
            self.stdout.write(self.summary_line(code, summary, states))
        self.stdout.write("")
        self.stdout.write(_("Per section"))
        for (code, section_title), summary in status.by_locale_and_section(rows).items():
            self.stdout.write(self.summary_line(f"{code} {section_title}", summary, states))
        violations = glossary.violations(status.target_locales(locale))
        self.stdout.write("")
        self.stdout.write(
            _("Terminology: %(count)d string(s) without a required term") % {"count": len(violations)}
        )
        for violation in violations:
            columns = (violation.locale, violation.title, violation.path, violation.message)
            columns += (violation.translated,)
            self.stdout.write("\t".join(columns))
        if items:
            self.stdout.write("")
            for row in rows:
                self.stdout.write(
                    f"{row.locale.language_code}\t{row.state}\t{row.kind}\t{row.section}\t{row.source}"
                )

    def summary_line(self, label, summary, states):
        counts = "  ".join(f"{state.value}={summary.count(state)}" for state in states)
        return f"{label}: {summary.percent_current}% {_('current')}  {counts}"
