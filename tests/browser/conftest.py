"""Browser tests: Playwright driving Debian's Chromium against the live test server."""

import os

import pytest

from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Live-server tests empty the database; start each from what migrations made.
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back what migrations made (groups, workflow, root collection) after the flush.

    Tests share a worker in any order, so a test after this one must not find the
    database emptied by the live server's flush.
    """
    yield
    # A next browser test restores the data itself as it starts (serialized_rollback).
    if nextitem is None or "tests/browser/" in str(nextitem.fspath):
        return
    from pytest_django.plugin import blocking_manager_key

    from django.db import connections

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


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
