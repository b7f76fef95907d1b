"""Representatives fill in their own municipality through their own link (issue 25, item 1).

The facilitator's side (on the page Regio, below the table): 'Links maken' opens the region's
links in the store (keuzehulp/region/reps.py) with a secret that stays with the facilitator's
region (saved with it under `?regio=`, never in a link); per municipality its link and a
message to copy, its status, 'Nieuwe link' and 'Link intrekken'. A fragment asks the store
every few seconds for a cheap change mark; when a representative saved, the page reruns and
their answers are taken into the table (`pick_up`). What the facilitator changes in the table
for a municipality with a link is written to its part on the version seen (`push`, before
`pick_up`); when the representative saved first, theirs stays and the facilitator is told.

The representative's side (the page Regio invullen, `?gemeente=<token>`): a form for their municipality
only, the table's fields and the partners, read by the table's own reader (rows.read_row) with
each Dutch message next to its widget; nothing of the other municipalities is shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ROUTE_IDS
from keuzehulp.dutch.dates import dutch_moment, local_now
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.dutch.numbers import format_whole_number
from keuzehulp.region import reps
from keuzehulp.region.content import NUMBER_FIELDS, OPTION_FIELDS
from keuzehulp.region.model import Region
from keuzehulp.region.reps import Governed, LinkError, NotAllowed, Stale
from keuzehulp.region.rows import options, read_row, rows_of
from keuzehulp.region.texts import texts
from ui.kit.headings import section_heading
from ui.session.autosave import store
from ui.workshop.store import engine, where

PARAM = "gemeente"
PAGE = "regio_invullen"  # pages/regio_invullen.py, a participant's page (no sidebar)
LINKS = "links"  # in the facilitator's region document and page state: {"id", "secret", "name", "tokens"}
CHECK_SECONDS = 3
REP_STATE = "region_rep"
SHOW_LINKS = "region_links_show"


DB_ERRORS = (SQLAlchemyError, OSError)  # the store out of reach: a Dutch line, never a traceback


@st.cache_resource(show_spinner=False)
def _purged() -> bool:
    """Once per process: regions past their expiry go, with their links (as workshops do)."""
    reps.purge_expired(engine())
    return True


def _db() -> Engine:
    """The store's engine (ui/workshop/store.py: one per process, migrated)."""
    _purged()
    return engine()


def _t() -> dict[str, str]:
    return texts().reps


@contextmanager
def _guard(s: dict[str, Any]) -> Iterator[None]:
    """A facilitator's call to the store: links gone or the store out of reach are told, not raised."""
    try:
        yield
    except NotAllowed:
        s[LINKS], s["links_gone"] = None, True
    except DB_ERRORS:
        s["db_error"] = True


# --- the facilitator's secret, kept with the facilitator's region -----------------------------


def document(region: Region, s: dict[str, Any]) -> str:
    """The region as the store keeps it under `?regio=`: with the links' secret and tokens."""
    if not s.get(LINKS):
        return region.model_dump_json()
    return json.dumps({**region.model_dump(mode="json"), LINKS: s[LINKS]})


def take(saved: str, s: dict[str, Any]) -> str:
    """A stored region document without its links part, which goes into the page state."""
    try:
        doc = json.loads(saved)
    except ValueError:
        return saved
    if not isinstance(doc, dict) or LINKS not in doc:
        return saved
    links = doc.pop(LINKS)
    if isinstance(links, dict) and isinstance(links.get("id"), str) and isinstance(links.get("secret"), str):
        s[LINKS] = {"id": links["id"], "secret": links["secret"], "name": str(links.get("name", "")),
                    "tokens": {str(k): str(v) for k, v in (links.get("tokens") or {}).items()}}
        s["parts"] = {}
    return json.dumps(doc)


def _governed(s: dict[str, Any]) -> Governed | None:
    links = s.get(LINKS)
    return Governed(links["id"], links["secret"]) if links else None


def _known(s: dict[str, Any], part: reps.Part) -> None:
    s.setdefault("parts", {})[part.id] = part


