"""Keuzehulp duaal inburgeren: navigation over the wizard steps and the shared sidebar."""

import streamlit as st

from ui import memory, nav, state, urlstate
from ui.sidebar import render_sidebar
from ui.widgets import number_range_css

# Streamlit has no setting for the language of its own hints; these say them in Dutch. The
# English text is hidden (display: none, so not read out either) and the Dutch text is generated
# content on a visible neighbour, which browsers show and screen readers read. The upload
# button keeps its English word for screen readers only: axe does not count generated content
# as a button's name, and a button without one is a barrier.
DUTCH_STREAMLIT_TEXTS = """
[data-testid='InputInstructions'] > span:first-child { display: none; }
[data-testid='InputInstructions']::before { content: "Druk op Enter om te bevestigen"; }
[data-testid='stTextArea'] [data-testid='InputInstructions']::before {
  content: "Klik buiten het vak of druk op Ctrl+Enter om te bevestigen"; }
[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
[data-testid='stFileUploaderDropzone'] button span[data-has-shortcut]::after {
  content: "Kies een bestand"; font-size: 0.875rem; }
[data-testid='stFileUploaderDropzoneInstructions'] span { display: none; }
[data-testid='stFileUploaderDropzoneInstructions'] > div::after {
  content: "Een JSON-bestand van hoogstens 1 MB"; font-size: 0.875rem; }
[data-testid='stFileChip'][aria-invalid='true'] { flex-wrap: wrap; }
[data-testid='stFileChip'][aria-invalid='true']::after { flex-basis: 100%; font-size: 0.875rem;
  content: "Dit bestand kan niet worden geopend: kies een opgeslagen sessie (.json) van hoogstens 1 MB."; }
"""

nav.ensure_entrypoint()
state.run_began()  # widget callbacks have run: downloads built from now on see their input
# No page_icon: a Material icon there is fetched from fonts.gstatic.com (an outbound request).
st.set_page_config(page_title="Keuzehulp duaal inburgeren", layout="wide")

# Announce the page language as Dutch (Streamlit serves <html lang="en">). A constant script,
# no user text, no request.
st.html('<script>document.documentElement.lang = "nl";</script>', unsafe_allow_javascript=True)
# Less empty space above the title (on a projector every line counts), and long toggle
# questions wrap instead of being cut off with "...".
st.html("""<style>
[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }
[data-testid='stCheckbox'] .stMarkdownEllipsis,
[data-testid='stCheckbox'] .stMarkdownEllipsis p { white-space: normal; overflow: visible; text-overflow: clip; }
""" + DUTCH_STREAMLIT_TEXTS + number_range_css() + "</style>")

# No icon on st.Page: it becomes the tab's favicon, fetched from fonts.gstatic.com. The sidebar
# route draws the icons with the bundled font instead.
pages = [st.Page(p.path, title=p.title, url_path=p.url_path, default=(i == 0))
         for i, p in enumerate(nav.PAGES)]
current = st.navigation(pages, position="hidden")

urlstate.load_once()
nav.visit(current.title)
render_sidebar()
urlstate.show_warnings()
urlstate.sync()
memory.freeze_long_lived()  # once per process: keeps the per-click garbage collection short
current.run()
