"""The page Regio: enter or upload a region, see the regional view, download the summary.

The table's edits are read back by keuzehulp/region/rows.py; a wrong cell gets a Dutch line
above the view and the last good region stays (nothing is lost). Every good change is saved in
the session store under the region's own key, carried in the address as `?regio=`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from keuzehulp.contract.inputs import InputError, parse_session
from keuzehulp.contract.labels import labels
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.dutch.numbers import euro, format_whole_number
from keuzehulp.region.content import DEELPRODUCT_IDS, SCALE_IDS
from keuzehulp.region.costs import region_summary
from keuzehulp.region.model import MAX_MUNICIPALITIES, Region, parse_region
from keuzehulp.region.rows import OPTION_FIELDS, ROW_FIELDS, options, region_from_rows, rows_of
from keuzehulp.region.texts import SIDE_FIELDS, texts
from keuzehulp.region.view import RegionView
from keuzehulp.report import region as writer
from keuzehulp.report.basis import reason_part
from keuzehulp.report.sources import knowledge_or_none
from keuzehulp.store import KeyInUse, UnknownSession, new_key, valid_key
from ui.kit.lazy import lazy_expander
from ui.region import reps as rep_links
from ui.region.votes import region_workshop
from ui.session.autosave import store
from ui.session.state import REGION_STATE

STATE = REGION_STATE  # {"key", "name", "rows", "bases", "scale", "version", "good", "saved"}
PARAM = "regio"
FOLLOW_ADVICE = "Advies volgen"
DOWNLOAD_LABELS = {"docx": "Word (bewerkbaar)", "pdf": "PDF", "md": "Markdown", "json": "JSON"}
DIFFERS, SAME = "≠ Verschilt", "Gelijk"
EXAMPLE = [{"municipality": "Gemeente A", "annual_intake": 12}, {"municipality": "Gemeente B", "annual_intake": 20}]


def _state() -> dict[str, Any]:
    if STATE not in st.session_state:
        st.session_state[STATE] = {"key": None, "name": "", "rows": rows_of({"municipalities": EXAMPLE}),
                                   "bases": [dict(p) for p in EXAMPLE], "scale": {}, "version": 0,
                                   "good": None, "saved": None, "extra": {}}
    return st.session_state[STATE]


def _load(s: dict[str, Any], region: Region) -> None:
    """Put a whole region in the editor (upload, restore): the table starts afresh."""
    doc = region.model_dump(mode="json")
    s.update(name=region.region, rows=rows_of(doc), bases=[dict(p) for p in doc["municipalities"]],
             scale=dict(region.scale), version=s["version"] + 1, good=region,
             extra={k: doc[k] for k in ("subregions", "lead", "joins", "cost_split", "actions", "votes")},
             initial="")  # an opened region is saved at once (only the untouched example is not)


def _restore(s: dict[str, Any]) -> None:
    key = st.query_params.get(PARAM)
    if valid_key(key) and s["key"] != key:
        s["key"], s["notice"] = key, None
        db = store()
        saved = db.load_session(key) if db is not None else None
        if saved is None:
            s["notice"] = "Deze regio is niet (meer) bewaard. U begint met een voorbeeld van twee gemeenten."
        else:
            try:
                _load(s, parse_region(rep_links.take(saved.data, s)))
                s["saved"] = saved.data
            except InputError:
                s["notice"] = "De bewaarde regio kon niet worden gelezen. U begint met een voorbeeld van twee gemeenten."
    if s.get("notice"):
        st.warning(s["notice"], icon=":material/info:")


def _save(s: dict[str, Any], region: Region) -> None:
    data = rep_links.document(region, s)
    if s["saved"] is None and s.setdefault("initial", data) == data:
        return  # the untouched example is not worth a row in the store
    if data == s["saved"]:
        return
    db = store()
    if db is None:
        return
    if not valid_key(s["key"]):
        s["key"] = new_key()
    try:  # keys are issued by the server (issue 22): the first save records the key
        if s["saved"] is None:
            db.create_session(s["key"], data)
        else:
            db.save_session(s["key"], data)
    except (KeyInUse, UnknownSession):  # taken, or deleted meanwhile: go on under a new key
        s["key"] = new_key()
        db.create_session(s["key"], data)
    s["saved"], s["notice"] = data, None
    st.query_params[PARAM] = s["key"]


def _uploads(s: dict[str, Any]) -> None:
    left, right = st.columns(2)
    region_file = left.file_uploader("Open een regiobestand (JSON)", type=["json"], key=f"region_upload_{s['version']}",
                                     help="Een regiobestand van de keuzehulp, of de JSON-download van deze pagina.")
    if region_file is not None:
        try:
            _load(s, parse_region(region_file.getvalue()))
            st.rerun()
        except InputError as exc:
            left.error("Dit regiobestand kon niet worden geopend. De regio is niet veranderd.\n\n"
                       + "\n".join(f"- {inert_markdown(m)}" for m in exc.messages), icon=":material/error:")
    session_file = right.file_uploader("Voeg een gemeente toe uit haar opgeslagen sessie", type=["json"],
                                       key=f"region_add_{s['version']}",
                                       help="Alle antwoorden van die gemeente komen mee; de tabel toont de belangrijkste.")
    if session_file is not None:
        try:
            profile = parse_session(session_file.getvalue()).profile
        except InputError as exc:
            right.error("Deze sessie kon niet worden geopend. De regio is niet veranderd.\n\n"
                        + "\n".join(f"- {inert_markdown(m)}" for m in exc.messages), icon=":material/error:")
            return
        if len(s["rows"]) >= MAX_MUNICIPALITIES:
            right.error(f"Een regio heeft hoogstens {MAX_MUNICIPALITIES} gemeenten.", icon=":material/error:")
            return
        base = profile.model_dump(mode="json")
        s["rows"] = [*s["rows"], rows_of({"municipalities": [base]})[0]]
        s["bases"] = [*s["bases"], base]
        s["version"] += 1
        st.rerun()


def _editor(s: dict[str, Any]) -> Region | None:
    t = texts()
    s["name"] = st.text_input("Naam van de regio", value=s["name"], max_chars=100, key=f"region_name_{s['version']}",
                              placeholder="Bijvoorbeeld: Regio Rivierenland")
    frame = pd.DataFrame(s["rows"], columns=list(ROW_FIELDS))
    config = {f: st.column_config.TextColumn(t.editor_columns[f]) for f in ROW_FIELDS}
    for f in OPTION_FIELDS:
        config[f] = st.column_config.SelectboxColumn(t.editor_columns[f], options=list(options(f).values()))
    edited = st.data_editor(frame, column_config=config, num_rows="dynamic", hide_index=True, width="stretch",
                            key=f"region_editor_{s['version']}")
    st.caption("Eén rij per gemeente (2 tot en met 15). Getallen zoals u ze schrijft: 1.000 is duizend. "
               "Laat de leerroutes leeg als de verdeling nog niet bekend is.")
    rows = [{k: ("" if pd.isna(v) else str(v)) for k, v in rec.items()} for rec in edited.to_dict("records")]
    bases = [s["bases"][i] if isinstance(i, int) and i < len(s["bases"]) else None for i in edited.index]
    with st.expander("Keuze van de regio per deelproduct"):
        _scale_choices(s)
    try:
        region = region_from_rows(s["name"].strip() or "Regio", rows, bases, s["scale"], s["extra"])
    except InputError as exc:
        st.error("Niet alles in de tabel kan kloppen; het overzicht hieronder toont de laatste regio die wel "
                 "klopte.\n\n" + "\n".join(f"- {inert_markdown(m)}" for m in exc.messages), icon=":material/error:")
        return s["good"]
    s["good"] = region
    _save(s, region)
    return region


def _scale_choices(s: dict[str, Any]) -> None:
    t = texts()
    for d in DEELPRODUCT_IDS:
        choices = [FOLLOW_ADVICE, *SCALE_IDS]
        now = s["scale"].get(d)
        picked = st.selectbox(t.deelproducten[d], choices, index=choices.index(now) if now in choices else 0,
                              key=f"region_scale_{d}_{s['version']}",
                              format_func=lambda c: c if c == FOLLOW_ADVICE else t.scales[c])
        if picked == FOLLOW_ADVICE:
            s["scale"].pop(d, None)
        else:
            s["scale"][d] = picked


def side_by_side_rows(view: RegionView) -> list[tuple[str, bool, list[str]]]:
    """(question, differs, one value per municipality): the key answers, then the advice."""
    lab, t = labels(), texts()
    rows: list[tuple[str, bool, list[str]]] = []
    for field in SIDE_FIELDS:
        values = [getattr(m.advice.profile, field) for m in view.municipalities]
        shown = [format_whole_number(v) if isinstance(v, int) and not isinstance(v, bool) else lab.value(field, v)
                 for v in values]
        rows.append((t.side_rows[field], len(set(shown)) > 1, shown))
    for decision in lab.decisions:
        shown = [lab.option(decision, m.advice.decisions[decision].choice) for m in view.municipalities]
        rows.append((t.side_rows[decision], len(set(shown)) > 1, shown))
    return rows


def _side_by_side(view: RegionView) -> None:
    names = [m.municipality for m in view.municipalities]
    rows = side_by_side_rows(view)
    # A table that scrolls sideways (up to 15 municipalities); the mark stands second, so it stays in view.
    frame = pd.DataFrame([[q, DIFFERS if d else SAME, *v] for q, d, v in rows],
                         columns=["Vraag", "Verschilt?", *_unique(names)])
    # No pandas Styler for a row colour: it took ~25 ms of each page run (issue 25's click target);
    # the mark column says the same in words, and the list below says why.
    st.dataframe(frame, hide_index=True, width="stretch", height=38 * (len(rows) + 1),
                 column_config={"Vraag": st.column_config.TextColumn(width="medium", pinned=True)})
    st.caption(f"Een rij waar de gemeenten verschillen, staat gemarkeerd met '{DIFFERS}'.")
    t = texts()
    st.markdown(f"**{t.differences_title}**")
    if not view.differences:
        st.markdown(t.no_differences)
    for diff in view.differences:
        st.markdown(f"- {inert_markdown(diff.what)}\n" + "\n".join(f"  - {inert_markdown(w)}" for w in diff.why))


def _unique(names: list[str]) -> list[str]:
    """Column names as the table needs them: unique (names are unique, ignoring case only)."""
    return [n if names.index(n) == i else f"{n} ({i + 1})" for i, n in enumerate(names)]


def _deelproducten(view: RegionView) -> None:
    t, kb = texts(), knowledge_or_none()
    for d in view.deelproducten:
        box = lazy_expander(f"{t.deelproducten[d.id]}: {writer.scale_word(d)}", key=f"region_why_{d.id}")
        if box is None:
            continue
        with box:
            for r in d.reasons:
                part = reason_part(r, kb)
                st.markdown(f"- {inert_markdown(r.text)}  \n  :gray[{inert_markdown(part.basis_line)}]")
            if d.grouped:
                table = [{t.columns["scale"]: t.scales[scale], "Wie": ", ".join(u.members),
                          t.columns["intake"]: round(u.intake_per_year), "Groep vol na": u.text,
                          "Op tijd": "ja" if u.in_time else "nee"}
                         for scale, units in d.scales.items() if units for u in units]
                st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")


def _costs(view: RegionView) -> None:
    t = texts()
    costs = view.costs
    for s in costs.shared:
        st.markdown(inert_markdown(t.cost_shared.format(
            groups=s.groups_per_year, alone=s.alone_groups_per_year, cost=euro(s.cost_per_year),
            alone_cost=euro(s.alone_cost_per_year), key=t.cost_key[costs.key])))
    c = t.columns
    st.dataframe(pd.DataFrame([{c["municipality"]: m.municipality, c["share"]: f"{round(m.share * 100)}%",
                                c["shared"]: euro(m.shared_costs), c["rijk"]: euro(m.rijk_per_year)}
                               for m in costs.municipalities]), hide_index=True, width="stretch")
    st.caption(t.cost_rijk)


def _downloads(view: RegionView) -> None:
    st.markdown(f"**Download de {texts().title.lower()}**")
    columns = st.columns(len(writer.FORMATS))
    today = date.today()
    for column, fmt in zip(columns, ("docx", "pdf", "md", "json"), strict=True):
        column.download_button(DOWNLOAD_LABELS[fmt], data=lambda fmt=fmt, v=view: writer.render(fmt, v, today),
                               file_name=writer.filename(fmt, view, today), mime=writer.MIME[fmt],
                               on_click="ignore", icon=":material/download:", key=f"region_download_{fmt}",
                               width="stretch")


def _summary(s: dict[str, Any], region: Region) -> RegionView:
    """The regional view with costs, computed again only when the region changed (15 municipalities
    take ~40 ms; a click elsewhere on the page should not pay for it)."""
    data = region.model_dump_json()
    if s.get("view_of") != data:
        s["view_of"], s["view"] = data, region_summary(region)
    return s["view"]


def region_page() -> None:
    st.title("Regio", anchor=False)
    st.markdown("Meer gemeenten ontwerpen samen: per deelproduct op welke schaal (lokaal, subregionaal, "
                "regionaal, bovenregionaal of geclusterd), wie trekt en wie meedoet. Vul per gemeente de "
                "belangrijkste antwoorden in, of voeg een gemeente toe uit haar opgeslagen sessie.")
    s = _state()
    _restore(s)
    _uploads(s)
    region = _editor(s)
    if region is None:
        return
    rep_links.links(s, region)
    view = _summary(s, region)
    t = texts()
    st.header(f"{t.title}: {view.region}", anchor=False)
    metrics = st.columns(4)
    metrics[0].metric("Instroom per jaar, samen", format_whole_number(view.intake_per_year))
    for column, (route, label) in zip(metrics[1:], (("b1", "B1-route"), ("onderwijs", "Onderwijsroute"),
                                                    ("z", "Z-route")), strict=True):
        label += " (waar bekend)" if view.route_mix_missing else ""
        column.metric(label, format_whole_number(round(view.intake_per_route[route])))
    if view.route_mix_missing:
        st.caption(inert_markdown(t.mix_missing.format(names=", ".join(view.route_mix_missing))))
    st.subheader(t.shared_title, anchor=False)
    c = t.columns
    st.dataframe(pd.DataFrame(writer.shared_rows(view), columns=[c["deelproduct"], c["scale"], c["lead"], c["joins"]]),
                 hide_index=True, width="stretch")
    _downloads(view)
    st.subheader("De gemeenten naast elkaar", anchor=False)
    _side_by_side(view)
    st.subheader("Waarom deze schaal", anchor=False)
    _deelproducten(view)
    st.subheader(t.costs_title, anchor=False)
    _costs(view)
    region_workshop(s, region, view, save=lambda r: (_load(s, r), _save(s, r)))