def _put(s: dict[str, Any], region: Region) -> None:
    """A region into the page's table (a new editor: the table starts from it)."""
    doc = region.model_dump(mode="json")
    s.update(rows=rows_of(doc), bases=[dict(p) for p in doc["municipalities"]], version=s["version"] + 1,
             good=region)


def pick_up(s: dict[str, Any]) -> None:
    """Take into the table what representatives saved since this tab last looked. Runs after the
    table was read and the facilitator's own changes were written (push), so an edit made at the
    same moment is kept, or, for the same municipality, lost to the representative and told."""
    governed = _governed(s)
    if governed is None or store() is None:
        return
    found = None
    with _guard(s):
        found = reps.parts(_db(), governed)
    if found is None:
        return
    s["changes"] = (len(found), sum(p.version for p in found))
    region, taken = s.get("good"), []  # the table as the facilitator left it, their edits included
    for part in found:
        known = s.get("parts", {}).get(part.id)
        _known(s, part)
        if known is not None and known.version == part.version:
            continue
        name = reps.find(region, part.municipality) if region is not None else None
        if name is None or reps.part_of(region, name) == part.data:
            continue
        try:
            region = reps.with_part(region, name, part.data)
        except ValueError:
            continue  # a part that no longer fits the region (cannot happen through the form)
        taken.append(name)
    if taken:
        _put(s, region)
        s["taken"] = taken
        st.rerun()  # the table is drawn afresh with their answers (and the facilitator's own edits)


def push(s: dict[str, Any], region: Region) -> None:
    """Write the facilitator's changes of a municipality with a link to its part (on the version
    seen); the region's name to the links. A representative who saved first wins, and is shown."""
    governed = _governed(s)
    if governed is None or store() is None:
        return
    with _guard(s):
        if s[LINKS].get("name") != region.region:
            reps.rename(_db(), governed, region.region)
            s[LINKS]["name"] = region.region
        for part in list(s.get("parts", {}).values()):
            name = reps.find(region, part.municipality)
            if name is None or reps.part_of(region, name) == part.data:
                continue
            try:
                _known(s, reps.write(_db(), governed, part.id, reps.part_of(region, name), part.version))
            except Stale as stale:
                _known(s, stale.current)
                s["lost"] = name
                _put(s, reps.with_part(region, name, stale.current.data))
                st.rerun()


def _link(token: str) -> str:
    return f"{where().base}/{PAGE}?{PARAM}={token}"


def _open(s: dict[str, Any], region: Region) -> None:
    with _guard(s):
        governed = reps.open_region(_db(), region.region)
        s[LINKS] = {"id": governed.id, "secret": governed.secret, "name": region.region, "tokens": {}}
        s["parts"], s["links_gone"] = {}, False
        st.session_state[SHOW_LINKS] = True  # shown at once; hidden again with the toggle (15 make a long list)
        for name in region.names:
            _issue(s, region, name)


def _issue(s: dict[str, Any], region: Region, name: str) -> None:
    with _guard(s):
        token = reps.issue(_db(), _governed(s), name, reps.part_of(region, name))
        s[LINKS]["tokens"][token.split(".")[0]] = token
        s["parts"] = {}  # read afresh (the renewed or new row)


def _revoke(s: dict[str, Any], part_id: str, name: str) -> None:
    with _guard(s):
        reps.revoke(_db(), _governed(s), part_id)
        s[LINKS]["tokens"].pop(part_id, None)
        s["revoked"] = name


def _status(part: reps.Part | None) -> str:
    t = _t()
    if part is None:
        return t["link_none"]
    if part.saved_by == "rep":
        return t["status_rep"].format(moment=dutch_moment(part.updated_at))
    if part.saved_by == "facilitator":
        return t["status_facilitator"].format(moment=dutch_moment(part.updated_at))
    return t["status_issued"]


