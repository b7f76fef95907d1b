"""Links under a page to the glossary page of every term it spelled out (via the Kennisbank)."""

from __future__ import annotations

from ui.kennis import links as kennis
from ui.kit.firstuse import used
from ui.kit.lazy import lazy_expander


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
