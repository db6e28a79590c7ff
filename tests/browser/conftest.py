"""Browser tests: Playwright driving Debian's Chromium against the live test server."""

import os

import pytest

from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that
    # fixtures make meanwhile are ordinary blocking calls, not async ones.
    mp = pytest.MonkeyPatch()
    mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    mp.undo()


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command(
        "load_demo_content",
        hostname="localhost",
        port=live_server.thread.port,
        verbosity=0,
    )
    return live_server


@pytest.fixture
def page_at(browser):
    """A new page at a given viewport width; closed after the test."""
    contexts = []

    def open_page(width=1280, height=900, java_script_enabled=True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=java_script_enabled,
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
