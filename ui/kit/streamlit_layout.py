"""Streamlit's page structure: every CSS rule and script that finds Streamlit's parts by their
test ids (`data-testid`), as small functions the pages call with their own keys and sizes.

Part of the adapter (ui/kit/streamlit_adapter.py re-exports every name, and the pages call them
as `adapter.…`): read both on a Streamlit upgrade. No Streamlit import here: constant strings.
"""

from __future__ import annotations

# CSS and script that find Streamlit's own parts by their `data-testid` (and one of its class
# names). The page modules pass what is theirs: the scope (`.st-key-<our key>`) and the
# declarations; they never spell a test id (tests/test_architecture.py). All constant: no user
# text is ever formatted into these.


def page_css() -> str:
    """Every page: less space above the title (on a projector every line counts), long toggle
    questions wrap instead of being cut off with "...", a multiselect's chosen items wrap onto
    more lines so every one shows, a metric's figure shrinks with the window instead of being cut
    off ("€ 2.310.…" on a laptop beside the sidebar), a link to a page (the route, 'Stop
    presenteren') shows a focus ring when reached with Tab (Streamlit draws only a faint tint:
    WCAG 2.4.7), and a printed page (Menu > Afdrukken) is the content alone, without sidebar,
    toolbar and buttons."""
    return """<style>
[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }
[data-testid='stMetricValue'] { font-size: clamp(1.25rem, 2.4vw, 2.25rem); }
[data-testid='stCheckbox'] .stMarkdownEllipsis,
[data-testid='stCheckbox'] .stMarkdownEllipsis p { white-space: normal; overflow: visible; text-overflow: clip; }
/* A multiselect shows every choice: its chips wrap onto more lines instead of scrolling out of
   sight in one line (three partners showed only "…erkgeversservicepunt (WSP)"). */
[data-testid='stMultiSelect'] [role='group']:has(> [data-testid='stMultiSelectTagsContainer']) {
  height: auto; max-height: none; }
[data-testid='stMultiSelectTagsContainer'] { flex-wrap: wrap; overflow: visible; height: auto;
  mask-image: none; -webkit-mask-image: none; row-gap: 0.25rem; padding-top: 0.25rem; padding-bottom: 0.25rem; }
[data-testid='stMultiSelectTagsContainer'] [data-tag] { max-width: 100%; }
[data-testid='stPageLink-NavLink']:focus-visible { outline: 3px solid #154273; outline-offset: 2px; }
/* A section heading (ui/kit/headings.py): an h2, so no level is skipped below the title, at the
   size of a subheader (h3), as the sections were drawn before. */
[class*='st-key-section-'] h2 { font-size: 1.75rem; padding-top: 0.75rem; }
@media print {
  [data-testid='stSidebar'], [data-testid='stHeader'], [data-testid='stDownloadButton'],
  [data-testid='stBaseButton-primary'] { display: none !important; }
  [data-testid='stMain'] { margin-left: 0 !important; }
  [data-testid='stMainBlockContainer'] { max-width: 100% !important; padding: 0 1rem !important; }
}
</style>"""


def hide_chrome_css() -> str:
    """No sidebar, no sidebar toggles and no header with its toolbar (slides, a phone's vote)."""
    return """[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarNav"] { display: none !important; }
header[data-testid="stHeader"] { display: none !important; }"""


def full_height_main_css(padding: str) -> str:
    """The main area fills the screen's height, its content a column that grows (slides)."""
    return f"""[data-testid="stMainBlockContainer"] {{ padding: {padding}; max-width: 100%; min-height: 100vh;
  box-sizing: border-box; display: flex; flex-direction: column; }}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] {{ flex: 1 1 auto; }}"""


def narrow_main_css(max_width: str, padding: str) -> str:
    """The main area no wider than `max_width` (a phone's page)."""
    return f'[data-testid="stMainBlockContainer"] {{ max-width: {max_width}; padding: {padding}; }}'


def to_bottom_css(key: str) -> str:
    """Our container `key` pushed to the bottom of a full-height main area (full_height_main_css)."""
    return f'[data-testid="stLayoutWrapper"]:has(> .st-key-{key}) {{ margin-top: auto; }}'


def container_box_css(key: str, declarations: str) -> str:
    """The box Streamlit wraps around our container `key` (where position: sticky must go: the
    container itself is exactly as tall as its wrapper)."""
    return f'[data-testid="stLayoutWrapper"]:has(> .st-key-{key}) {{ {declarations} }}'


