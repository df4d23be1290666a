"""The real-browser suite: Debian's Chromium driven by Playwright against a live server.

Run with ``make test-browser`` (never part of ``make test``). The live server is
pytest-django's, in this process, on a test database; the browser is /usr/bin/chromium,
never a downloaded one. A failing test leaves a screenshot in tests/browser/screenshots/.
"""

import os
from pathlib import Path

import pytest

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
    for context in contexts:
        context.close()


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
