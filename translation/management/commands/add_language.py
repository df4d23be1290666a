"""Add a content language in one step: locale, synchronised tree, translator group."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from translation.roles import apply_role, translators_for


class Command(BaseCommand):
    help = _(
        "Set up a language listed in CONTENT_LANGUAGES: create its locale, keep it synchronised with the "
        "source language (aliases of the whole tree) and create its translator group."
    )

    def add_arguments(self, parser):
        parser.add_argument("language_code", help=_("The language code, e.g. de."))

    def handle(self, *args, language_code, **options):
        configured = [code for code, _name in settings.LANGUAGES]
        if language_code not in configured:
            raise CommandError(
                _(
                    "'%(code)s' is not in CONTENT_LANGUAGES (%(configured)s): "
                    "add it there first, then run this again."
                )
                % {"code": language_code, "configured": ",".join(configured)}
            )
        if language_code == settings.LANGUAGE_CODE:
            raise CommandError(_("'%(code)s' is the source language.") % {"code": language_code})

        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        with transaction.atomic():
            locale, created = Locale.objects.get_or_create(language_code=language_code)
            self.stdout.write(
                (_("Locale created: %(code)s") if created else _("Locale exists: %(code)s"))
                % {"code": language_code}
            )
            synchronisation, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
            if created:
                self.stdout.write(
                    _("New pages in %(source)s now get a %(code)s alias.")
                    % {"source": source.language_code, "code": language_code}
                )
            else:
                # A new LocaleSynchronization queues its own synchronisation when saved.
                synchronisation.sync_trees()
            role = translators_for(language_code)
            apply_role(role)
            self.stdout.write(
                _("Group ready: %(name)s — %(description)s")
                % {"name": role.name, "description": role.description}
            )
        # The synchronisation job is queued when the transaction commits: it runs at once in
        # development, and by `manage.py db_worker` in production.
        self.stdout.write(
            _("Synchronisation with %(source)s queued; %(count)d page(s) in %(code)s so far.")
            % {
                "source": source.language_code,
                "count": Page.objects.filter(locale=locale).count(),
                "code": language_code,
            }
        )
        self.stdout.write(
            _(
                "Next: give translators the group, add %(code)s to the frontend, and translate: "
                "manage.py export_xliff --locale %(code)s --output DIR"
            )
            % {"code": language_code}
        )
