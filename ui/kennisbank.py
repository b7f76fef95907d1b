"""The Kennisbank page: search, filter by kind, read one item with its related pages and sources.

Internal links in a page body would reload the browser (and lose the session), so they are
shown as text and offered as buttons that open the item within the app.
"""

from __future__ import annotations

import re
from typing import Any

import streamlit as st
from keuzehulp.dutch.markdown import inert_markdown

from ui.kennis import links as kennis

ITEM_PARAM = "item"
INTERNAL_LINK = re.compile(r"\[([^\]]+)\]\((knowledge/[^)\s#]+\.md)(#[^)\s]*)?\)")
ALL = ""


def open_item(item_id: str | None) -> None:
    if item_id:
        st.query_params[ITEM_PARAM] = item_id
    else:
        st.query_params.pop(ITEM_PARAM, None)


def delinked(body: str) -> str:
    """The body with internal links turned into plain text (the targets become buttons)."""
    return INTERNAL_LINK.sub(lambda m: m.group(1), body)


def _source_line(kb: Any, entry: Any) -> str:
    if hasattr(entry, "section"):
        return kennis.source_title(entry.section)
    if hasattr(entry, "ref"):
        page = kb.get(entry.ref)
        return page.title if page is not None else entry.ref
    return f"[{entry.title}]({entry.url}) (geraadpleegd {entry.as_of:%d-%m-%Y})"


def _item_buttons(items: list[Any], key: str) -> None:
    for other in items:
        st.button(other.title, key=f"{key}_{other.id}", on_click=open_item, args=(other.id,),
                  icon=":material/article:", type="tertiary", wrap=True)


def show_item(kb: Any, page: Any) -> None:
    st.button("Terug naar het overzicht", on_click=open_item, args=(None,), icon=":material/arrow_back:")
    st.title(page.title, anchor=False)
    st.badge(kennis.KIND_LABELS.get(page.kind, page.kind), color="blue")
    if page.municipalities:
        st.caption("Gemeente: " + ", ".join(page.municipalities))
    main, side = st.columns([7, 3], gap="large")
    with main:
        if page.summary:
            st.markdown(f"*{page.summary}*")
        st.markdown(delinked(page.body))
        if page.sources:
            st.caption("Bronnen: " + "; ".join(_source_line(kb, s) for s in page.sources))
    with side:
        linked = [kb.get(i) for i in dict.fromkeys([*page.related, *page.links])]
        linked = [p for p in linked if p is not None and p.id != page.id]
        if linked:
            st.markdown("**Zie ook**")
            _item_buttons(linked, "rel")
        back = [p for p in kb.backlinks(page.id) if p not in linked]
        if back:
            st.markdown("**Verwijst hiernaar**")
            _item_buttons(back, "back")


def passage_markdown(segments: Any) -> str:
    """A result's passage as Markdown: every piece made literal, the matching words in bold."""
    out = []
    for text, match in segments:
        inert = inert_markdown(text)
        if match:
            out.append(f"**{inert}**")
        else:  # inert_markdown trims; the spaces around a matching word must stay
            out.append((" " if text[:1].isspace() else "") + inert + (" " if text[-1:].isspace() and inert else ""))
    return "".join(out)


def _suggest(word: str) -> None:
    st.session_state["kb_query"] = word


def _search_notes(result: Any, query: str) -> None:
    count = len(result.hits)
    note = f"{count} {'resultaat' if count == 1 else 'resultaten'} voor ‘{inert_markdown(query)}’."
    if result.corrections:
        note += " Gezocht op " + "; ".join(
            f"‘{inert_markdown(', '.join(fixed))}’ in plaats van ‘{inert_markdown(typo)}’"
            for typo, fixed in result.corrections.items()) + "."
    if result.dropped:
        note += f" Alleen de eerste {len(result.terms)} woorden zijn gebruikt."
    st.caption(note)
    if not result.terms:
        st.info("Typ een woord om te zoeken, bijvoorbeeld: wachttijd.", icon=":material/search:")
    elif not result.hits:
        st.info("Niets gevonden. Probeer een ander woord of kies 'Alles'.", icon=":material/search_off:")
        if result.suggestions:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown("Bedoelt u:", width="content")
                for word in result.suggestions:
                    st.button(word, key=f"suggest_{word}", on_click=_suggest, args=(word,),
                              icon=":material/search:")
    elif not result.complete:
        st.info("Geen pagina bevat al uw zoekwoorden. Hieronder de pagina's met de meeste.",
                icon=":material/manage_search:")


def show_results(result: Any) -> None:
    """Search results, best first, one under the other, each with its matching passage."""
    for hit in result.hits:
        page = hit.item
        with st.container(border=True):
            st.button(page.title, key=f"open_{page.id}", on_click=open_item, args=(page.id,),
                      type="tertiary", icon=":material/article:", wrap=True)
            kind = inert_markdown(kennis.KIND_LABELS.get(page.kind, page.kind))
            st.caption(kind + (f" · {passage_markdown(hit.passage)}" if hit.passage else ""))


def show_list(kb: Any) -> None:
    st.title("Kennisbank", anchor=False)
    st.markdown("Alles uit de handreiking *Allemaal dual* in eigen woorden: de vijf vragen, de "
                "afwegingen, de werkzame elementen en de voorbeelden uit de pilotgemeenten.")
    query_col, kind_col = st.columns([2, 1])
    query = query_col.text_input("Zoeken", key="kb_query", placeholder="Bijvoorbeeld: wachttijd",
                                 help="Hoofdletters, accenten, andere vormen van een woord (wachten, "
                                      "gewacht) en kleine tikfouten maken niet uit.")
    kinds = [ALL, *[k for k in kennis.KIND_LABELS if kb.by_kind(k)]]
    kind = kind_col.selectbox("Soort", kinds, key="kb_kind", placeholder="Kies een soort",
                              format_func=lambda k: "Alles" if k == ALL else kennis.KIND_LABELS[k])
    if query.strip():
        result = kb.find(query, kind=kind or None)
        _search_notes(result, query)
        show_results(result)
        return
    items = sorted((i for i in kb.items.values() if not kind or i.kind == kind),
                   key=lambda i: (list(kennis.KIND_LABELS).index(i.kind), i.title))
    if not items:
        st.info("Niets gevonden. Kies 'Alles'.", icon=":material/search_off:")
    columns = st.columns(2)
    for index, page in enumerate(items):
        with columns[index % 2].container(border=True):
            st.button(page.title, key=f"open_{page.id}", on_click=open_item, args=(page.id,),
                      type="tertiary", icon=":material/article:", wrap=True)
            st.caption(kennis.KIND_LABELS.get(page.kind, page.kind)
                       + (f" · {page.summary}" if page.summary else ""))


def render_kennisbank() -> None:
    kb = kennis.kb()
    if kb is None:
        st.title("Kennisbank", anchor=False)
        st.info("De kennisbank is nog niet beschikbaar.", icon=":material/menu_book:")
        return
    item_id = st.query_params.get(ITEM_PARAM)
    page = kb.get(item_id) if item_id else None
    if item_id and page is None:
        st.warning("Deze pagina staat niet in de kennisbank. Hieronder ziet u het overzicht.",
                   icon=":material/warning:")
    if page is not None:
        show_item(kb, page)
    else:
        show_list(kb)
