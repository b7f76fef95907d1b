"""Inkoop: building blocks for a programme of requirements, derived from the team's design."""

from __future__ import annotations

from datetime import date

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, DECISION_OPTIONS, Advice, Session
from keuzehulp.dutch.markdown import escape_markdown, inert_markdown
from keuzehulp.procurement.derive import BuildingBlock, Procurement, changes, procurement
from keuzehulp.procurement.texts import texts
from keuzehulp.report import procurement as writer
from keuzehulp.report.sources import knowledge_or_none
from ui.kennis.glossary import glossary_links
from ui.kit.firstuse import explain
from ui.kit.headings import section_heading
from ui.kit.lazy import lazy_expander
from ui.session import state
from ui.wizard.step import ADVICE_FAILED

DOWNLOAD_LABELS = {"docx": "Word (bewerkbaar)", "pdf": "PDF", "md": "Markdown", "json": "JSON"}


def _basis_line(block: BuildingBlock) -> str:
    return writer.part_of(block, knowledge_or_none()).basis_line


def current(session: Session, advice: Advice | None = None) -> Procurement:
    """The building blocks of the tab's design; at the region's scale when the page Regio has a
    region with this municipality in it (the page, its downloads and the slide alike)."""
    return procurement(session, advice, region=state.tab_region(session.profile.municipality))


def _newest(fmt: str, holder: state.Latest) -> bytes:
    """Built when clicked, from the newest session (a choice made just before the click is in)."""
    return writer.render(fmt, current(holder.newest()), date.today())


def _downloads(p: Procurement) -> None:
    holder = state.latest()
    st.markdown(f"**Download de {texts().title.lower()}**")
    columns = st.columns(len(writer.FORMATS))
    for column, fmt in zip(columns, ("docx", "pdf", "md", "json"), strict=True):
        column.download_button(
            DOWNLOAD_LABELS[fmt], data=lambda fmt=fmt: _newest(fmt, holder),
            file_name=writer.filename(fmt, p, date.today()), mime=writer.MIME[fmt], on_click="ignore",
            icon=":material/download:", key=f"inkoop_download_{fmt}", width="stretch")


def _design(p: Procurement) -> None:
    t, lab = texts(), labels()
    section_heading(t.design, key="design")
    for choice in p.design:
        decision = lab.decisions[choice.decision]
        st.markdown(f"- **{escape_markdown(decision.title)}** {escape_markdown(decision.options[choice.choice])} "
                    f"({escape_markdown(t.choice_source[choice.source])})")
    for note in p.notes:
        st.warning(explain(note), icon=":material/info:")
    if (intro := writer.region_intro(p)) is not None:
        section_heading(inert_markdown(intro[0]), key="region")
        st.markdown(inert_markdown(intro[1]))


def _prices(p: Procurement) -> None:
    section_heading(texts().prices_title, key="prices")
    for check in p.prices:
        if check.below:
            st.warning(escape_markdown(check.text), icon=":material/warning:")
        else:
            st.markdown(f"- {escape_markdown(check.text)}")


def _changes(p: Procurement) -> None:
    t, lab = texts(), labels()
    session = state.get_session()
    box = lazy_expander(t.changes_title, icon=":material/compare_arrows:", key="inkoop_changes_open")
    if box is None:
        return
    current = {c.decision: c.choice for c in p.design}
    with box:
        for decision in DECISION_IDS:
            for option in DECISION_OPTIONS[decision]:
                if option == current[decision]:
                    continue
                added, removed = changes(session, decision, option,
                                         region=state.tab_region(session.profile.municipality))
                title = lab.decisions[decision].title
                st.markdown(f"**{escape_markdown(title)} {escape_markdown(lab.decisions[decision].options[option])}**")
                if not added and not removed:
                    st.caption(t.changes_none)
                for block in added:
                    st.markdown(f"- ➕ {t.changes_added}: {escape_markdown(block.text)}")
                for block in removed:
                    st.markdown(f"- ➖ {t.changes_removed}: {escape_markdown(block.text)}")


def _blocks(p: Procurement) -> None:
    t = texts()
    for i, (title, blocks) in enumerate(writer.groups(p)):
        section_heading(escape_markdown(title), key=f"blocks-{i}")
        if (line := writer.who_buys(p, title)) is not None:
            st.markdown(f"**{escape_markdown(t.region.column)}:** {inert_markdown(line)}")
        for block in blocks:
            st.markdown(f"**{escape_markdown(t.kinds[block.kind])}:** {explain(escape_markdown(block.text))}")
            lines = [escape_markdown(_basis_line(block))]
            if block.follows_from:
                lines.append(f"{t.follows_from}: {escape_markdown(writer.follows(block))}")
            st.caption("  \n".join(lines))


def procurement_page() -> None:
    t = texts()
    session = state.get_session()
    name = session.profile.municipality
    st.title("Inkoop" + (f": {inert_markdown(name)}" if name else ""))
    st.markdown(explain(t.intro))
    st.info(t.disclaimer, icon=":material/gavel:")
    advice = state.current_advice()
    if advice is None:
        st.error(ADVICE_FAILED, icon=":material/error:")
        return
    p = current(session, advice)
    _downloads(p)
    _design(p)
    _prices(p)
    _changes(p)
    _blocks(p)
    glossary_links()
