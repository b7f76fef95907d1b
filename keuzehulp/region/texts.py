"""texts/region.yaml: the Dutch words of the regional view and summary, checked complete at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from keuzehulp.contract.ids import DECISION_IDS
from keuzehulp.contract.yamlio import load_model_file

from .content import DEELPRODUCT_IDS, ROW_FIELDS, SCALE_IDS

TEXTS_PATH = Path(__file__).resolve().parents[2] / "texts" / "region.yaml"
COLUMNS = ("deelproduct", "scale", "lead", "joins", "action", "owner", "due", "municipality", "intake",
           "share", "shared", "rijk")
REP_KEYS = ("links_title", "links_intro", "links_start", "links_no_store", "links_gone", "link_make", "link_renew",
            "link_revoke", "link_revoked", "link_none", "link_message", "status_issued", "status_rep",
            "status_facilitator", "status_removed", "taken_in", "lost_to_rep", "rep_title", "rep_intro", "rep_mix",
            "rep_save", "rep_saved", "rep_problems", "rep_stale", "rep_no_token", "links_list",
            "links_filled", "db_down")
WITHIN = ("none", "single", "unanimous", "majority", "split")  # keuzehulp/region/votes.py's levels
BETWEEN = ("open", "agree", "differ")
# The answers the page Regio sets side by side, one row each (with the advice below them).
SIDE_FIELDS = ("annual_intake", "level_mix", "sector_mix", "recent_arrivals", "own_capacity",
               "regional_cooperation", "partners", "min_group_size", "max_wait_months")
VOTE_COLUMNS = ("deelproduct", "advised", "chosen", "municipalities", "between")


class RegionTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    intro: str
    disclaimer: str
    shared_title: str
    municipalities_title: str
    differences_title: str
    costs_title: str
    scales_title: str
    no_deviations: str
    no_actions: str
    no_differences: str
    region_wide: str
    columns: dict[str, str]
    chosen: str
    advised: str
    advised_differs: str
    every_municipality: str
    deviation_not_joining: str
    deviation_alone: str
    deviation_advice: str
    difference_what: str
    difference_why: str
    mix_missing: str
    not_computed: str
    no_subregions: str
    cost_key: dict[str, str]
    cost_shared: str
    cost_rijk: str
    deelproducten: dict[str, str]
    scales: dict[str, str]
    editor_columns: dict[str, str]
    side_rows: dict[str, str]  # short names of SIDE_FIELDS for the table side by side
    row_problem: str
    single_title: str
    single_intro: str
    single_none: str
    single_training: str
    single_columns: dict[str, str]
    reps: dict[str, str]  # representatives' links (ui/region/reps.py)
    votes_title: str
    votes_intro: str
    votes_none: str
    votes_of: str
    split_within: str
    within: dict[str, str]
    between: dict[str, str]
    votes_columns: dict[str, str]
    scale_help: dict[str, str]
    vote_intro: str

    @model_validator(mode="after")
    def _complete(self) -> RegionTexts:
        missing = [f"deelproducten.{d}" for d in DEELPRODUCT_IDS if d not in self.deelproducten]
        missing += [f"scales.{s}" for s in SCALE_IDS if s not in self.scales]
        missing += [f"columns.{c}" for c in COLUMNS if c not in self.columns]
        missing += [f"cost_key.{k}" for k in ("participants", "equal", "custom") if k not in self.cost_key]
        missing += [f"editor_columns.{c}" for c in ROW_FIELDS if c not in self.editor_columns]
        missing += [f"side_rows.{f}" for f in (*SIDE_FIELDS, *DECISION_IDS) if f not in self.side_rows]
        missing += [f"single_columns.{c}" for c in ("deelproduct", "alone", "together", "scale")
                    if c not in self.single_columns]
        missing += [f"reps.{k}" for k in REP_KEYS if k not in self.reps]
        missing += [f"within.{k}" for k in WITHIN if k not in self.within]
        missing += [f"between.{k}" for k in BETWEEN if k not in self.between]
        missing += [f"votes_columns.{c}" for c in VOTE_COLUMNS if c not in self.votes_columns]
        missing += [f"scale_help.{s}" for s in SCALE_IDS if s not in self.scale_help]
        if missing:
            raise ValueError(f"missing: {', '.join(missing)}")
        return self


def load_texts(path: Path = TEXTS_PATH) -> RegionTexts:
    return load_model_file(RegionTexts, path)[0]


@lru_cache(maxsize=1)
def texts() -> RegionTexts:
    return load_texts()
