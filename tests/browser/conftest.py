"""The real-browser suite: Debian's Chromium driven by Playwright against a live server.

Run with ``make test-browser`` (never part of ``make test``). The live server is
pytest-django's, in this process, on a PostgreSQL test database; the browser is
/usr/bin/chromium, never a downloaded one. A failing test leaves a screenshot in
tests/browser/screenshots/.

Every scenario starts from the same site: the trilingual site of ``tests/sites.py``, the
roles with their demo users (password ``demo``) and an ``admin``, built once per session and
kept as a PostgreSQL dump. A live-server test commits for real and its database is emptied
after it, so ``site_live`` restores the dump before each scenario (what the migrations
created, such as the news workflow and wagtail-localize's permissions, included).
"""

import os
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection

# Playwright's sync API keeps an event loop running in the test's thread; the test's own ORM
# calls are still synchronous, so Django's guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


DEMO_PASSWORD = "demo"


def postgres_command(program, *args):
    settings = connection.settings_dict
    command = [program, "-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432)]
    command += ["-U", settings["USER"], "-d", settings["NAME"], *args]
    password = {"PGPASSWORD": settings["PASSWORD"] or ""}
    subprocess.run(command, check=True, capture_output=True, env=os.environ | password)


@pytest.fixture(scope="session", autouse=True)
def site_dump(django_db_setup, django_db_blocker, tmp_path_factory):
    """Build the scenarios' site once in the test database and dump its rows: first of all, while
    the database still holds what the migrations wrote (a live-server test empties it after)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from home.models import HomePage
    from tests.sites import build_site

    if connection.vendor != "postgresql":
        pytest.skip("the browser suite restores its site with pg_restore: run it on PostgreSQL")
    dump = tmp_path_factory.mktemp("site") / "site.dump"
    with django_db_blocker.unblock():
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        build_site(HomePage.objects.get(locale=locales["en"]), locales)
        call_command("setup_roles", demo_users=True, password=DEMO_PASSWORD, verbosity=0)
        get_user_model().objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
        postgres_command(
            "pg_dump", "--data-only", "--format=custom", "--exclude-table=django_migrations", "-f", dump
        )
        # Leave the database as a live-server test leaves it: empty (other browser tests build their own).
        empty_tables()
        yield dump


def empty_tables(attempts=3):
    """TRUNCATE every table; an admin request still finishing in the live server can make
    PostgreSQL pick the TRUNCATE as a deadlock's victim, then it is run again."""
    for attempt in range(attempts):
        try:
            return truncate_tables()
        except OperationalError:
            if attempt == attempts - 1:
                raise


def truncate_tables():
    tables = [name for name in connection.introspection.table_names() if name != "django_migrations"]
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE {} CASCADE".format(", ".join(connection.ops.quote_name(t) for t in tables)))


@pytest.fixture
def site_live(site_dump, live_server, transactional_db):
    """The site as ``site_dump`` built it, committed for the live server; its address."""
    empty_tables()
    postgres_command("pg_restore", "--data-only", "--disable-triggers", "--single-transaction", site_dump)
    cache.clear()
    yield live_server.url
    empty_tables()  # before pytest-django's flush, which would not try again


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for page in getattr(item, "browser_pages", []):
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{item.name}-{id(page)}.png"), full_page=True)


@pytest.fixture
def open_page(browser, request):
    """A new browser page (own cookies); kept for the failure screenshot."""
    contexts = []
    request.node.browser_pages = []

    def open_new(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        request.node.browser_pages.append(page)
        return page

    yield open_new
    # Stop the pages' scripts (the preview panel refreshes itself) before the database is emptied.
    for page in request.node.browser_pages:
        page.goto("about:blank")
    for context in contexts:
        context.close()


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
