"""Fixtures shared by the whole suite.

The migrations give every test database the locales en, fr and nl and an English
HomePage as the default site's root, as a real installation has (a process copies the
migrated database when it can: ``tests/migrated_template.py``). ``site`` is the trilingual
site of ``tests/sites.py``, built once per process for the tests that use it
(``tests/shared_data.py``, which also shares the demo content); each test runs in a savepoint inside it.
"""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage
from tests.on_commit import run_on_commit_work

pytest_plugins = ["tests.migrated_template", "tests.shared_data"]


@pytest.fixture
def locales(db):
    """The three content locales by language code."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    """The English home page created by the migrations."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def reset_active_language():
    """LocaleMiddleware leaves a request's language active; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as its own committed transaction, after the data set up so far.

    A test runs in one transaction that never commits, so work a change leaves for its
    commit (cache invalidation, purges) would never run. ``committed(change)`` first runs
    what the set-up left pending, as if it had committed, then the change, then its
    on-commit work.
    """

    def run(change):
        run_on_commit_work()
        with django_capture_on_commit_callbacks(execute=True):
            result = change()
        return result

    return run


def fresh(value):
    """The object as stored now: tests change the instances they are given."""
    if isinstance(value, list):
        return [fresh(item) for item in value]
    return type(value).objects.get(pk=value.pk)


@pytest.fixture
def site(built_site, db):
    """The English pages and snippets of the shared site by name, fresh for each test."""
    return {name: fresh(value) for name, value in built_site.items()}


@pytest.fixture
def people(site, django_user_model):
    """An editor and a moderator in the groups of translation/roles.py."""
    call_command("setup_roles", verbosity=0, stdout=io.StringIO())
    users = {}
    for username, group in (("editor", "Editors"), ("moderator", "Moderators")):
        users[username] = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        users[username].groups.add(Group.objects.get(name=group))
    return users
