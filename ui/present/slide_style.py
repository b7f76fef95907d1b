"""The slides' constant CSS (text that scales with the screen, charts that shrink, nothing below the
fold) and the presenter's keys (PageDown, PageUp, the arrows, C for the join slide). Constant:
no user text is ever formatted into either."""

from __future__ import annotations

from ui.kit import streamlit_adapter as adapter

# Constant CSS only: no user text is ever formatted into it. --fs is the body size: about
# 2.95 % of the screen height (32 px on a 1080p projector), never more than 2 % of its width.
# What finds Streamlit's own parts (its test ids) comes from ui/kit/streamlit_adapter.py.
_FS = "font-size: var(--fs); line-height: 1.3;"
_NAV_FS = "font-size: clamp(0.95rem, 1.9vh, 1.5rem);"
SLIDE_CSS = "\n<style>\n" + "\n".join([
    adapter.hide_chrome_css(),
    adapter.full_height_main_css("2.5vh 4vw 0.5rem"),
    """.st-key-slide { --fs: clamp(0.95rem, min(2.95vh, 2.0vw), 2.6rem); }
.st-key-slide p, .st-key-slide li, .st-key-slide td, .st-key-slide th,
.st-key-slide label p, .st-key-slide textarea {
  """ + _FS + " }",
    adapter.selectbox_text_css(".st-key-slide", _FS),
    """.st-key-slide li { margin-bottom: 0.25em; }
.st-key-slide .st-key-reasons p, .st-key-slide .st-key-reasons li { font-size: calc(var(--fs) * 0.95); }
@media (max-width: 1100px), (max-height: 900px) {
  .st-key-slide .st-key-reasons p, .st-key-slide .st-key-reasons li { font-size: calc(var(--fs) * 0.86); }
}
.st-key-slide td, .st-key-slide th { padding: 0.35em 0.6em; }
.st-key-slide h1 { font-size: calc(var(--fs) * 1.75); line-height: 1.15; padding-top: 0; }
.st-key-slide h2, .st-key-slide h3 { font-size: calc(var(--fs) * 1.1); padding: 0.75rem 0 0.2em 0; }
.st-key-slide .st-key-for-whom h2 { font-size: calc(var(--fs) * 1.35); padding: 1rem 0; }
.st-key-slide .st-key-kicker p, .st-key-slide .st-key-footnote p { font-size: calc(var(--fs) * 0.8); color: #3d3d3d; letter-spacing: 0.02em; }
.st-key-slide .st-key-advised p { font-size: calc(var(--fs) * 1.4); font-weight: 700; color: #0b3d6e; }
.st-key-slide .st-key-elements p { margin-bottom: 0.3em; }
.st-key-slide .st-key-slide-chart-narrow { display: none; }
@media (max-aspect-ratio: 4/5) {
  .st-key-slide .st-key-slide-chart { display: none; }
  .st-key-slide .st-key-slide-chart-narrow { display: flex; }
}
.st-key-slide [class*="st-key-slide-chart"] svg.marks { width: 100% !important; height: auto !important; max-height: 50vh; }
.st-key-slide .st-key-slide-chart-cost_chart svg.marks { max-height: 52vh; }
.st-key-slide .st-key-slide-chart-timeline_chart svg.marks { max-height: 46vh; }
@media (max-height: 900px) {
  .st-key-slide [class*="st-key-slide-chart"] svg.marks { max-height: 42vh; }
  .st-key-slide .st-key-slide-chart-cost_chart svg.marks { max-height: 44vh; }
}""",
    adapter.chart_full_width_css('.st-key-slide [class*="st-key-slide-chart"]'),
    """.st-key-slide .st-key-chart-key p { margin-bottom: 0.2em; font-weight: 600; }
.st-key-slide .st-key-elements [class*="st-key-why-"] p { font-size: calc(var(--fs) * 0.85);
  margin-left: 3.2em; color: #333333; margin-bottom: 0.7em; }
.st-key-slide .st-key-team-record { border-left: 6px solid #b08d3c; padding-left: 1rem; }
.st-key-slide .st-key-team-record textarea { min-height: 3.2em; }
.st-key-slide .st-key-closing h2 { border-top: 1px solid #c8c8c8; padding-top: 0.4em; }
.st-key-slide .st-key-differs p { color: #8a5a00; font-weight: 700; }
.st-key-slide .st-key-inkoop-lead p { font-weight: 600; }
.st-key-slide [class*='st-key-inkoop-price-'] p { color: #8a3b00; font-weight: 700; }
.st-key-slide .st-key-inkoop-rows td, .st-key-slide .st-key-inkoop-rows th { font-size: calc(var(--fs) * 0.9); vertical-align: top; }
@media (max-width: 1100px), (max-height: 900px) {
  .st-key-slide .st-key-inkoop-rows td, .st-key-slide .st-key-inkoop-rows th { font-size: calc(var(--fs) * 0.8); }
}""",
    adapter.to_bottom_css("slide-nav"),
    """.st-key-slide-nav { background: #ffffff; border-top: 1px solid #c8c8c8; padding-top: 0.4rem; }
.st-key-slide-nav p, .st-key-slide-nav button p { """ + _NAV_FS + " }",
    adapter.selectbox_text_css(".st-key-slide-nav", _NAV_FS),
]) + "\n</style>\n"

# Presenter remotes send PageDown/PageUp (some Space); the arrows for a keyboard. Never while
# focus is in a field (the team's reason is typed on a slide) or a dropdown. Constant script:
# no "<" followed by a letter in it (Streamlit's sanitiser would drop it, see ui/kit/streamlit_adapter.py).
KEYS_SCRIPT = r"""<script>
(() => {
  if (window.__khSlideKeys) return;
  window.__khSlideKeys = true;
  const typing = "input, textarea, select, [contenteditable='true'], [role='combobox'], [role='listbox'], [role='option']";
  document.addEventListener("keydown", (event) => {
    if (!document.querySelector(".st-key-slide-nav")) return;  // not presenting
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : document.body;
    // The slide overview keeps the focus after a jump: its keys are the slides' while it is closed.
    const overview = target.closest(".st-key-slide-nav") && target.getAttribute("aria-expanded") !== "true";
    if (target.closest(typing) && !overview) return;
    let button = null;
    if (event.key === "PageDown" || event.key === "ArrowRight"
        || (event.key === " " && !target.closest("button, a"))) {
      button = document.querySelector(".st-key-slide_next button");
    } else if (event.key === "PageUp" || event.key === "ArrowLeft") {
      button = document.querySelector(".st-key-slide_previous button");
    } else if (event.key === "c" || event.key === "C") {
      button = document.querySelector(".st-key-slide_join button");  // the join slide, and back
    }
    if (button === null) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  }, true);
})();
</script>"""
