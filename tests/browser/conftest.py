"""Browser fixtures: one real app server per test session, headless Chromium from Debian.

Without /usr/bin/chromium the browser tests are skipped locally (with the reason), but they
fail in CI (CI=true), where the browser must be there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .server import CHROMIUM, CHROMIUM_ARGS, ROOT, Server

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
VIEWPORT = {"width": 1280, "height": 800}  # a projector's resolution


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        return  # let the browser fixture fail loudly
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found; the browser tests need Debian's chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    srv = Server("app.py")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser(playwright_driver):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing (CI=true): install Debian's chromium")
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


class RequestLog:
    """Every URL the page asked for; the app must not talk to anything but itself."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def outside(self) -> list[str]:
        return [u for u in self.urls
                if urlparse(u).scheme in ("http", "https", "ws", "wss")
                and urlparse(u).hostname not in LOCAL_HOSTS]


@pytest.fixture
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser, requests_seen, tmp_path):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="nl-NL")
    context.on("request", requests_seen.record)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def room(tmp_path_factory):
    """A workshop room (tests/browser/room.py): a server with its own store, open to the room."""
    from .room import open_room

    opened = open_room(tmp_path_factory.mktemp("room-store"))
    yield opened
    opened.server.stop()
    opened.store.close()
