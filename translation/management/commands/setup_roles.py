"""Create or update the editorial groups; optionally one demo user per role."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.models import Locale

from translation.roles import EDITORS, MODERATORS, Role, all_roles, apply_role

DEMO_USERNAMES = {EDITORS.name: "editor", MODERATORS.name: "moderator"}


def demo_username(role: Role) -> str:
    return DEMO_USERNAMES.get(role.name) or f"translator-{role.language_code}"


# Wagtail's Preferences form requires a first and last name: without them no demo user could
# save a preference (such as the admin's language).
DEMO_NAMES = {EDITORS.name: ("Emma", "Editor"), MODERATORS.name: ("Morgan", "Moderator")}
TRANSLATOR_NAMES = {"fr": ("Françoise", "Traductrice"), "nl": ("Daan", "Vertaler")}


def demo_names(role: Role) -> tuple[str, str]:
    names = DEMO_NAMES.get(role.name) or TRANSLATOR_NAMES.get(role.language_code)
    return names or ("Demo", f"Translator ({role.language_code})")


class Command(BaseCommand):
    help = _("Create or update the groups Editors, one translator group per target language, and Moderators.")

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
        existing = set(Locale.objects.values_list("language_code", flat=True))
        roles = []
        for role in all_roles():
            if role.language_code and role.language_code not in existing:
                self.stdout.write(
                    _("Skipped %(name)s: no locale %(code)s yet (run manage.py add_language %(code)s).")
                    % {"name": role.name, "code": role.language_code}
                )
                continue
            apply_role(role)
            roles.append(role)
            self.stdout.write(
                _("Group ready: %(name)s — %(description)s")
                % {
                    "name": role.name,
                    "description": role.description,
                }
            )
        if demo_users:
            password = password or secrets.token_urlsafe(9)
            for role in roles:
                username = self.create_demo_user(role, password)
                self.stdout.write(
                    _("Demo login: %(username)s / %(password)s (%(role)s)")
                    % {
                        "username": username,
                        "password": password,
                        "role": role.name,
                    }
                )

    def create_demo_user(self, role, password):
        from django.contrib.auth.models import Group
        from wagtail.users.models import UserProfile

        username = demo_username(role)
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.set_password(password)
        user.first_name, user.last_name = demo_names(role)
        user.save()
        user.groups.set([Group.objects.get(name=role.name)])
        # A translator's admin speaks their language from the first login.
        if role.name not in DEMO_USERNAMES:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = role.language_code
            profile.save()
        return username
