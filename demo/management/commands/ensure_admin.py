"""Create (or keep) the local admin login and print it."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local superuser if it is missing, and print the login. For development only."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--password", default=os.environ.get("ADMIN_PASSWORD", "admin"))
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, password, email, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "is_staff": True, "is_superuser": True}
        )
        if created:
            # set_password skips the validators on purpose: this is a local demo login.
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"Created superuser {username!r}."))
        else:
            self.stdout.write(f"Superuser {username!r} already exists; its password is unchanged.")
        self.stdout.write(f"Admin login: username {username!r}, password {password!r} (if unchanged).")
