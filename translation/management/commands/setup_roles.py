"""Create or update the editorial groups; optionally one demo user per role."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from news.moderation import MODERATORS_GROUP_NAME
from translation.roles import ROLES, apply_role

DEMO_USERNAMES = {
    "Editors": "editor",
    "French translators": "translator-fr",
    "Dutch translators": "translator-nl",
    MODERATORS_GROUP_NAME: "moderator",
}
# Wagtail's Preferences form requires a first and last name: without them no demo user could
# save a preference (such as the admin's language).
DEMO_NAMES = {
    "Editors": ("Emma", "Editor"),
    "French translators": ("Françoise", "Traductrice"),
    "Dutch translators": ("Daan", "Vertaler"),
    MODERATORS_GROUP_NAME: ("Morgan", "Moderator"),
}
DEMO_ADMIN_LANGUAGE = {"French translators": "fr", "Dutch translators": "nl"}


class Command(BaseCommand):
    help = _("Create or update the groups Editors, French translators, Dutch translators and Moderators.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help=_("Also create one demo user per role and print its login."),
        )
        parser.add_argument(
            "--password",
            help=_("Password for the demo users (default: a new random one, printed)."),
        )

    def handle(self, *args, demo_users=False, password=None, **options):
        for role in ROLES:
            apply_role(role)
            self.stdout.write(
                _("Group ready: %(name)s — %(description)s")
                % {
                    "name": role.name,
                    "description": role.description,
                }
            )
        if demo_users:
            password = password or secrets.token_urlsafe(9)
            for role in ROLES:
                username = self.create_demo_user(role.name, password)
                self.stdout.write(
                    _("Demo login: %(username)s / %(password)s (%(role)s)")
                    % {
                        "username": username,
                        "password": password,
                        "role": role.name,
                    }
                )

    def create_demo_user(self, group_name, password):
        from django.contrib.auth.models import Group
        from wagtail.users.models import UserProfile

        username = DEMO_USERNAMES[group_name]
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.set_password(password)
        user.first_name, user.last_name = DEMO_NAMES[group_name]
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
        # A translator's admin speaks their language from the first login.
        if group_name in DEMO_ADMIN_LANGUAGE:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = DEMO_ADMIN_LANGUAGE[group_name]
            profile.save()
        return username
