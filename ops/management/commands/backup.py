"""Write the whole site (database and media) to one archive with a manifest (ops/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="The archive to write (default: backup-<date>.tar.gz here).")

    def handle(self, *args, output=None, **options):
        path = Path(output or f"backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        if path.exists():
            raise CommandError(f"{path} exists already")
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum(entry["size"] for entry in manifest["media"])
        self.stdout.write(
            f"Wrote {path}: the {manifest['database']} database and {len(manifest['media'])} media "
            f"file(s), {size} bytes."
        )
