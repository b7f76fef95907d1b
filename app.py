"""Keuzehulp duaal inburgeren: navigation over the wizard steps and the shared sidebar."""

import streamlit as st

from ui.streamlit_adapter import apply_dutch, apply_page_change, ensure_entrypoint, page_css

ensure_entrypoint()  # before the app's own modules load: a fresh server's first run restarts at once

from ui import autosave, memory, nav, state, urlstate  # noqa: E402
from ui.sidebar import render_sidebar  # noqa: E402

state.run_began()  # widget callbacks have run: downloads built from now on see their input
# No page_icon: a Material icon there is fetched from fonts.gstatic.com (an outbound request).
st.set_page_config(page_title="Keuzehulp duaal inburgeren", layout="wide")

st.html(page_css())  # less space above the title, wrapping toggles, print without chrome
apply_dutch()  # page language, Streamlit's own hints and screen-reader labels in Dutch
apply_page_change()  # a new page (or slide) starts at the top; a phone's menu closes

# No icon on st.Page: it becomes the tab's favicon, fetched from fonts.gstatic.com. The sidebar
# route draws the icons with the bundled font instead.
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
