"""Shared fixtures. Project root on sys.path so tests import keuzehulp like the app does."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


import os  # noqa: E402

import pytest  # noqa: E402

# Files that start app servers (and a browser) besides tests/browser/.
SERVER_FILES = {"test_proxy.py", "test_workshop_two_servers.py", "test_serve_local.py"}


def pytest_collection_modifyitems(config, items):
    """Under `make test` (pytest -n 2 --dist loadgroup, pytest-xdist): every test that starts app
    servers and a browser runs on one worker, one after another as in a plain run, and the rest
    is shared out beside it. Two browser tests at once would fight over two cores for their
    servers' and Chromium's time; plain `pytest` runs everything in one process as before."""
    for item in items:
        if "browser" in item.path.parts or item.path.name in SERVER_FILES:
            item.add_marker(pytest.mark.xdist_group("servers"))


@pytest.fixture(scope="session", autouse=True)
def _store_in_a_temp_dir(tmp_path_factory):
    """The app's autosave writes to a database of this test run, never to data/ or a configured one
    (servers started by browser tests inherit this environment)."""
    saved = {k: os.environ.get(k) for k in ("KEUZEHULP_DATA_DIR", "KEUZEHULP_DATABASE_URL")}
    os.environ["KEUZEHULP_DATA_DIR"] = str(tmp_path_factory.mktemp("store"))
    os.environ.pop("KEUZEHULP_DATABASE_URL", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def postgres_url():
    """A SQLAlchemy URL of a throwaway PostgreSQL (one cluster per test run)."""
    from tests.pgcluster import MISSING, postgres_bin, throwaway_postgres

    if postgres_bin() is None:
        pytest.skip(MISSING)
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty database on each backend: a SQLite file, or a fresh database in the cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'keuzehulp.sqlite'}"
    import secrets

    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(request.getfixturevalue("postgres_url"))
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(host=base.host, port=base.port, user=base.username, dbname=base.database,
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver per test run: its sync API runs an event loop, and a second
    `sync_playwright()` in the same process fails while the first is open."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright
