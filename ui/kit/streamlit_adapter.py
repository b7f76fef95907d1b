"""Everything of ours that leans on Streamlit's internals or on its English words, in one place.

Written against Streamlit 1.67.0 (requirements.txt pins it). On an upgrade, read this module
first and run the tests that guard it:
- tests/browser/test_wizard_browser.py: every page opened as a fresh server's first request
  (the `pages/` quirk of ensure_entrypoint), axe and `lang="nl"` on every page, and Streamlit's
  own words in Dutch (typing hints, the file uploader, screen-reader labels, the page-not-found
  dialog, the partners' multiselect with its "Select all", a chart's toolbar);
- tests/browser/test_connection_browser.py: the connection-lost dialog and status in Dutch;
- tests/app/test_dutch.py: the Dutch and page-change scripts survive Streamlit's sanitiser;
- tests/browser/test_route_browser.py: a new page or slide starts at the top, a phone's menu
  closes (the page-change script);
- tests/browser/test_slides_browser.py and test_votes_browser.py: the slides on a projector
  and the participants' page on a phone, without sidebar or header (the layout CSS on test ids);
- tests/test_architecture.py: no other module imports Streamlit's internals or spells one of
  its test ids.

1. ensure_entrypoint: a Streamlit internal (PagesManager) set from one place.
2. Streamlit's own words, said in Dutch. Streamlit has no setting for the language of its
   interface. Its visible hints are replaced by constant CSS (on its test ids): the English is
   hidden (display: none, so not read out either) and the Dutch is generated content on a
   visible neighbour, which browsers show and screen readers read. The upload button keeps its
   English word for screen readers only: axe does not count generated content as a button's
   name, and a button without one is a barrier. One constant script with a MutationObserver
   sets the page language to Dutch and rewrites the rest: aria-labels ("Help for …",
   "Decrement", a table's or chart's toolbar and its tooltips), placeholders and Streamlit's own sentences by their exact English text (skip link, menu,
   page-not-found dialog, screen-reader alerts, the connection-lost dialog and status, the
   choices of a multiselect or selectbox). On the participants' page (/stemmen) the
   connection-lost dialog names no command: it says to tell the facilitator. Neither the CSS nor the script holds user text.
3. Streamlit's page structure (in ui/kit/streamlit_layout.py, re-exported here): every CSS rule
   and script that finds Streamlit's parts by their test ids (`data-testid`), as small functions the pages call with their own keys and sizes:
   page_css (every page, print), hide_chrome_css, full_height_main_css, narrow_main_css,
   to_bottom_css, selectbox_text_css, chart_full_width_css, radio_question_css,
   radio_options_css, radio_targets_css, checkbox_label_css, and the page-change script (PAGE_CHANGE_SCRIPT: a new page starts at the
   top, a phone's menu closes). apply_page_setup draws page_css, the Dutch CSS and script and
   the page-change script as one element on every run.
4. A fragment run started by the server (FragmentRun): Streamlit reruns a fragment when its
   browser asks (run_every's timer, a widget in it); it has no public way to rerun one from
   another thread when something changed. FragmentRun asks the session for a rerun of the
   fragment as that timer would (AppSession.request_rerun, on the session's event loop, with
   the session's own address and page: what Streamlit's run-on-save does), and only while the
   session is between runs, so it never folds into the user's own click. Guarded by
   tests/test_workshop_push.py (a vote shows on the facilitator's open page without its
   asking, on SQLite and PostgreSQL) and tests/browser/test_votes_browser.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from string import Template

import streamlit as st
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime import Runtime
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState, get_script_run_ctx

from ui.kit.streamlit_layout import (  # noqa: F401  (section 3, re-exported for the pages)
    PAGE_CHANGE_SCRIPT,
    PHONE_WIDTH,
    WIDE_TABLES,
    chart_full_width_css,
    checkbox_label_css,
    container_box_css,
    full_height_main_css,
    hide_chrome_css,
    narrow_main_css,
    page_css,
    radio_options_css,
    radio_question_css,
    radio_targets_css,
    selectbox_text_css,
    to_bottom_css,
    wide_tables_css,
)


def ensure_entrypoint() -> None:
    """Run through app.py even on a fresh server's first request.

    Streamlit sees our pages/ folder and runs the very first script run of a server process
    in its old multipage mode (pages run directly, without app.py's navigation and sidebar;
    streamlit/streamlit#10276). Our st.navigation call switches that mode off for good; this
    guard makes that first run start over in the right mode. Called first in app.py and, for
    every page file, by ui.kit.nav.run_page before the page's own modules are imported.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


# --- Streamlit's own words in Dutch ------------------------------------------------------

CSS = Template("""
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
  content: "Een JSON-bestand van hoogstens $limit"; font-size: 0.875rem; }
[data-testid='stTooltipErrorContent'] [data-testid='stMarkdownContainer'] { display: none; }
[data-testid='stTooltipErrorContent']::after { content: "Dit kan niet. Zie de uitleg hieronder."; }
[data-testid='stFileChip'][aria-invalid='true'] { flex-wrap: wrap; }
[data-testid='stFileChip'][aria-invalid='true']::after { flex-basis: 100%; font-size: 0.875rem;
  content: "Dit bestand kan niet worden geopend: kies een opgeslagen sessie (.json) van hoogstens $limit."; }
""")


@cache
def dutch_css() -> str:
    """The CSS with the upload limit filled in: the largest session file the app opens
    (inputs.parse_json); the browser refuses larger files only above server.maxUploadSize.
    (Imported here, not at the top: ensure_entrypoint must run before the engine loads.)"""
    from keuzehulp.contract.inputs import MAX_SESSION_BYTES

    return CSS.substitute(limit=f"{MAX_SESSION_BYTES // 1024}\u00a0kB")  # no break before the unit

# aria-label -> Dutch; "<name> icon" labels of decorative Material icons are hidden instead (a
# screen reader would say "thumb_up icon"). Streamlit's own sentences -> Dutch, changed in their
# text node (so React keeps its node), never inside Markdown or HTML elements: that is our
# content and the user's. No "<" followed by a letter or "/" may appear inside the script:
# Streamlit's sanitiser (DOMPurify) then drops the whole script.
SCRIPT = r"""<script>
(() => {
  document.documentElement.lang = "nl";  // Streamlit serves the page as English
  if (window.__khDutch) return;
  window.__khDutch = true;
  // Own keys only: a text such as "constructor" or "toString" (a scenario's name in a list) is
  // not a key of these tables, whatever Object.prototype holds.
  const has = (table, key) => key !== null && Object.prototype.hasOwnProperty.call(table, key);
  // The toolbar of a table or chart: its buttons' labels and the tooltips they show.
  const toolbar = {
    "Download as CSV": "Downloaden als CSV-bestand", "Search": "Zoeken", "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten", "Show/hide columns": "Kolommen tonen of verbergen",
  };
  const labels = {
    ...toolbar,
    "Collapse sidebar": "Zijbalk inklappen", "Expand sidebar": "Zijbalk uitklappen",
    "Sidebar": "Zijbalk", "Main menu": "Menu", "Decrement": "Eén lager", "Increment": "Eén hoger",
    "Link to heading": "Link naar dit kopje", "Open": "Openen", "Close": "Sluiten",
    "Dismiss": "Sluiten", "file upload": "Bestand kiezen", "Add files": "Bestand toevoegen",
    "Clear all": "Alles wissen", "Clear value": "Wissen",
    "Copy version to clipboard": "Versie kopiëren",
  };
  const prefixes = [["Help for ", "Uitleg bij "], ["Remove ", "Verwijder "], ["Shortcut ", "Sneltoets "]];
  const RECONNECTING = "De keuzehulp is even niet bereikbaar. Hij probeert steeds opnieuw verbinding " +
    "te maken. Uw werk is bewaard: zodra de verbinding terug is, gaat u verder waar u was.";
  const sentences = {
    "Skip to main content": "Naar de inhoud", "Print": "Afdrukken", "Record screen": "Scherm opnemen",
    "Page not found": "Pagina niet gevonden",
    "The page that you have requested does not seem to exist. Running the app's main page.":
      "Deze pagina bestaat niet (meer). U ziet nu de startpagina.",
    // The connection to the server dropped (restart, network): Streamlit keeps retrying.
    "Connection error": "Verbinding kwijt",
    "Streamlit server is not responding. Are you connected to the internet?": RECONNECTING,
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
      RECONNECTING + " Draait de keuzehulp op deze computer? Start hem dan opnieuw met:",
    "streamlit run yourscript.py": "make run",
    "Connecting to Streamlit server": "Verbinding maken met de keuzehulp",
    "Unable to connect to Streamlit server": "Geen verbinding met de keuzehulp",
    "Connection lost. Please wait for the app to reconnect, then try again.":
      "De verbinding is even weg. Wacht tot de keuzehulp weer verbonden is en probeer het dan opnieuw.",
  };
  // A participant (the phones' page, /stemmen) never reads a developer's command: they cannot
  // restart the app, the person who started it can.
  const participant = () => /\/stemmen\/?$/.test(location.pathname);
  const forParticipants = {
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
      RECONNECTING + " Blijft dit zo? Zeg het dan tegen de begeleider van de workshop.",
  };
  const COMMAND = "streamlit run yourscript.py";
  // Words that are Streamlit's own only inside one of its parts: [where, words, patterns].
  const scoped = [
    // Short words that only mean this in Streamlit's connection status (top right).
    ["[data-testid='stStatusWidget']", {"Connecting": "Verbinden", "Error": "Geen verbinding"}, []],
    // A dropdown's bulk action ("Select all") and its empty state, never an option's label
    // (in Vergelijken the options are the scenarios' names: the user's text).
    ["[data-key^='__select'], [role='listbox'][data-empty='true']",
     {"Select all": "Alles kiezen", "No results": "Niets gevonden"},
     [[/^Select (\d+) matches$/, "Deze $1 kiezen"],
      [/^You can only select up to (\d+) options?\. Remove an option first\.$/,
       "U kunt er hoogstens $1 kiezen. Haal er eerst een weg."]]],
    // What a screen reader announces when a choice list opens.
    ["[data-live-announcer]", {},
     [[/^1 option available\.$/, "1 optie beschikbaar."], [/^(\d+) options available\.$/, "$1 opties beschikbaar."]]],
  ];
  // The placeholder of a multiselect or selectbox that has none of ours.
  const placeholders = {"Choose options": "Kies een of meer", "Choose an option": "Kies er een",
                        "No options to select": "Er is niets om te kiezen"};
  const patterns = [
    [/^Error: Number is outside the allowed range\. Please enter a value between (\S+) and (\S+)\.$/,
     "Fout: dit getal kan niet. Kies een getal van $1 tot en met $2."],
    [/^Error: File must be .+ or smaller\.$/,
     "Fout: dit bestand is te groot voor een opgeslagen sessie."],
  ];
  const content = "[data-testid='stMarkdownContainer'], [data-testid='stHtml']";
  // A sidebar taller than the window scrolls; keyboard users must be able to reach and scroll it.
  // So are our tables that scroll sideways (streamlit_layout.wide_tables_css).
  const scrollers = "[data-testid='stSidebarContent'], [class*='st-key-wide-tables'] table";
  const focusable = (el) => { if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0"); };
  const label = (el) => {
    const placeholder = el.getAttribute("placeholder");
    if (has(placeholders, placeholder)) el.setAttribute("placeholder", placeholders[placeholder]);
    const title = el.getAttribute("title");
    if (has(labels, title)) el.setAttribute("title", labels[title]);
    const value = el.getAttribute("aria-label");
    if (!value) return;
    if (has(labels, value)) { el.setAttribute("aria-label", labels[value]); return; }
    if (/^[a-z_]+ icon$/.test(value)) { el.setAttribute("aria-hidden", "true"); return; }
    for (const [en, nl] of prefixes) {
      if (value.startsWith(en)) { el.setAttribute("aria-label", nl + value.slice(en.length)); return; }
    }
  };
  // Most text on a page is the app's own Dutch: tell it apart by its words alone before asking
  // where it sits (closest() walks up the tree for every text node a rerun adds).
  const scopedWords = new Set(scoped.flatMap(([, words]) => Object.keys(words)));
  const allPatterns = patterns.concat(scoped.flatMap(([, , wordPatterns]) => wordPatterns)).map(([re]) => re);
  const candidate = (value) => has(sentences, value) || has(toolbar, value) || scopedWords.has(value)
    || allPatterns.some((re) => re.test(value));
  const sentence = (node) => {
    const value = node.nodeValue.trim();
    if (!value || !node.parentElement || !candidate(value)) return;
    if (has(toolbar, value) && node.parentElement.closest("[data-testid='stTooltipContent']")) {
      node.nodeValue = toolbar[value];  // a toolbar's tooltip (its text sits in Markdown)
      return;
    }
    if (node.parentElement.closest(content)) return;
    if (participant() && value === COMMAND) {  // the command's own block is hidden
      node.nodeValue = "";
      (node.parentElement.closest("pre") || node.parentElement).hidden = true;
      return;
    }
    let dutch = participant() && has(forParticipants, value) ? forParticipants[value]
      : has(sentences, value) ? sentences[value] : undefined;
    let rules = patterns;
    for (const [where, words, wordPatterns] of scoped) {
      if (dutch === undefined && node.parentElement.closest(where)) {
        dutch = has(words, value) ? words[value] : undefined;
        rules = rules.concat(wordPatterns);
      }
    }
    for (const [english, nl] of rules) {
      if (dutch === undefined && english.test(value)) dutch = value.replace(english, nl);
    }
    if (dutch === "") {  // nothing to say here: the block (the command's box) goes
      const block = node.parentElement.closest("pre") || node.parentElement;
      block.style.display = "none";
    }
    if (dutch !== undefined) node.nodeValue = dutch;
  };
  const fix = (root) => {
    if (root.nodeType === 3) { sentence(root); return; }
    if (root.nodeType !== 1) return;
    label(root);
    root.querySelectorAll("[aria-label], [title], [placeholder]").forEach(label);
    if (root.matches(scrollers)) focusable(root);
    root.querySelectorAll(scrollers).forEach(focusable);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) sentence(node);
  };
  fix(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") label(change.target);
      else if (change.type === "characterData") sentence(change.target);
      else change.addedNodes.forEach(fix);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true,
                             attributes: true, attributeFilter: ["aria-label", "title", "placeholder"]});
})();
</script>"""


@cache
def _page_setup_html() -> str:
    return page_css() + f"<style>{dutch_css()}</style>" + SCRIPT + PAGE_CHANGE_SCRIPT


def apply_page_setup() -> None:
    """Every page's constant CSS and scripts as one element (call once per run, from
    ui/shell/entry.py): page_css, the Dutch CSS and SCRIPT, and PAGE_CHANGE_SCRIPT. One element, not
    four: every rerun sends each element to the browser again, and these never change."""
    st.html(_page_setup_html(), unsafe_allow_javascript=True)


# --- A fragment run started by the server --------------------------------------------------

BUSY_WAIT = 0.03  # the session is running a script: ask again after this many seconds
BUSY_TRIES = 100  # ... this often (3 s); after that the fragment's own timer (run_every) remains


@dataclass(frozen=True)
class FragmentRun:
    """One fragment in one browser tab's session, as notify.Feed's watcher: `alive()` while the
    tab is connected and its page still holds the fragment; `changed()` runs it again now."""

    session_id: str
    fragment_id: str

    @classmethod
    def this(cls) -> FragmentRun | None:
        """The fragment running now (None outside a fragment or a script run)."""
        ctx = get_script_run_ctx(suppress_warning=True)
        if ctx is None:
            return None
        try:
            fragment_id = ThreadState.get().fragment_id
        except RuntimeError:  # no script run has set it up
            return None
        return cls(ctx.session_id, fragment_id) if fragment_id else None

    def _session(self):  # type: ignore[no-untyped-def]
        if not Runtime.exists():
            return None
        return Runtime.instance().get_app_session(self.session_id)  # thread-safe lookup

    def alive(self) -> bool:
        session = self._session()
        return session is not None and session.has_fragment(self.fragment_id)

    def changed(self, needed: Callable[[], bool]) -> None:
        """From any thread: rerun the fragment in its session as soon as the session is idle,
        if it is still `needed()` then (no run of the page has shown the change meanwhile)."""
        session = self._session()
        if session is None:
            return
        try:
            session._event_loop.call_soon_threadsafe(_request, session, self, needed)
        except RuntimeError:
            pass  # the event loop is closed: the server is stopping


# Reruns waiting for their session to be idle, with the newest `needed` of each: one wait per
# fragment however many changes come in meanwhile. Touched on the event loop thread only.
_waiting: dict[FragmentRun, Callable[[], bool]] = {}


def _request(session, run: FragmentRun, needed: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    """On the session's event loop (where the browser's requests are handled too)."""
    waiting = run in _waiting
    _waiting[run] = needed
    if not waiting:
        _rerun_when_idle(session, run, 0)


def _rerun_when_idle(session, run: FragmentRun, tries: int) -> None:  # type: ignore[no-untyped-def]
    if not session.has_fragment(run.fragment_id):
        _waiting.pop(run, None)
        return  # the page was left, or a full run dropped the fragment
    if session._scriptrunner is not None:  # a run is going (or ending): never fold into it
        if tries < BUSY_TRIES:
            session._event_loop.call_later(BUSY_WAIT, _rerun_when_idle, session, run, tries + 1)
        else:
            _waiting.pop(run, None)
        return
    needed = _waiting.pop(run, None)
    if needed is None or not needed():
        return
    state = ClientState()
    state.CopyFrom(session._client_state)  # the address and page of the session's last run
    state.ClearField("widget_states")  # no widget changes: keep every value as it is
    state.fragment_id = run.fragment_id
    state.is_auto_rerun = True  # as the fragment's timer would
    session.request_rerun(state)
