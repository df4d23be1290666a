"""Data that many tests read, built once per test process and shared by the tests that use it.

Two such builds, each costing thousands of queries:

- ``built_site``: the trilingual site of ``tests/sites.py``;
- ``built_demo``: the demo content, loaded twice by ``load_demo_content`` as an editor
  would (the demo tests and the bench generator's test, which generates on top of it).

The tests that use a build run together in each process (site first, then demo, then the
rest, each kind in collection order) and share it in one open transaction; each test runs
in a savepoint inside it. The transaction is rolled back before the first test that does
not use that build, so those start from the migrated database. Under xdist (``make test``),
``SharedDataScheduling`` sends the tests of each build to one worker as one unit and the
other tests by file, so each is built once per run.
"""

import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import (
    LocaleSynchronization,
    StringTranslation,
    Translation,
    TranslationSource,
    sync_trees_on_locale_sync_save,
)
from xdist.scheduler import LoadFileScheduling

from home.models import HomePage
from news.models import MediaContact, NewsArticleTopic, Topic
from tests.on_commit import run_on_commit_work
from tests.sites import build_site


def build_trilingual_site():
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return build_site(HomePage.objects.get(locale__language_code="en"), locales)


def load_demo_content():
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def database_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "contacts": MediaContact.objects.count(),
        "images": get_image_model().objects.count(),
        "article topics": NewsArticleTopic.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


def build_demo_twice():
    """The demo loaded into the migrated database, then loaded again, with what each run did."""
    demo = SimpleNamespace(before=database_counts())
    demo.first_output = load_demo_content()
    demo.after_first = database_counts()
    demo.second_output = load_demo_content()
    demo.after_second = database_counts()
    return demo


class SharedData:
    """One build at a time and the transaction that holds it."""

    BUILDS = {"built_site": build_trilingual_site, "built_demo": build_demo_twice}

    def __init__(self):
        self.name = self.built = self.transaction = self.blocker = None

    def get(self, name, django_db_blocker):
        if self.name != name:
            self.discard()
            self.blocker = django_db_blocker
            django_db_blocker.unblock()
            self.transaction = transaction.atomic()
            self.transaction.__enter__()
            self.built = self.BUILDS[name]()
            self.name = name
            run_on_commit_work()
        return self.built

    def discard(self):
        if self.name is None:
            return
        transaction.set_rollback(True)
        self.transaction.__exit__(None, None, None)
        self.blocker.restore()
        self.name = self.built = self.transaction = self.blocker = None


shared_data = SharedData()


def build_used(item):
    """The name of the shared build the test uses, or None."""
    return next((name for name in SharedData.BUILDS if name in item.fixturenames), None)


def reloads_rows(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    """The trilingual site (built by the first test of the process that asks for it)."""
    return shared_data.get("built_site", django_db_blocker)


@pytest.fixture(scope="module")
def built_demo(django_db_setup, django_db_blocker):
    """The demo content, loaded twice (built by the first test of the process that asks for it)."""
    return shared_data.get("built_demo", django_db_blocker)


@pytest.fixture(scope="session", autouse=True)
def roll_back_the_shared_data_last(django_db_setup):
    """The shared build's transaction ends before the test database is destroyed."""
    yield
    shared_data.discard()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The site's tests first, then the demo's, then the others, each kind in collection order.

    A module with several kinds sets its module fixtures up once per kind, which is
    cheaper than building the data again. Tests that reload the migrated rows (``serialized_rollback``)
    go before every other transactional test: one that empties the database without them
    makes Django recreate content types and permissions under new ids, which the reloaded
    rows then collide with. This runs before pytest-django's own ordering, whose stable sort
    then moves the transactional tests (which empty the database) after all the others.
    """
    kinds = [*SharedData.BUILDS, None]
    items.sort(key=lambda item: (not reloads_rows(item), kinds.index(build_used(item))))
    if hasattr(config, "workerinput"):
        record_builds_used(config.workerinput, items)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    """Roll the shared build back before a test that does not use it sets anything up.

    A transactional test with ``serialized_rollback`` reloads the migrated database's rows
    in its set-up, in no particular order; wagtail-localize's receiver that synchronises a
    tree when a ``LocaleSynchronization`` is saved would read a locale not reloaded yet
    (and the trees it would build are among the rows being reloaded), so it is off then.
    """
    if build_used(item) != shared_data.name:
        shared_data.discard()
    if reloads_rows(item):
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        yield
    finally:
        if reloads_rows(item):
            post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


# Under xdist the controller schedules tests by node id alone, without collecting them, so
# each worker writes which build each test uses into a folder the controller made.


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist") and config.getoption("dist", "no") != "no":
        config.builds_used_folder = tempfile.mkdtemp(prefix="builds-used-")
        # xdist's hooks exist only with xdist loaded (``-p no:xdist`` runs without it).
        config.pluginmanager.register(SharedDataDistribution(), "shared-data-distribution")


def pytest_unconfigure(config):
    if hasattr(config, "builds_used_folder"):
        shutil.rmtree(config.builds_used_folder, ignore_errors=True)


class SharedDataDistribution:
    """xdist's hooks, in the controller."""

    def pytest_configure_node(self, node):
        """Tell a worker where to write."""
        node.workerinput["builds_used_folder"] = node.config.builds_used_folder

    def pytest_xdist_make_scheduler(self, config, log):
        """``--dist loadfile`` as make test runs it, with one more unit per shared build."""
        if config.getoption("dist") == "loadfile":
            return SharedDataScheduling(config, log)
        return None


def record_builds_used(workerinput, items):
    folder = Path(workerinput["builds_used_folder"])
    used = {item.nodeid: build_used(item) for item in items if build_used(item)}
    partial = folder / f"{workerinput['workerid']}.partial"
    partial.write_text(json.dumps(used))
    os.replace(partial, folder / f"{workerinput['workerid']}.json")


class SharedDataScheduling(LoadFileScheduling):
    """xdist's by-file scheduling, except that the tests using a shared build are one unit.

    Units are handed out largest first, so the site's unit (about a fifth of the tests)
    starts at once on one worker while the other works through the files.
    """

    def __init__(self, config, log=None):
        super().__init__(config, log)
        self.folder = Path(config.builds_used_folder)
        self.builds_used = None

    def _split_scope(self, nodeid):
        if self.builds_used is None:  # every worker has collected by the time units are made
            self.builds_used = {}
            for listing in self.folder.glob("*.json"):
                self.builds_used.update(json.loads(listing.read_text()))
        return self.builds_used.get(nodeid) or super()._split_scope(nodeid)
