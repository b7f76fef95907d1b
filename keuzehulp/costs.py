"""What a design costs per trajectory and per year, against the Rijk's contribution (issue 12).

Pure and fast: plain floats in, frozen dataclasses out, no pydantic on the hot path. The
components follow the handreiking's building blocks (q1: begeleiding, taal, training en
scholing, participatieplaats) plus what the law adds (MAP, maatschappelijke begeleiding and PVT,
childcare, a breakthrough budget). Every amount comes from texts/costs.yaml (keuzehulp/contract/costdata.py)
with its source or named assumption; the team may change each one.

Each cost line is a product of amounts (hours x rate, price x volume, cost per group /
participants x volume), so the effect of a 10 % change in one amount on the yearly gap is 10 %
of the lines it enters: that gives "what drives the gap" without recomputing the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from keuzehulp.contract.schema import ROUTE_IDS, Profile

ROUTE_LABELS: dict[str, str] = {"b1": "B1-route", "onderwijs": "Onderwijsroute", "z": "Z-route"}
COMPONENTS: dict[str, str] = {
    "language": "Taalcursus of leerroute",
    "guidance": "Begeleiding",
    "training": "Training en scholing",
    "placement": "Participatieplaats",
    "coach": "Job- of taalcoach",
    "childcare": "Kinderopvang",
    "map": "MAP",
    "services": "Maatschappelijke begeleiding en PVT",
    "breakthrough": "Doorbraakbudget",
}
STREAMS: dict[str, str] = {
    "spuk": "SPUK inburgeringsvoorzieningen",
    "spuk_onderwijs": "SPUK onderwijsroute",
    "gemeentefonds": "Gemeentefonds (uitvoeringskosten)",
}
# The onderwijsroute counts as participation (handreiking q1, footnote) and is exempt from MAP.
NOT_IN_ONDERWIJS = frozenset({"training", "placement", "coach", "map"})
SENSITIVITY_STEP = 0.10
TRAINING_FIELD = {"group": "training_group_cost", "shared_purchase": "training_shared_price",
                  "individual": "training_individual_price"}


@dataclass(frozen=True)
class Line:
    """One cost (or, with sign -1, money-in) amount and the amounts it is a product of."""

    key: str  # component or stream id
    route: str | None
    value: float
    fields: tuple[str, ...]
    sign: int = 1


@dataclass(frozen=True)
class RouteCost:
    route: str
    components: dict[str, float]  # per trajectory
    total: float
    contribution: float
    gap: float  # total - contribution; positive = tekort


@dataclass(frozen=True)
class Driver:
    field: str
    change: float  # change of the yearly gap when this amount is 10 % higher


@dataclass(frozen=True)
class CostResult:
    training_format: str
    group_size: int
    per_route: dict[str, RouteCost]
    intake: int
    volumes: dict[str, float] | None  # trajectories per year per route; None: shares not filled in
    per_year: dict[str, float] | None  # cost per component per year
    money_in: dict[str, float] | None  # per stream per year
    total_year: float | None
    money_year: float | None
    gap_year: float | None
    per_trajectory: float | None  # average cost per trajectory (yearly total / intake)
    contribution_per_trajectory: float | None
    drivers: list[Driver] = field(default_factory=list)
    breakthrough_counted: bool = False

    @property
    def complete(self) -> bool:
        return self.volumes is not None


def language_cost(a: Mapping[str, float], route: str, by_hours: bool) -> tuple[float, tuple[str, ...]]:
    if by_hours:
        hours_field = f"language_hours_{route}"
        return a[hours_field] * a["language_hour_price"], (hours_field, "language_hour_price")
    return a[f"language_price_{route}"], (f"language_price_{route}",)


def training_per_person(a: Mapping[str, float], training_format: str, group_size: int) -> float:
    """Group: the cost of one group shared by its participants; otherwise a price per person."""
    if training_format == "group":
        return a["training_group_cost"] / max(group_size, 1)
    return a[TRAINING_FIELD[training_format]]


def _route_lines(a: Mapping[str, float], route: str, by_hours: bool, training_format: str,
                 group_size: int) -> list[Line]:
    value, fields = language_cost(a, route, by_hours)
    lines = [
        Line("language", route, value, fields),
        Line("guidance", route, a["guidance_hours"] * a["guidance_rate"], ("guidance_hours", "guidance_rate")),
        Line("training", route, training_per_person(a, training_format, group_size),
             (TRAINING_FIELD[training_format],)),
        Line("placement", route, a["placement_cost"], ("placement_cost",)),
        Line("coach", route, a["coach_hours"] * a["coach_rate"], ("coach_hours", "coach_rate")),
        Line("childcare", route, a["childcare_share"] / 100 * a["childcare_cost"],
             ("childcare_share", "childcare_cost")),
        Line("map", route, a["map_cost"], ("map_cost",)),
        Line("services", route, a["services_cost"], ("services_cost",)),
    ]
    if route == "onderwijs":
        lines = [ln for ln in lines if ln.key not in NOT_IN_ONDERWIJS]
    return lines


def contribution(a: Mapping[str, float], route: str) -> float:
    extra = a["onderwijs_extra_per_trajectory"] if route == "onderwijs" else 0.0
    return a["contribution_per_trajectory"] + extra


def compute(profile: Profile, amounts: Mapping[str, float], shares: Mapping[str, float] | None,
            training_format: str, by_hours: frozenset[str] | set[str] = frozenset()) -> CostResult:
    """The cost model for one scenario (profile) with the session's amounts.

    `amounts` holds every declared amount (defaults merged with the team's changes);
    `shares` the percentages per route, or None when the team has not filled them in: then
    only the per-trajectory figures per route are computed.
    """
    group_size = profile.min_group_size
    per_route: dict[str, RouteCost] = {}
    lines: list[Line] = []
    for route in ROUTE_IDS:
        route_lines = _route_lines(amounts, route, route in by_hours, training_format, group_size)
        components = {ln.key: ln.value for ln in route_lines}
        total = sum(components.values())
        money = contribution(amounts, route)
        per_route[route] = RouteCost(route, components, total, money, total - money)
        lines.extend(route_lines)
    intake = profile.annual_intake
    counted = profile.flexible_budget
    if shares is None:
        return CostResult(training_format, group_size, per_route, intake, None, None, None, None, None,
                          None, None, None, [], counted)

    volumes = {r: intake * shares[r] / 100 for r in ROUTE_IDS}
    year_lines = [Line(ln.key, ln.route, ln.value * volumes[ln.route], ln.fields) for ln in lines]
    if counted:
        year_lines.append(Line("breakthrough", None, amounts["breakthrough_pot"], ("breakthrough_pot",)))
    per_year = dict.fromkeys(COMPONENTS, 0.0)
    for ln in year_lines:
        per_year[ln.key] += ln.value
    money_lines = [
        Line("spuk", None, intake * amounts["contribution_per_trajectory"], ("contribution_per_trajectory",), -1),
        Line("spuk_onderwijs", None, volumes["onderwijs"] * amounts["onderwijs_extra_per_trajectory"],
             ("onderwijs_extra_per_trajectory",), -1),
        Line("gemeentefonds", None, amounts["gemeentefonds_per_year"], ("gemeentefonds_per_year",), -1),
    ]
    money_in = {ln.key: ln.value for ln in money_lines}
    total_year = sum(per_year.values())
    money_year = sum(money_in.values())
    return CostResult(
        training_format, group_size, per_route, intake, volumes, per_year, money_in, total_year, money_year,
        total_year - money_year,
        total_year / intake if intake else None,
        (money_in["spuk"] + money_in["spuk_onderwijs"]) / intake if intake else None,
        drivers(year_lines + money_lines), counted,
    )


def drivers(lines: list[Line], top: int = 3) -> list[Driver]:
    """The amounts whose 10 % rise moves the yearly gap most (largest first)."""
    effect: dict[str, float] = {}
    for ln in lines:
        for name in ln.fields:
            effect[name] = effect.get(name, 0.0) + ln.sign * ln.value * SENSITIVITY_STEP
    ranked = sorted((d for d in effect.items() if abs(d[1]) >= 0.5), key=lambda d: (-abs(d[1]), d[0]))
    return [Driver(name, change) for name, change in ranked[:top]]
