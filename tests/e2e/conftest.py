"""Real-browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) — no browser download."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("MINZHENG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# Playwright's sync API runs an event loop in this thread; Django's ORM (used by fixtures) refuses to run
# inside one unless told it is safe — it is here, the server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run scripts/install-system-packages.sh (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


from tests.e2e.demo_world import demo_pages, demo_server, demo_world  # noqa: E402,F401  (shared page-check fixtures)


def pytest_collection_modifyitems(config, items):
    # The demo world lives in the test database for the rest of the session (a live server reads it), so the
    # tests that use it run last: no other test sees its rows, and no transactional test empties it early.
    items.sort(key=lambda item: "demo_world" in getattr(item, "fixturenames", ()))
