"""Everything of ours that leans on Streamlit's internals, in one place.

Written against Streamlit 1.67.0 (requirements.txt pins it). On an upgrade, read this module
and ui/dutch.py (which rewrites Streamlit's own English words and test ids) first, and run
the tests that guard them:
- tests/browser/test_wizard_browser.py: every page opened as a fresh server's first request
  (the `pages/` quirk below), axe and `lang="nl"` on every page;
- tests/app/test_dutch.py: the Dutch script survives Streamlit's sanitiser.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_entrypoint() -> None:
    """Run through app.py even on a fresh server's first request.

    Streamlit sees our pages/ folder and runs the very first script run of a server process
    in its old multipage mode (pages run directly, without app.py's navigation and sidebar;
    streamlit/streamlit#10276). Our st.navigation call switches that mode off for good; this
    guard makes that first run start over in the right mode. Called first in app.py and, for
    every page file, by ui.nav.run_page before the page's own modules are imported.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
