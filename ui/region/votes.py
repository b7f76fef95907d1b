"""The regional workshop on the page Regio (issue 25), for the facilitator: start a workshop tied
to this region, show the room the code, see per deelproduct how each municipality voted on the
scale (within) and whether their majorities differ (between: '≠ verschilt'), beside the advice,
and record the region's own choice per deelproduct together with the counts (Region.scale and
Region.votes), so the summary and every download show them.

The secret is kept in this tab's session state and, for a reload, in a store row whose key only
this tab's address holds (`?regiows=`, as `?sessie=` keeps a session); never in the region file
or a download.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.region.model import Region
from keuzehulp.region.texts import texts
from keuzehulp.region.view import RegionView
from keuzehulp.region.votes import Counts, DeelproductSpread, MunicipalitySpread, count_votes, region_spread
from keuzehulp.report.region import between_words
from keuzehulp.store import new_key, valid_key
from keuzehulp.workshop import codes, regional, repo
from ui.kit.lazy import lazy_expander
from ui.session.autosave import store
from ui.workshop.live import qr_markdown
from ui.workshop.store import engine, participant_link, where

STATE = "region_workshop"  # {"code", "secret", "key"}: the workshop this tab leads
PARAM = "regiows"  # the store row that keeps it, for a reload
SEEN = "region_workshop_seen"  # (what the results depend on, the results) of the last read
FOLLOW_ADVICE = "Advies volgen"
REFRESH_SECONDS = 3


def _workshop(region_key: str | None) -> dict[str, str] | None:
    """This tab's workshop for this region: in session state, or after a reload from the store
    row the address names (`?regiows=`, a key only the facilitator's address holds)."""
    held = st.session_state.get(STATE)
    row_key = st.query_params.get(PARAM)
    if held is None and valid_key(row_key) and (db := store()) is not None:
        saved = db.load_session(row_key)
        try:
            held = json.loads(saved.data) if saved is not None else None
        except ValueError:
            held = None
        if isinstance(held, dict) and all(isinstance(held.get(k), str) for k in ("code", "secret", "key")):
            st.session_state[STATE] = held
        else:
            held = None
    return held if held and held.get("key") == region_key else None


def _start(region_key: str, names: list[str]) -> None:
    opened = regional.create_region_workshop(engine(), region_key, names)
    held = {"code": opened.code, "secret": opened.secret, "key": region_key}
    st.session_state[STATE] = held
    db = store()
    if db is not None:  # so a reload (F5) keeps the workshop: the secret under a key in the address
        row_key = new_key()
        db.create_session(row_key, json.dumps(held))
        st.query_params[PARAM] = row_key


def _set_closed(held: dict[str, str], closed: bool) -> None:
    try:
        repo.set_closed(engine(), held["code"], held["secret"], closed)
    except repo.NotAllowed:
        pass  # gone meanwhile: the table says so


def _read(held: dict[str, str]) -> tuple[repo.WorkshopInfo, Counts, dict[str, int]] | None:
    try:
        info, votes, present = regional.region_votes(engine(), held["code"], held["secret"])
    except repo.NotAllowed:
        return None
    return info, count_votes((v.municipality, v.deelproduct, v.scale) for v in votes), present


def cell(m: MunicipalitySpread) -> str:
    """One municipality's votes, short enough for a table cell: 'regionaal (2 van 3)', 'verdeeld'."""
    t = texts()
    if m.majority is None:
        return "–" if m.within == "none" else t.within["split"]
    return t.votes_of.format(scale=t.scales[m.majority], votes=m.counts[m.majority], total=m.votes)


def spread_frame(view: RegionView, spreads: list[DeelproductSpread], names: list[str]) -> pd.DataFrame:
    """Per deelproduct: the mark between the municipalities second (it stays in view when the
    table scrolls sideways), the advice, the region's choice, then each municipality."""
    t = texts()
    c = t.votes_columns
    chosen = {d.id: d.chosen_scale for d in view.deelproducten}
    rows = [[t.deelproducten[d.id], t.between[d.between], t.scales[d.advised_scale],
             t.scales[chosen[d.id]] if chosen.get(d.id) else "", *(cell(m) for m in d.municipalities)]
            for d in spreads]
    return pd.DataFrame(rows, columns=[c["deelproduct"], c["between"], c["advised"], c["chosen"], *names])


def _spreads(view: RegionView, held: dict[str, str],
             changes: tuple | None = None) -> tuple[list[str], list[DeelproductSpread], dict[str, int]] | None:
    """The workshop's names, the spread per deelproduct and who joined; read again only when the
    votes changed (repo.changes: one cheap read, or `changes` when the caller just read it) or
    the region's view did."""
    stamp = (changes if changes is not None else repo.changes(engine(), held["code"]), id(view))
    seen = st.session_state.get(SEEN)
    if seen is not None and seen[0] == stamp and stamp[0] is not None:
        return seen[1]
    read = _read(held)
    out = None
    if read is not None:
        info, counts, present = read
        names = list(info.municipalities)
        out = names, region_spread(view.deelproducten, names, counts), present
    st.session_state[SEEN] = (stamp, out)
    return out


def _table(view: RegionView, held: dict[str, str], region_names: list[str],
           changes: tuple | None = None) -> None:
    got = _spreads(view, held, changes)
    if got is None:
        st.warning("Deze workshop bestaat niet meer (verlopen of verwijderd). Start een nieuwe.",
                   icon=":material/info:")
        return
    names, spreads, present = got
    if set(region_names) != set(names):
        st.warning("De gemeenten van de regio zijn veranderd sinds de workshop begon. Deelnemers kiezen uit "
                   "de lijst van toen; start een nieuwe workshop voor de nieuwe lijst.", icon=":material/info:")
    joined = ", ".join(f"{n} {present.get(n, 0)}" for n in names)
    st.markdown(f"**Deelnemers per gemeente:** {inert_markdown(joined)}. Stemmen: {sum(d.votes for d in spreads)}.")
    t = texts()
    frame = spread_frame(view, spreads, names)
    # No row colour (a pandas Styler costs a third of a click here): the mark column, second, says
    # '≠ verschilt', and the list below spells each difference out.
    st.dataframe(frame, hide_index=True, width="stretch", height=38 * (len(frame) + 1),
                 column_config={frame.columns[0]: st.column_config.TextColumn(width="medium", pinned=True)})
    marked = [f"- **{inert_markdown(t.deelproducten[d.id])}**: {inert_markdown(between_words(d))}"
              for d in spreads if d.between == "differ" or d.split_within]
    if marked:
        st.markdown("\n".join(marked))
    st.caption(t.votes_intro)


def _record(view: RegionView, region: Region, held: dict[str, str], save: Callable[[Region], None]) -> None:
    """The form: the region's choice per deelproduct; on submit also the counts at that moment."""
    t = texts()
    if st.session_state.pop("region_votes_saved", False):
        st.success("Vastgelegd: de keuzes staan in de gedeelde afspraken en de stemmen in de samenvatting.",
                   icon=":material/check_circle:")
    # Drawn only once opened: ten choices a click need not send while the room votes.
    box = lazy_expander("Keuze van de regio per deelproduct vastleggen", key="region_votes_record_box",
                        icon=":material/gavel:")
    if box is None:
        return
    with box, st.form("region_votes_record", border=False):
        st.markdown("Naast het advies; leg vast na de stemming. De stemmen van dit moment gaan mee.")
        columns = st.columns(2)
        for i, d in enumerate(view.deelproducten):
            choices = [FOLLOW_ADVICE, *t.scales]
            now = region.scale.get(d.id)  # type: ignore[call-overload]
            columns[i % 2].selectbox(f"{t.deelproducten[d.id]} (advies: {t.scales[d.advised_scale]})", choices,
                                     index=choices.index(now) if now in choices else 0,
                                     key=f"region_votes_choice_{d.id}",
                                     format_func=lambda c: c if c == FOLLOW_ADVICE else t.scales[c])
        done = st.form_submit_button("Keuzes en stemmen vastleggen", type="primary")
    if done:
        read = _read(held)
        counts = read[1] if read else dict(region.votes)
        scale = {d.id: st.session_state[f"region_votes_choice_{d.id}"] for d in view.deelproducten
                 if st.session_state.get(f"region_votes_choice_{d.id}") not in (None, FOLLOW_ADVICE)}
        # Only the region's own names: a municipality renamed since the workshop began is left out.
        names = set(region.names)
        counts = {d: {n: c for n, c in per.items() if n in names} for d, per in counts.items()}
        save(Region.model_validate({**region.model_dump(), "scale": scale,
                                    "votes": {d: per for d, per in counts.items() if per}}))
        st.session_state["region_votes_saved"] = True
        st.rerun()


def region_workshop(s: dict[str, Any], region: Region, view: RegionView, save: Callable[[Region], None]) -> None:
    """The section 'Regionale workshop' of the page Regio."""
    st.subheader("Regionale workshop", anchor=False)
    key = s.get("key")
    if not valid_key(key) or s.get("saved") is None:
        st.info("Pas eerst de regio aan (of open een regiobestand): een regionale workshop hoort bij een "
                "bewaarde regio.", icon=":material/info:")
        return
    held = _workshop(key)
    if held is None:
        st.markdown("Deelnemers kiezen op hun telefoon hun gemeente en stemmen per deelproduct op de schaal. "
                    "U ziet per gemeente hoe er gestemd is, en waar de gemeenten het oneens zijn.")
        st.button("Start een regionale workshop", type="primary", on_click=_start, args=(key, region.names),
                  icon=":material/how_to_vote:")
        return
    reach = where()
    link = participant_link(held["code"], reach)
    left, right = st.columns([2, 1])
    state = repo.changes(engine(), held["code"])  # (id, closed, ...) or None: gone
    closed = bool(state and state[1])
    with left:
        st.markdown(f"Code voor de deelnemers: **{codes.shown(held['code'])}**"
                    + (" · de stemming is gesloten" if closed else ""))
        st.code(link, language=None, wrap_lines=True)
        if state is not None:
            st.button("Stemming weer openen" if closed else "Stemming sluiten", on_click=_set_closed,
                      args=(held, not closed), icon=":material/lock_open:" if closed else ":material/lock:")
    if reach.room:
        with right:
            st.markdown(qr_markdown(link, 5))

    first = [state]  # the page's run reads the store once; the fragment's own runs read it afresh
    # No refresh while the voting is closed: no vote can come in (reopening reruns the page).
    refresh = None if closed else REFRESH_SECONDS

    @st.fragment(run_every=refresh)
    def live() -> None:
        _table(view, held, region.names, first.pop() if first else None)

    live()
    _record(view, region, held, save)