# The start of a container key whose tables are wide_tables_css' (the Dutch script in
# streamlit_adapter spells it too, to give those tables a tabindex).
WIDE_TABLES = "wide-tables"


def wide_tables_css(key: str) -> str:
    """The tables inside our container `key` (which starts with WIDE_TABLES) readable on a
    phone: each scrolls sideways on its own with the first column (what a row is about) fixed,
    and no column is squeezed into a word per line. A keyboard reaches the scrolling table (the
    Dutch script gives it a tabindex). Constant CSS, our key only."""
    scope = f".st-key-{key}"
    return f"""<style>
{scope} table {{ display: block; max-width: 100%; overflow-x: auto; }}
{scope} tr > :first-child {{ position: sticky; left: 0; z-index: 1; background: #ffffff;
  box-shadow: inset -1px 0 0 #c8d1dc; }}
{scope} table:focus-visible {{ outline: 3px solid #154273; outline-offset: 2px; }}
@media (max-width: 640px) {{
  {scope} th, {scope} td {{ min-width: 7.5rem; }}
  {scope} tr > :first-child {{ min-width: 8rem; max-width: 10rem; }}
}}
</style>"""


def selectbox_text_css(scope: str, declarations: str) -> str:
    """The text of a selectbox (its value and its typing field) inside `scope`."""
    return f"""{scope} [data-testid="stSelectbox"] div,
{scope} [data-testid="stSelectbox"] input {{
  {declarations} }}"""


def chart_full_width_css(scope: str) -> str:
    """An Altair chart inside `scope` and every wrapper around it as wide as the column."""
    return f"""{scope} :is([data-testid="stVegaLiteChart"], [data-testid="stFullScreenFrame"],
  [data-testid="stFullScreenFrame"] > div, .vega-embed, [data-testid="stElementContainer"]) {{
  width: 100% !important; }}"""


def radio_question_css(scope: str, declarations: str) -> str:
    """The question (label) above a radio group inside `scope`."""
    return f'{scope} [data-testid="stRadio"] > [data-testid="stWidgetLabel"] p {{ {declarations} }}'


def radio_options_css(scope: str, declarations: str) -> str:
    """Each option of a radio group inside `scope` (Streamlit wraps every option's label in a box
    of its own width: without this, options of one question have different widths)."""
    return f"""{scope} [data-testid="stRadioGroup"] > div {{ {declarations} }}
{scope} [data-testid="stRadioOption"] {{ width: 100%; box-sizing: border-box; }}"""


def radio_targets_css(scope: str, columns: int, chosen: str) -> str:
    """The radio groups inside `scope` as a row of `columns` equal targets (a phone's vote): no
    dot, the label centred on one line, the chosen option drawn with `chosen` (declarations),
    a keyboard's focus as an outline."""
    return f"""{scope} [data-testid="stRadioGroup"] {{ display: grid !important;
  grid-template-columns: repeat({columns}, minmax(0, 1fr)); gap: 0.35rem; width: 100%; }}
{scope} [data-testid="stRadio"], {scope} [data-testid="stElementContainer"]:has([data-testid="stRadio"]) {{
  width: 100% !important; }}
{scope} [data-testid="stRadioGroup"] > div {{ min-width: 0; width: 100%; }}
{scope} [data-testid="stRadioOption"] {{ width: 100%; box-sizing: border-box; justify-content: center;
  display: flex !important; align-items: center;
  margin: 0 !important; padding: 0.3rem 0.15rem !important; }}
{scope} [data-testid="stRadioOption"] > div {{ width: 100%; justify-content: center; }}
{scope} [data-testid="stRadioOption"] > div > div:not([data-testid]) {{ display: none; }}
{scope} [data-testid="stRadioOption"] [data-testid="stMarkdownContainer"] p {{ white-space: nowrap; margin: 0;
  font-size: 1rem !important; text-align: center; }}
{scope} [data-testid="stRadioOption"][data-selected="true"] {{ {chosen} }}
{scope} [data-testid="stRadioOption"][data-selected="true"] p {{ color: inherit; }}
{scope} [data-testid="stRadioOption"][data-focus-visible="true"] {{ outline: 3px solid #154273;
  outline-offset: 2px; }}"""


