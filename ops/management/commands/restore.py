"""Restore an archive written by `backup` into an empty database and an empty media store.

Then `migrate`: an archive made by older code holds an older schema, and this code must not
run on it (newer code restoring an older backup is the usual case after an upgrade).
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.api.caching import forget_everything
from ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and an empty media store."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by `manage.py backup`.")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(Path(archive))
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=options["verbosity"], stdout=self.stdout)
        forget_everything()  # responses cached before the restore describe other content
        self.stdout.write(
            f"Restored {archive} (made {manifest['created_at']}): the {manifest['database']} database "
            f"and {len(manifest['media'])} media file(s), migrated to this code's schema."
        )
