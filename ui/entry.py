"""Every script run of the app: navigation over the wizard steps and the shared sidebar.

app.py calls `run()` after its entry-point guard. The work lives here, in a module, and not in
app.py itself: a module is compiled once per process, while Streamlit's test runner (AppTest,
the page tests and bench/pages.py) compiles the entry script again on every run.
"""

from __future__ import annotations

import streamlit as st

from ui.kit import memory, nav
from ui.kit.streamlit_adapter import apply_page_setup
from ui.session import autosave, state, urlstate
from ui.shell.sidebar import render_sidebar


def run() -> None:
    state.run_began()  # widget callbacks have run: downloads built from now on see their input
    # No page_icon: a Material icon there is fetched from fonts.gstatic.com (an outbound request).
    st.set_page_config(page_title="Keuzehulp duaal inburgeren", layout="wide")

    # One constant element: less space above the title, wrapping toggles, print without chrome;
    # page language, Streamlit's own hints and screen-reader labels in Dutch; a new page (or
    # slide) starts at the top and a phone's menu closes.
    apply_page_setup()

    # No icon on st.Page: it becomes the tab's favicon, fetched from fonts.gstatic.com. The
    # sidebar route draws the icons with the bundled font instead.
    pages = {p.path: st.Page(p.path, title=p.title, url_path=p.url_path, default=(i == 0))
             for i, p in enumerate(nav.PAGES)}
    current = st.navigation(list(pages.values()), position="hidden")
    nav.remember_pages(pages)  # links to these pages use them (no path lookup on disk per link)

    participant = nav.is_participant_page(current.title)  # a phone in a live workshop: no sidebar, no session
    if not participant:
        autosave.restore_once()  # first run of a tab: the session saved under ?sessie=... in the address
        urlstate.load_once()
        nav.visit(current.title)
        autosave.save_if_changed()  # what the widget callbacks changed, before the sidebar says "opgeslagen"
        render_sidebar()
        urlstate.show_warnings()
        urlstate.sync()
        autosave.keep_key_in_address()
    memory.freeze_long_lived()  # once per process: keeps the per-click garbage collection short
    current.run()
    if not participant:
        autosave.save_if_changed()  # what the page itself changed (an upload, a mark)
