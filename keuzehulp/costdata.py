"""The amounts of the cost model and lead time, declared once in texts/costs.yaml.

Each amount has a Dutch label, a unit, a default, a range and a basis: a public source (a
knowledge page), a named assumption of the keuzehulp (an entry of the assumptions register,
knowledge/assumptions.yaml, id kosten-…) or "team" (no default anyone can give). The app's editor, the engine, the reports and `check` all read this one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from keuzehulp.contract.yamlio import (
    ContentError,
    LineDict,
    Problem,
    load_model_file,
)
from keuzehulp.dutch.numbers import dutch_number, euro

COSTS_PATH = Path(__file__).resolve().parent.parent / "texts" / "costs.yaml"

Unit = Literal["euro", "euro_hour", "hours", "hours_week", "weeks", "months", "percent"]
Basis = Literal["bron", "aanname", "team"]
GROUPS: dict[str, str] = {
    "money": "Geld van het Rijk",
    "language": "Taal",
    "guidance": "Begeleiding",
    "training": "Training en scholing",
    "participation": "Participatie",
    "other": "Overige onderdelen",
    "timeline": "Doorlooptijd",
}
UNIT_TEXT: dict[str, str] = {
    "euro": "euro", "euro_hour": "euro per uur", "hours": "uur", "hours_week": "uur per week",
    "weeks": "weken", "months": "maanden", "percent": "procent",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AmountSpec(_Strict):
    label: str
    group: Literal["money", "language", "guidance", "training", "participation", "other", "timeline"]
    unit: Unit
    default: float = Field(ge=0)
    min: float = Field(0, ge=0)
    max: float = Field(gt=0)
    basis: Basis
    source: str | None = None
    assumption: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _basis_named(self) -> AmountSpec:
        if self.basis == "bron" and not self.source:
            raise ValueError("basis bron needs a source (a knowledge page id)")
        if self.basis == "aanname" and not self.assumption:
            raise ValueError("basis aanname needs an assumption id")
        if not self.min <= self.default <= self.max:
            raise ValueError(f"default {self.default} is outside {self.min}..{self.max}")
        return self


class CostFile(_Strict):
    amounts: dict[str, AmountSpec]


@dataclass(frozen=True)
class CostData:
    amounts: dict[str, AmountSpec]

    def amounts_using(self, assumption_id: str) -> list[str]:
        """The labels of the amounts whose default rests on this assumption."""
        return [spec.label for spec in self.amounts.values() if spec.assumption == assumption_id]

    @property
    def defaults(self) -> dict[str, float]:
        return {name: spec.default for name, spec in self.amounts.items()}


def load_cost_data(path: Path = COSTS_PATH, knowledge_ids: set[str] | None = None,
                   assumption_ids: set[str] | None = None) -> CostData:
    """Load and check the file; every problem at once as ContentError (file:line). Sources and
    assumptions are checked against the knowledge pages and the register when given (`check`)."""
    parsed, data, file = load_model_file(CostFile, path)
    amounts_raw = data["amounts"] if isinstance(data, LineDict) else {}
    problems = []
    for name, spec in parsed.amounts.items():
        line = amounts_raw.lines.get(name, 1) if isinstance(amounts_raw, LineDict) else 1
        if spec.assumption and assumption_ids is not None and spec.assumption not in assumption_ids:
            problems.append(Problem(file, line, f"{name}.assumption: no assumption '{spec.assumption}' "
                                                f"in knowledge/assumptions.yaml"))
        if spec.source and knowledge_ids is not None and spec.source not in knowledge_ids:
            problems.append(Problem(file, line, f"{name}.source: no knowledge page '{spec.source}'"))
    missing = [n for n in REQUIRED if n not in parsed.amounts]
    if missing:
        problems.append(Problem(file, 1, f"amounts missing: {', '.join(missing)}"))
    if problems:
        raise ContentError(problems)
    return CostData(dict(parsed.amounts))


# The names the engine computes with (costs.py, leadtime.py); the file must declare each.
REQUIRED: tuple[str, ...] = (
    "contribution_per_trajectory", "onderwijs_extra_per_trajectory", "gemeentefonds_per_year",
    "language_price_b1", "language_price_onderwijs", "language_price_z",
    "language_hours_b1", "language_hours_onderwijs", "language_hours_z", "participation_hours_z",
    "language_hour_price",
    "hours_per_week_b1", "hours_per_week_onderwijs", "hours_per_week_z",
    "guidance_hours", "guidance_rate",
    "training_group_cost", "training_shared_price", "training_individual_price",
    "placement_cost", "coach_hours", "coach_rate",
    "childcare_share", "childcare_cost", "breakthrough_pot", "map_cost", "services_cost",
    "weeks_to_intake", "weeks_to_pip", "weeks_to_first_lesson", "months_to_placement",
)


@lru_cache(maxsize=1)
def cost_data() -> CostData:
    """The checked declarations, loaded once per process (knowledge and assumption ids checked by
    `check`)."""
    return load_cost_data()


def check_problems(knowledge_ids: set[str] | None, assumption_ids: set[str] | None = None) -> list[Problem]:
    try:
        load_cost_data(knowledge_ids=knowledge_ids, assumption_ids=assumption_ids)
    except ContentError as exc:
        return list(exc.problems)
    return []


def format_amount(value: float, unit: str) -> str:
    """An amount as a Dutch reader writes it: '€ 11.600', '15 uur per week', '20 %'."""
    if unit == "euro":
        return euro(value)
    if unit == "euro_hour":
        return f"€ {dutch_number(round(value, 2))} per uur"
    if unit == "percent":
        return f"{dutch_number(round(value, 1))} %"
    return f"{dutch_number(round(value, 1))} {UNIT_TEXT[unit]}"


def describe_range(spec: AmountSpec) -> str:
    return (f"kies een getal van {format_amount(spec.min, spec.unit)} "
            f"tot en met {format_amount(spec.max, spec.unit)}")
