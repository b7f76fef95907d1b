"""Abbreviations on screen: spelled out in brackets where a page first uses them, and linked to
their glossary pages at the end of the page ("Afkortingen en vaktermen op deze pagina").

One FirstUse per run of a page (nav.run_page starts it), so "per page" means what the user
sees at once; a slide is one run, so each slide explains its own terms (in brackets only: on a
projector a link is no use). The terms come from the glossary (keuzehulp/knowledge/abbreviations.py).
"""

from __future__ import annotations

from contextvars import ContextVar

from keuzehulp.knowledge.abbreviations import FirstUse, Term, terms

from ui.kennis import links as kennis
from ui.kit.lazy import lazy_expander

_PAGE: ContextVar[FirstUse | None] = ContextVar("abbreviations_on_this_page", default=None)


def start_page() -> None:
    """A new page run: no term has been met yet."""
    _PAGE.set(FirstUse(terms=terms()))


def explain(text: str) -> str:
    """Trusted text (rules, labels, knowledge) with each term new on this page spelled out."""
    first = _PAGE.get()
    if first is None:  # outside a page run: explain within this text alone
        return FirstUse(terms=terms()).explain(text)
    return first.explain(text)


def used() -> list[Term]:
    first = _PAGE.get()
    return first.used() if first is not None else []


def glossary_links() -> None:
    """Links to the glossary page of every term this page used so far (via the Kennisbank)."""
    met = used()
    if not met:
        return
    box = lazy_expander("Afkortingen en vaktermen op deze pagina", icon=":material/menu_book:",
                        key="glossary_open")
    if box is not None:
        with box:
            for term in met:
                kennis.read_more(term.page, f"{term.term}: {term.meaning}")
