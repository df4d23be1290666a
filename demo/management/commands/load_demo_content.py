"""``manage.py load_demo_content``: build or refresh the demo site in English, French and Dutch."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from demo.builder import DemoBuilder
from demo.loader import ContentError, load_content
from demo.report import Report


class Command(BaseCommand):
    """Creates what is missing, updates what differs, and leaves the rest alone."""

    help = gettext_lazy(
        "Create or update the demo pages, topics, media contacts and images, with their French and Dutch "
        "translations. Safe to run again: unchanged objects are left as they are."
    )

    def handle(self, *args, **options):
        try:
            content = load_content()
        except ContentError as error:
            # A mistake in a content file: the message names the file and the key, no traceback needed.
            raise CommandError(str(error)) from None
        verbose = options["verbosity"] >= 1
        report = Report(write=self.stdout.write if verbose else None)
        started = time.monotonic()
        # All or nothing: a failed run (e.g. a missing translation) leaves no half-built site.
        with transaction.atomic():
            DemoBuilder(report, content).build()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                _("%(summary)s in %(seconds).1f s")
                % {
                    "summary": report.summary(),
                    "seconds": elapsed,
                }
            )
        )