def links(s: dict[str, Any], region: Region) -> None:
    """The facilitator's links: one per municipality, with its status; revoke, renew."""
    t = _t()
    section_heading(t["links_title"], key="rep-links")
    if store() is None:
        st.caption(t["links_no_store"])
        return
    push(s, region)
    pick_up(s)
    if s.pop("db_error", False):
        st.warning(t["db_down"], icon=":material/cloud_off:")
    for key, kind in (("taken", "taken_in"), ("lost", "lost_to_rep"), ("revoked", "link_revoked")):
        if s.get(key):
            value = s.pop(key)
            text = t[kind].format(names=", ".join(value) if isinstance(value, list) else value, name=value)
            (st.warning if key == "lost" else st.info)(inert_markdown(text), icon=":material/info:")
    st.markdown(t["links_intro"])
    if _governed(s) is None:
        if s.get("links_gone"):
            st.warning(t["links_gone"], icon=":material/warning:")
        st.button(t["links_start"], on_click=_open, args=(s, region), icon=":material/link:", key="region_links_start")
        return
    by_name = {p.municipality.casefold(): p for p in s.get("parts", {}).values()}
    filled = sum(1 for n in region.names if (p := by_name.get(n.casefold())) is not None and p.saved_by == "rep")
    st.markdown(t["links_filled"].format(filled=filled, count=len(region.names)))
    # A toggle, not an expander: its state is the session's, so the list stays shown or hidden as the
    # facilitator left it when a representative's save puts a notice above it.
    if st.toggle(t["links_list"], key=SHOW_LINKS):
        _link_boxes(s, region, by_name)
    names = {n.casefold() for n in region.names}
    for part in s.get("parts", {}).values():
        if part.municipality.casefold() not in names and part.active:
            st.caption(inert_markdown(f"{part.municipality}: {t['status_removed']}"))
    _watch(s)


def _link_boxes(s: dict[str, Any], region: Region, by_name: dict[str, reps.Part]) -> None:
    t = _t()
    for i, name in enumerate(region.names):
        part = by_name.get(name.casefold())
        token = s[LINKS]["tokens"].get(part.id) if part is not None and part.active else None
        with st.container(border=True, key=f"region_link_{i}"):
            st.markdown(f"**{inert_markdown(name)}** · {inert_markdown(_status(part) if token else t['link_none'])}")
            if token:
                st.code(t["link_message"].format(name=name, region=region.region, link=_link(token)),
                        language=None, wrap_lines=True)
            left, right = st.columns(2)
            left.button(t["link_renew"] if token else t["link_make"], key=f"region_link_new_{i}",
                        on_click=_issue, args=(s, region, name), icon=":material/autorenew:")
            if token:
                right.button(t["link_revoke"], key=f"region_link_revoke_{i}", on_click=_revoke,
                             args=(s, part.id, name), icon=":material/link_off:")


def _watch(s: dict[str, Any]) -> None:
    """Every few seconds one small read; the page reruns only when a part changed."""

    @st.fragment(run_every=CHECK_SECONDS)
    def _check() -> None:
        governed = _governed(s)
        if governed is None:
            return
        try:
            changed = reps.changes(_db(), governed) != s.get("changes")
        except DB_ERRORS:
            return  # asked again in a few seconds
        if changed:
            st.rerun(scope="app")

    _check()


# --- the representative's page ----------------------------------------------------------------


def _seed(state: dict[str, Any], part: reps.Part) -> None:
    """Put a part's answers in the form's widgets (a new set of keys, so they show it)."""
    data = part.data
    state.update(version=part.version, data=data, errors={}, round=state.get("round", 0) + 1)
    r = state["round"]
    for f in NUMBER_FIELDS:
        st.session_state[f"rep_{f}_{r}"] = format_whole_number(data[f]) if isinstance(data.get(f), int) else ""
    for f in OPTION_FIELDS:
        st.session_state[f"rep_{f}_{r}"] = options(f).get(data.get(f), next(iter(options(f).values())))
    st.session_state[f"rep_partners_{r}"] = [p for p in data.get("partners") or [] if p in options("partners")]
    mix = data.get("route_shares") or {}
    for route in ROUTE_IDS:
        st.session_state[f"rep_{route}_{r}"] = format_whole_number(round(mix[route])) if mix else ""


