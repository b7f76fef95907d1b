"""texts/region.yaml: the Dutch words of the regional view and summary, checked complete at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from keuzehulp.contract.ids import DECISION_IDS
from keuzehulp.contract.yamlio import load_model_file, require_keys

from .content import DEELPRODUCT_IDS, ROW_FIELDS, SCALE_IDS

TEXTS_PATH = Path(__file__).resolve().parents[2] / "texts" / "region.yaml"
COLUMNS = ("deelproduct", "scale", "lead", "joins", "action", "owner", "due", "municipality", "intake",
           "share", "shared", "rijk", "groups")
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
        require_keys(self, {
            "deelproducten": DEELPRODUCT_IDS, "scales": SCALE_IDS, "columns": COLUMNS,
            "cost_key": ("participants", "equal", "custom"), "editor_columns": ROW_FIELDS,
            "side_rows": (*SIDE_FIELDS, *DECISION_IDS), "single_columns": ("deelproduct", "alone", "together", "scale"),
            "reps": REP_KEYS, "within": WITHIN, "between": BETWEEN, "votes_columns": VOTE_COLUMNS,
            "scale_help": SCALE_IDS})
        return self


def load_texts(path: Path = TEXTS_PATH) -> RegionTexts:
    return load_model_file(RegionTexts, path)[0]


@lru_cache(maxsize=1)
def texts() -> RegionTexts:
    return load_texts()
