"""The fixed Dutch wording of the downloads, from texts/report.yaml and texts/comparison.yaml (checked at load)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.yamlio import load_model_file

T = TypeVar("T", bound=BaseModel)

TEXTS_DIR = Path(__file__).resolve().parent.parent.parent / "texts"
TEXTS_PATH = TEXTS_DIR / "report.yaml"
COMPARISON_TEXTS_PATH = TEXTS_DIR / "comparison.yaml"


class ReportTexts(BaseModel):
    """Every key the report uses; a missing or unknown key is a content error with its line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tool_name: str
    metadata_keywords: str
    metadata_comments: str
    title: str
    title_with_municipality: str
    date_line: str
    reading_guide_heading: str
    reading_guide: list[str]
    participants_heading: str
    participants_columns: list[str]
    no_participants: str
    profile_heading: str
    profile_columns: list[str]
    not_filled_in: str
    question_heading: str
    advice_label: str
    strength_label: str
    reasons_for_label: str
    reasons_against_label: str
    flips_label: str
    no_flips: str
    decision_examples_label: str
    decision_sources_label: str
    team_label: str
    team_reason_label: str
    team_undecided: str
    team_differs: str
    group_formation_heading: str
    group_formation_intro: str
    elements_heading: str
    element_reasons_label: str
    element_actions_label: str
    notes_heading: str
    examples_heading: str
    examples_intro: str
    no_examples: str
    scenarios_heading: str
    scenarios_intro: str
    scenarios_current: str
    scenarios_columns_first: str
    scenario_heading: str
    scenario_differences_label: str
    scenario_no_differences: str
    scenario_essential_label: str
    sources_heading: str
    sources_intro: str
    abbreviations_heading: str
    abbreviations_intro: str
    abbreviations_columns: list[str]
    handreiking_title: str
    handreiking_sections_label: str
    references_label: str
    other_sources_label: str
    checked_on: str
    footer: str
    rules_version_unknown: str
    page_label: str
    # workshop (issue 14): page 1 "Besluitpunten", actions, appendices, colophon
    decisions_heading: str
    decisions_intro: str
    decisions_columns: list[str]
    team_not_chosen: str
    differs_mark: str
    actions_heading: str
    actions_columns: list[str]
    no_actions: str
    team_action_label: str
    action_owner_label: str
    action_due_label: str
    appendices_heading: str
    scenarios_current_named: str
    colophon_heading: str
    colophon: str
    # Live workshop (issue 11)
    votes_label: str
    votes_split: str
    votes_reasons_label: str
    votes_heading: str
    votes_about: str
    votes_closed: str
    votes_top5: str


class ComparisonTexts(BaseModel):
    """The wording of the scenario comparison (texts/comparison.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    title_with_municipality: str
    date_line: str
    compared: str
    intro: str
    decisions_heading: str
    elements_heading: str
    fields_heading: str
    team_heading: str
    team_intro: str
    team_undecided: str
    team_reason: str
    no_field_differences: str
    decision_column: str
    element_column: str
    field_column: str
    differs_column: str
    differs: str
    same: str
    screen_differs_column: str
    screen_differs: str
    screen_same: str
    file_stem: str
    file_fallback: str


def _load(model: type[T], path: Path) -> T:
    return load_model_file(model, path)[0]


def load_texts(path: Path = TEXTS_PATH) -> ReportTexts:
    return _load(ReportTexts, path)


def load_comparison_texts(path: Path = COMPARISON_TEXTS_PATH) -> ComparisonTexts:
    return _load(ComparisonTexts, path)


@lru_cache(maxsize=1)
def texts() -> ReportTexts:
    """The report wording, loaded once per process."""
    return load_texts()


@lru_cache(maxsize=1)
def comparison_texts() -> ComparisonTexts:
    """The comparison wording, loaded once per process."""
    return load_comparison_texts()
