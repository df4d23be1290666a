from django.core.management.base import BaseCommand

from sitesearch.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search entry of every live page (PostgreSQL), printing progress."

    def handle(self, *args, **options):
        rebuild(write=self.stdout.write)