def _save(token: str, state: dict[str, Any], municipality: str) -> None:
    r = state["round"]
    row = {"municipality": municipality, **{f: st.session_state.get(f"rep_{f}_{r}", "")
                                            for f in (*NUMBER_FIELDS, *OPTION_FIELDS, *ROUTE_IDS)}}
    base = {k: v for k, v in state["data"].items() if k != "route_shares"}
    base["partners"] = list(st.session_state.get(f"rep_partners_{r}") or [])
    data, mix, problems = read_row(row, base)
    state["errors"] = {("mix" if column in ROUTE_IDS else column): message for column, message in problems}
    state["saved_at"] = None
    if problems:
        return
    part = {f: data[f] for f in reps.PART_FIELDS if f in data}
    part["route_shares"] = mix
    try:
        saved = reps.save_link(token, _db(), part, state["version"])
    except Stale as stale:
        _seed(state, stale.current)
        state["notice"] = _t()["rep_stale"]
        return
    except LinkError as exc:
        state["notice"] = str(exc)
        return
    except DB_ERRORS:
        state["notice"] = _t()["db_down"]
        return
    state.update(version=saved.version, data=saved.data, notice=None, saved_at=f"{local_now():%H:%M}")


def _message(state: dict[str, Any], field: str) -> None:
    if state["errors"].get(field):
        st.error(inert_markdown(state["errors"][field][:1].upper() + state["errors"][field][1:]),
                 icon=":material/error:")


def representative_page() -> None:
    """The page Regio invullen: the form of the municipality whose link's token is in the address."""
    token = st.query_params.get(PARAM)
    t, cols = _t(), texts().editor_columns
    try:
        region_name, part = reps.open_link(token or "", _db())
    except LinkError as exc:
        st.title("Regio invullen", anchor=False)
        st.error(str(exc) if token else t["rep_no_token"], icon=":material/link_off:")
        return
    except DB_ERRORS:
        st.title("Regio invullen", anchor=False)
        st.error(t["db_down"], icon=":material/cloud_off:")
        return
    state = st.session_state.setdefault(REP_STATE, {})
    if state.get("token") != token:
        state.clear()
        state["token"] = token
        _seed(state, part)
    r = state["round"]
    st.title(inert_markdown(t["rep_title"].format(municipality=part.municipality, region=region_name)), anchor=False)
    st.markdown(inert_markdown(t["rep_intro"].format(region=region_name)))
    if state.get("notice"):
        st.warning(inert_markdown(state["notice"]), icon=":material/info:")
    with st.form(f"rep_form_{r}", border=False):
        st.text_input(cols["annual_intake"], key=f"rep_annual_intake_{r}", max_chars=12)
        _message(state, "annual_intake")
        st.markdown(f"**{t['rep_mix']}**")
        for column, route in zip(st.columns(3), ROUTE_IDS, strict=True):
            column.text_input(cols[route], key=f"rep_{route}_{r}", max_chars=5)
        _message(state, "mix")
        _message(state, "route_shares")
        for f in OPTION_FIELDS:
            st.selectbox(cols[f], list(options(f).values()), key=f"rep_{f}_{r}")
            _message(state, f)
        st.multiselect(labels().field("partners"), list(options("partners")), key=f"rep_partners_{r}",
                       format_func=lambda p: options("partners")[p], placeholder="Kies de partners")
        _message(state, "partners")
        for f in ("min_group_size", "max_wait_months"):
            st.text_input(cols[f], key=f"rep_{f}_{r}", max_chars=6)
            _message(state, f)
        st.form_submit_button(t["rep_save"], type="primary", on_click=_save, args=(token, state, part.municipality),
                              icon=":material/save:")
    if state["errors"]:
        st.error(t["rep_problems"], icon=":material/error:")
    elif state.get("saved_at"):
        st.success(t["rep_saved"].format(time=state["saved_at"]), icon=":material/check_circle:")
