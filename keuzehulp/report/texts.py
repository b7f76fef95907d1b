"""The fixed Dutch wording of the choice summary, from texts/report.yaml (checked at load)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..yamlio import ContentError, display_path, load_yaml_file, validation_problems

TEXTS_PATH = Path(__file__).resolve().parent.parent.parent / "texts" / "report.yaml"


class ReportTexts(BaseModel):
    """Every key the report uses; a missing or unknown key is a content error with its line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tool_name: str
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
    handreiking_title: str
    handreiking_sections_label: str
    references_label: str
    other_sources_label: str
    checked_on: str
    footer: str
    rules_version_unknown: str
    page_label: str


def load_texts(path: Path = TEXTS_PATH) -> ReportTexts:
    data, problems = load_yaml_file(path)
    if problems:
        raise ContentError(problems)
    try:
        return ReportTexts.model_validate(data)
    except ValidationError as exc:
        raise ContentError(validation_problems(exc, data, display_path(path))) from None


@lru_cache(maxsize=1)
def texts() -> ReportTexts:
    """The report wording, loaded once per process."""
    return load_texts()
