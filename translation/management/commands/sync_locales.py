"""Queue a synchronisation of French and Dutch with English (aliases for untranslated pages)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import LocaleSynchronization


class Command(BaseCommand):
    help = _(
        "Create aliases in each synchronised locale for every English page not yet there (a queued job)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help=_("Only this locale (language code)."))

    def handle(self, *args, locale=None, **options):
        synchronisations = LocaleSynchronization.objects.select_related("locale", "sync_from")
        if locale:
            synchronisations = synchronisations.filter(locale__language_code=locale)
        if not synchronisations:
            raise CommandError(
                _("No locale synchronisation configured for %(locale)s.") % {"locale": locale or "-"}
            )
        with transaction.atomic():
            for synchronisation in synchronisations:
                # wagtail-localize hands the work to WAGTAILLOCALIZE_JOBS, i.e. the task queue.
                synchronisation.sync_trees()
                self.stdout.write(
                    _("Queued: %(target)s from %(source)s")
                    % {
                        "target": synchronisation.locale.language_code,
                        "source": synchronisation.sync_from.language_code,
                    }
                )
