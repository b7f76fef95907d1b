"""What happens in the browser when the page changes: start at the top, close the phone's menu.

Streamlit keeps the main area's scroll position across pages, so "Volgende" from question 2
opened question 3 half-way down (scrollTop ≈ 2,700). A constant script (no user text; no "<"
followed by a letter, see ui/streamlit_adapter.py) watches each finished script run: when the address or
the slide on screen (`data-kh-slide`, ui/presentation.py) differs from the last run, it scrolls
the main area to the top, and on a narrow screen (a phone) it closes the side menu that was used
to choose the page. Guarded by tests/browser/test_route_browser.py.
"""

from __future__ import annotations

import streamlit as st

PHONE_WIDTH = 768  # Streamlit's own breakpoint for the sidebar as an overlay

SCRIPT = r"""<script>
(() => {
  if (window.__khPageChange) return;
  window.__khPageChange = true;
  const where = () => {
    const slide = document.querySelector("[data-kh-slide]");
    return location.pathname + "#" + (slide ? slide.getAttribute("data-kh-slide") : "");
  };
  let last = where();
  const toTop = () => {
    for (const el of document.querySelectorAll("[data-testid='stMain'], [data-testid='stAppViewContainer']")) {
      el.scrollTop = 0;
    }
    window.scrollTo(0, 0);
  };
  const arrived = () => {
    const now = where();
    if (now === last) return;
    last = now;
    // Again a moment later: the old page's elements leave after the run, and the browser may
    // keep a scroll position anchored to them meanwhile.
    toTop();
    setTimeout(toTop, 100);
    setTimeout(toTop, 400);
    const sidebar = document.querySelector("[data-testid='stSidebar']");
    if (window.innerWidth PHONE_TEST && sidebar && sidebar.getAttribute("data-collapsed") === "false") {
      const close = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
      if (close) close.click();
    }
  };
  // The whole document is watched: the app element may be replaced (e.g. the first run of a
  // fresh server restarts through app.py), and an observer on the old one would go quiet.
  new MutationObserver(() => {
    if (document.querySelector("[data-testid='stApp']")) arrived();  // at the start and end of a run
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
  window.addEventListener("popstate", () => setTimeout(arrived, 0));
})();
</script>""".replace("PHONE_TEST", f"<= {PHONE_WIDTH}")


def apply() -> None:
    """Draw the constant script (once per run, from the entrypoint)."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