def checkbox_label_css(scope: str, declarations: str) -> str:
    """The clickable label of a checkbox or toggle inside `scope`."""
    return f'{scope} [data-testid="stCheckbox"] label {{ {declarations} }}'


# A new page starts at the top, and a phone's menu closes. Streamlit keeps the main area's
# scroll position across pages, so "Volgende" from question 2 opened question 3 half-way down
# (scrollTop ≈ 2,700). This constant script (no "<" followed by a letter, see SCRIPT above)
# notices a new page: the address or the slide on screen (`data-kh-slide`, ui/present/slides.py)
# differs from before, seen at the start or end of a script run, when the address is pushed, or
# at the first scroll after it. It then scrolls the main area to the top and keeps it there for a
# moment: the old page's elements leave late on a busy machine (once only after the new page's
# run had ended, with no run state to see), and the browser keeps a position anchored to them,
# so any scroll in that moment that the user did not make (wheel, touch, key, mouse) is undone.
# On a narrow screen (a phone) it also closes the side menu that was used to choose the page.
# Guarded by tests/browser/test_route_browser.py.
PHONE_WIDTH = 768  # Streamlit's own breakpoint for the sidebar as an overlay
SETTLE_MS = 1200  # how long after a new page (and after its run ends) a scroll is undone
SETTLE_MAX_MS = 10_000  # a run ending later than this after the new page no longer counts

PAGE_CHANGE_SCRIPT = r"""<script>
(() => {
  if (window.__khPageChange) return;
  window.__khPageChange = true;
  const where = () => {
    const slide = document.querySelector("[data-kh-slide]");
    return location.pathname + "#" + (slide ? slide.getAttribute("data-kh-slide") : "");
  };
  let last = where();
  let changedAt = -Infinity;  // when the last new page was noticed
  let settleUntil = 0;  // until then a scroll the user did not make goes back to the top
  const main = () => document.querySelector("[data-testid='stMain']");
  const running = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return Boolean(app && app.getAttribute("data-test-script-state") === "running");
  };
  const settling = () => Date.now() < settleUntil || (running() && Date.now() - changedAt < SETTLE_MAX);
  const toTop = () => {
    for (const el of document.querySelectorAll("[data-testid='stMain'], [data-testid='stAppViewContainer']")) {
      if (el.scrollTop) el.scrollTop = 0;
    }
    if (window.scrollY) window.scrollTo(0, 0);
  };
  const arrived = (runEnded) => {
    const now = where();
    if (now === last) {
      // The end of a run soon after a new page: its elements are still coming and going.
      if (runEnded && !running() && Date.now() - changedAt < SETTLE_MAX) {
        settleUntil = Math.max(settleUntil, Date.now() + SETTLE_LATER);
      }
      return;
    }
    last = now;
    changedAt = Date.now();
    settleUntil = changedAt + SETTLE_LATER;
    toTop();
    const sidebar = document.querySelector("[data-testid='stSidebar']");
    if (window.innerWidth PHONE_TEST && sidebar && sidebar.getAttribute("data-collapsed") === "false") {
      const close = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
      if (close) close.click();
    }
  };
  // The user's own scrolling ends the moment at once.
  for (const kind of ["wheel", "touchstart", "keydown", "mousedown"]) {
    window.addEventListener(kind, () => { settleUntil = 0; changedAt = -Infinity; }, {capture: true, passive: true});
  }
  document.addEventListener("scroll", (event) => {
    const m = main();
    if (!m || event.target !== m) return;
    arrived(false);
    if (m.scrollTop && settling()) toTop();
  }, {capture: true, passive: true});
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (...args) {
      const result = original.apply(this, args);
      setTimeout(() => arrived(false), 0);
      return result;
    };
  }
  // The whole document is watched: the app element may be replaced (e.g. the first run of a
  // fresh server restarts through app.py), and an observer on the old one would go quiet.
  new MutationObserver(() => {
    if (document.querySelector("[data-testid='stApp']")) arrived(true);  // at the start and end of a run
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
  window.addEventListener("popstate", () => setTimeout(() => arrived(false), 0));
})();
</script>""".replace("PHONE_TEST", f"<= {PHONE_WIDTH}").replace("SETTLE_LATER", str(SETTLE_MS)).replace("SETTLE_MAX", str(SETTLE_MAX_MS))
