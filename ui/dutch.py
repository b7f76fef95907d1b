"""Streamlit's own words, said in Dutch.

Streamlit has no setting for the language of its interface. What a person sees is replaced by
constant CSS: the English is hidden (display: none, so not read out either) and the Dutch is
generated content on a visible neighbour, which browsers show and screen readers read. The
upload button keeps its English word for screen readers only: axe does not count generated
content as a button's name, and a button without one is a barrier.

The page language is announced as Dutch, and what only screen readers hear (aria-labels such as "Help for …", "Decrement", the skip link)
is rewritten by one constant script with a MutationObserver. Neither holds user text.
"""

from __future__ import annotations

import streamlit as st

from .widgets import number_range_css

CSS = """
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

# (No "<" followed by a letter or "/" inside the script: Streamlit's sanitiser, DOMPurify, then
# drops the whole script.) aria-label -> Dutch; "<name> icon" labels of decorative Material icons are hidden instead
# (a screen reader would say "thumb_up icon").
SCRIPT = """<script>
(() => {
  document.documentElement.lang = "nl";  // Streamlit serves the page as English
  if (window.__khDutch) return;
  window.__khDutch = true;
  const exact = {
    "Collapse sidebar": "Zijbalk inklappen", "Expand sidebar": "Zijbalk uitklappen",
    "Sidebar": "Zijbalk", "Main menu": "Menu", "Decrement": "Eén lager", "Increment": "Eén hoger",
    "Link to heading": "Link naar dit kopje", "Open": "Openen", "Close": "Sluiten",
    "Dismiss": "Sluiten", "file upload": "Bestand kiezen", "Add files": "Bestand toevoegen",
    "Clear all": "Alles wissen", "Clear value": "Wissen",
    "Copy version to clipboard": "Versie kopiëren",
  };
  const prefixes = [["Help for ", "Uitleg bij "], ["Remove ", "Verwijder "], ["Shortcut ", "Sneltoets "]];
  const texts = {
    "Skip to main content": "Naar de inhoud", "Print": "Afdrukken", "Record screen": "Scherm opnemen",
  };
  const label = (el) => {
    const value = el.getAttribute("aria-label");
    if (!value) return;
    if (value in exact) { el.setAttribute("aria-label", exact[value]); return; }
    if (/^[a-z_]+ icon$/.test(value)) { el.setAttribute("aria-hidden", "true"); return; }
    for (const [en, nl] of prefixes) {
      if (value.startsWith(en)) { el.setAttribute("aria-label", nl + value.slice(en.length)); return; }
    }
  };
  const text = (el) => {
    if (el.childElementCount === 0 && el.textContent in texts) el.textContent = texts[el.textContent];
  };
  const fix = (root) => {
    if (root.nodeType !== 1) return;
    label(root);
    text(root);
    root.querySelectorAll("[aria-label]").forEach(label);
    root.querySelectorAll("a, [data-testid='stMainMenuItemLabel']").forEach(text);
  };
  fix(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") label(change.target);
      else change.addedNodes.forEach(fix);
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true,
                             attributeFilter: ["aria-label"]});
})();
</script>"""


def apply() -> None:
    """Draw the constant CSS and script (call once per run, from the entrypoint)."""
    st.html(f"<style>{CSS}{number_range_css()}</style>")
    st.html(SCRIPT, unsafe_allow_javascript=True)
