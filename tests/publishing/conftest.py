"""The trilingual site of the API tests, a recording frontend cache, and the editorial roles."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.api.conftest import build_site

__all__ = ["build_site"]


@pytest.fixture
def site(home_page, locales):
    return build_site(home_page, locales)


@pytest.fixture
def people(site, django_user_model):
    """An editor and a moderator in the groups of translation/roles.py."""
    call_command("setup_roles", verbosity=0, stdout=io.StringIO())
    users = {}
    for username, group in (("editor", "Editors"), ("moderator", "Moderators")):
        users[username] = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        users[username].groups.add(Group.objects.get(name=group))
    return users
