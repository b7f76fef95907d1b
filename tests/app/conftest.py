"""AppTest fixture: a fresh app per test (helpers in wizard_helpers.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from wizard_helpers import (  # noqa: F401 - re-exported for tests that import from conftest
    APP,
    STEP_PAGES,
    fill_in,
    fresh_app,
    open_page,
    page_text,
    set_field,
)


@pytest.fixture
def app() -> AppTest:
    return fresh_app().run()
