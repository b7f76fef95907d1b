"""The output: Advice, its decisions, elements, reasons (whose word each is) and flips. Part of
the public contract (schema.py re-exports it)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
)

from keuzehulp.contract.answers import (
    Profile,
)
from keuzehulp.contract.ids import (
    _STRICT,
    ADVICE_SCHEMA_VERSION,
    DecisionId,
    Priority,
    Strength,
)


class Flip(BaseModel):
    """One single-field change that would change a decision's choice."""

    model_config = _STRICT

    field: str
    value: JsonValue
    choice: str
    text: str


Basis = Literal["handreiking", "bron", "aanname"]
DecisionBasis = Literal["handreiking", "aanname", "gemengd"]


class Reason(BaseModel):
    """One reason and whose word it is (DOMAIN.md, "Provenance of every reason").

    basis `handreiking`: `passage` is verbatim in the handreiking; `bron`: `sources` names a
    knowledge page of another public source (address and date on that page); `aanname`: the
    keuzehulp's own judgement, `assumption` is its id in knowledge/assumptions.yaml.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)  # shared between advices (engine._reason)

    text: str
    basis: Basis
    passage: str | None = None
    sources: list[str] = Field(default_factory=list)
    assumption: str | None = None
    rule: str = ""

    def __str__(self) -> str:  # a consumer that only wants the sentence gets the sentence
        return self.text


class DecisionAdvice(BaseModel):
    model_config = _STRICT

    choice: str
    strength: Strength
    basis: DecisionBasis = "gemengd"  # from the reasons that decided it
    reasons_for: list[Reason] = Field(default_factory=list)
    reasons_against: list[Reason] = Field(default_factory=list)
    flips: list[Flip] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)


class ElementAdvice(BaseModel):
    model_config = _STRICT

    id: str
    priority: Priority
    reasons: list[Reason] = Field(default_factory=list)
    # An instruction is a sentence; an action that also states a fact is a Reason (with basis).
    actions: list[str | Reason] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)


class GroupFormation(BaseModel):
    """The transparent estimate behind training_format (extension of the contract)."""

    model_config = _STRICT

    intake_per_year: int  # own intake, plus the partners' when cooperation exists
    level_groups: int  # how many language levels the intake is spread over
    sector_groups: int  # vocational directions (1 when alike); splits only sector-specific schooling
    per_group_per_year: float  # newcomers per year who fit one (general, per-level) group
    months_to_fill: float | None  # None when nobody fits a group (no intake)
    min_group_size: int
    max_wait_months: int
    regional: bool  # whether the partners' intake was counted
    text: str  # the estimate as one Dutch sentence
    # How the advice on training format depends on the group size and the wait ("Bij een groep
    # van zes in plaats van acht ..."; issue 23). Empty in files from before.
    dependence: str = ""


class Advice(BaseModel):
    model_config = _STRICT

    schema_version: Literal[2] = ADVICE_SCHEMA_VERSION
    profile: Profile
    decisions: dict[DecisionId, DecisionAdvice]
    elements: list[ElementAdvice]
    group_formation: GroupFormation | None = None
    rules_version: str = ""
    # The date of the rules' last change (rules/_version.yaml): "versie van de regels" in words.
    rules_date: date | None = None
