"""Browser tests: Playwright drives Debian's /usr/bin/chromium against pytest-django's live server.

Locally, without Chromium, they are skipped with a message; CI sets FOLLOWUP_REQUIRE_BROWSER=1
so a missing browser fails instead. They run in their own pytest pass (`-m browser`), because a
live server needs a transactional database that is emptied after each test.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.publishing.render.pdf import CHROMIUM_ARGS  # the same flags as the PDF printer

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are synchronous and safe here. Restored afterwards, so it never
    # reaches a subprocess of another test.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(chromium, live_server):
    """A factory of pages, each in its own browser context (its own cookies: its own user)."""
    contexts = []

    def make():
        context = chromium.new_context(base_url=live_server.url, locale="en-US")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def registry(transactional_db):
    """The shipped registry and roles; a transactional test starts from an emptied database."""
    from followup.accounts.services import sync_roles
    from followup.program.services import load_program

    load_program()
    sync_roles()
