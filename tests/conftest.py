"""Fixtures shared by the whole suite.

The migrations give every test database the locales en, fr and nl and an English
HomePage as the default site's root, as a real installation has. ``site`` is the
trilingual site of ``tests/sites.py``, built once for the modules that use it (they run
first) and rolled back before the others; each test runs in a savepoint inside that and
is rolled back to the built site.
"""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from home.models import HomePage
from tests.sites import build_site


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


def run_on_commit_work():
    """Run what the transaction so far left for its commit, as if it had committed."""
    connection = transaction.get_connection()
    # On-commit work may leave more of its own (e.g. a deferred publish): run it all.
    while connection.run_on_commit:
        pending, connection.run_on_commit = connection.run_on_commit, []
        for _savepoints, callback, _robust in pending:
            callback()


class SharedSite:
    """The trilingual site, built at most once for a run of consecutive modules that use it.

    Building it costs thousands of queries, so the tests that use it run first (see
    ``pytest_collection_modifyitems``) and share one build inside one open transaction;
    it is rolled back before the first test that does not use it, so such tests start
    from the migrated database as before.
    """

    def __init__(self):
        self.built = None
        self.transaction = None
        self.blocker = None

    def get(self, django_db_blocker):
        if self.built is None:
            self.blocker = django_db_blocker
            django_db_blocker.unblock()
            self.transaction = transaction.atomic()
            self.transaction.__enter__()
            locales = {locale.language_code: locale for locale in Locale.objects.all()}
            self.built = build_site(HomePage.objects.get(locale__language_code="en"), locales)
            run_on_commit_work()
        return self.built

    def discard(self):
        if self.built is None:
            return
        transaction.set_rollback(True)
        self.transaction.__exit__(None, None, None)
        self.blocker.restore()
        self.built = self.transaction = self.blocker = None


shared_site = SharedSite()


def uses_the_site(item):
    return "built_site" in item.fixturenames


def reloads_rows(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Order the tests so that the shared site is built as few times as possible.

    Modules whose tests all use it come first, then modules where only some do (their
    other tests first), then modules that do not use it; otherwise the order is kept.
    Tests that reload the migrated rows (``serialized_rollback``) go before every other
    transactional test: one that empties the database without them makes Django recreate
    content types and permissions under new ids, which the reloaded rows then collide with.
    This runs before pytest-django's own ordering, whose stable sort then moves the
    transactional tests (which empty the database) after all the others.
    """
    modules = {}
    for item in items:
        modules.setdefault(item.module, []).append(item)
    order = {module: position for position, module in enumerate(modules)}

    def rank(module):
        using = [uses_the_site(item) for item in modules[module]]
        return 0 if all(using) else 1 if any(using) else 2

    items.sort(
        key=lambda item: (not reloads_rows(item), rank(item.module), order[item.module], uses_the_site(item))
    )


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    """Roll the shared site back before a test that does not use it sets anything up.

    A transactional test with ``serialized_rollback`` reloads the migrated database's rows
    in its set-up, in no particular order; wagtail-localize's receiver that synchronises a
    tree when a ``LocaleSynchronization`` is saved would read a locale not reloaded yet
    (and the trees it would build are among the rows being reloaded), so it is off then.
    """
    if not uses_the_site(item):
        shared_site.discard()
    if reloads_rows(item):
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        yield
    finally:
        if reloads_rows(item):
            post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


@pytest.fixture(scope="session", autouse=True)
def roll_back_the_shared_site_last(django_db_setup):
    """The shared site's transaction ends before the test database is destroyed."""
    yield
    shared_site.discard()


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    """The trilingual site for the module's tests (shared with the modules before it)."""
    return shared_site.get(django_db_blocker)


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
