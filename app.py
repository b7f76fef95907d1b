"""Keuzehulp duaal inburgeren: navigation over the wizard steps and the shared sidebar."""

import streamlit as st

from ui.streamlit_adapter import apply_dutch, ensure_entrypoint

ensure_entrypoint()  # before the app's own modules load: a fresh server's first run restarts at once

from ui import autosave, memory, nav, pagechange, state, urlstate  # noqa: E402
from ui.sidebar import render_sidebar  # noqa: E402

state.run_began()  # widget callbacks have run: downloads built from now on see their input
# No page_icon: a Material icon there is fetched from fonts.gstatic.com (an outbound request).
st.set_page_config(page_title="Keuzehulp duaal inburgeren", layout="wide")

# Less empty space above the title (on a projector every line counts), long toggle questions
# wrap instead of being cut off with "...", and a printed page (Menu > Afdrukken) is the
# content alone, without sidebar, toolbar and buttons.
st.html("""<style>
[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }
[data-testid='stCheckbox'] .stMarkdownEllipsis,
[data-testid='stCheckbox'] .stMarkdownEllipsis p { white-space: normal; overflow: visible; text-overflow: clip; }
@media print {
  [data-testid='stSidebar'], [data-testid='stHeader'], [data-testid='stDownloadButton'],
  [data-testid='stBaseButton-primary'] { display: none !important; }
  [data-testid='stMain'] { margin-left: 0 !important; }
  [data-testid='stMainBlockContainer'] { max-width: 100% !important; padding: 0 1rem !important; }
}
</style>""")
apply_dutch()  # page language, Streamlit's own hints and screen-reader labels in Dutch
pagechange.apply()  # a new page (or slide) starts at the top; a phone's menu closes

# No icon on st.Page: it becomes the tab's favicon, fetched from fonts.gstatic.com. The sidebar
# route draws the icons with the bundled font instead.
pages = [st.Page(p.path, title=p.title, url_path=p.url_path, default=(i == 0))
         for i, p in enumerate(nav.PAGES)]
current = st.navigation(pages, position="hidden")

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
