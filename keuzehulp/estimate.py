"""One scenario's costs and lead time from the session's cost settings (issue 12).

The glue between the saved CostSettings and the pure models in costs.py and leadtime.py:
merges the team's amounts over the declared defaults and decides which training format the
cost of training follows (the setting, else the team's choice, else the advice).
"""

from __future__ import annotations

from dataclasses import dataclass

from keuzehulp.contract.costdata import cost_data
from keuzehulp.contract.schema import CostSettings, Profile
from keuzehulp.costs.leadtime import Timeline, timeline
from keuzehulp.costs.model import CostResult, compute

FORMAT_SOURCES = {"setting": "gekozen bij de kosten", "team": "keuze van het team", "advice": "het advies"}


@dataclass(frozen=True)
class Estimate:
    costs: CostResult
    timeline: Timeline
    training_format: str
    format_source: str  # setting | team | advice


def merged_amounts(settings: CostSettings) -> dict[str, float]:
    amounts = cost_data().defaults
    amounts.update(settings.amounts)
    return amounts


def resolve_training_format(settings: CostSettings, team_choice: str, advised: str) -> tuple[str, str]:
    if settings.training_format:
        return settings.training_format, "setting"
    if team_choice:
        return team_choice, "team"
    return advised, "advice"


def estimate(profile: Profile, settings: CostSettings, advised_format: str, team_format: str = "",
             amounts: dict[str, float] | None = None) -> Estimate:
    """Costs and timeline of one scenario. `advised_format` is the advice's training_format."""
    fmt, source = resolve_training_format(settings, team_format, advised_format)
    a = amounts if amounts is not None else merged_amounts(settings)
    shares = settings.route_shares.model_dump() if settings.route_shares else None
    result = compute(profile, a, shares, fmt, frozenset(settings.language_by_hours))
    return Estimate(result, timeline(profile, a, fmt), fmt, source)
