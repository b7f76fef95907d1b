"""Access to the knowledge base from the app: cached once per process, never a crash.

Pages link into the Kennisbank with an item id (`?item=knowledge/elements/pre-teaching.md`).
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.rules.register import knowledge_base
from ui.kit import nav
from ui.session import autosave

KENNISBANK = "pages/kennisbank.py"
LOG = logging.getLogger(__name__)

KIND_LABELS: dict[str, str] = {
    "intro": "Inleiding",
    "question": "Vraag of afweging",
    "building-block": "Bouwsteen",
    "element": "Werkzaam element",
    "example": "Voorbeeld uit de praktijk",
    "pilot": "Pilotgemeente",
    "route": "Route",
    "glossary": "Begrip",
    "source": "Bron",
    "fact": "Feit",
    "assumption": "Aannames van de keuzehulp",
}


@st.cache_resource(show_spinner=False)
def _load() -> Any | None:
    try:
        base = knowledge_base()
        base.search_index()  # built once here, not on the first search someone types
        return base
    except Exception:  # a content error is reported by `python -m keuzehulp check`
        LOG.exception("knowledge base could not be loaded")
        return None


_loaded: list[Any] = []  # the base once loaded: a page asks for it ~30 times per run


def kb() -> Any | None:
    """The knowledge base, or None while it is missing or broken (pages then show less)."""
    if _loaded:
        return _loaded[0]
    base = _load()
    if base is not None:
        _loaded.append(base)
    return base


def item(item_id: str) -> Any | None:
    base = kb()
    return base.get(item_id) if base is not None else None


def question_item(section: str) -> Any | None:
    return item(f"knowledge/questions/{section}.md")


def decision_item(decision: str) -> Any | None:
    return item(f"knowledge/tradeoffs/{decision}.md")


def element_item(element: str) -> Any | None:
    return item(f"knowledge/elements/{element}.md")


def example_item(example: str) -> Any | None:
    return item(f"knowledge/examples/{example}.md")


def first_paragraph(page: Any) -> str:
    """The page's summary, or else its first paragraph of text (trusted content)."""
    if page.summary:
        return page.summary
    for block in page.body.split("\n\n"):
        text = block.strip()
        if text and not text.startswith(("#", "-", "|", "1.")):
            return " ".join(text.split())
    return ""


def read_more(item_id: str, label: str = "Lees meer in de kennisbank") -> None:
    """A link to one Kennisbank item (only when the item exists)."""
    if item(item_id) is None:
        return
    st.page_link(nav.link_target(KENNISBANK), label=label, icon=":material/menu_book:", query_params={"item": item_id, **autosave.address_params()})


def assumption_link(assumption_id: str) -> None:
    """A link to the Kennisbank page of one assumption ("Aanname van de keuzehulp: …")."""
    page = item(f"knowledge/assumptions/{assumption_id}.md")
    if page is not None:
        st.page_link(nav.link_target(KENNISBANK), label=f"Aanname: {page.title}", icon=":material/lightbulb:",
                     query_params={"item": page.id, **autosave.address_params()}, width="stretch",
                     help=f"Aanname van de keuzehulp: {page.title}. Uitleg in de Kennisbank.")


def source_title(ref: str) -> str:
    """A source as a person reads it: a handreiking section or a knowledge page's title.

    A section is named by number and our short label ("Allemaal dual, vraag 5 (Participatieplek)"):
    our question titles say "u" and "duaal" where the handreiking says "je" and "dual", so quoting
    them after its name would misquote it."""
    if ref in labels().sections:
        return f"Allemaal dual, vraag {ref[1]} ({labels().sections[ref].short})"
    page = item(ref)
    return page.title if page is not None else ref
