"""What a design costs per trajectory and per year, and who pays it (issues 12 and 23).

Pure and fast: plain floats in, frozen dataclasses out, no pydantic on the hot path. The
components follow the handreiking's building blocks (q1: begeleiding, taal, training en
scholing, participatieplaats) plus what the law adds (brede intake and PIP, MAP, maatschappelijke
begeleiding and PVT, childcare, a breakthrough budget). Every amount comes from texts/costs.yaml
(keuzehulp/contract/costdata.py) with its source or named assumption; the team may change each one.

Money by funding stream (issue 23): every component names the stream that pays it
(texts/costs.yaml, `components`): the SPUK inburgeringsvoorzieningen, the SPUK onderwijsroute,
the gemeentefonds or the Participatiewet budget. The Rijk's two SPUK streams follow the public
calculation as far as sources give it: an asylum status holder counts three years in a row, a
family or other migrant once (DUO; assumption kosten-spuk-per-telling). The gemeentefonds and the
Participatiewet budget only the team can fill in; while one that pays costs is empty, or most
amounts are still starting values, there is no single "tekort" (`gap_shown`).

Each cost line is a product of amounts (hours x rate, price x volume, cost per group /
participants x volume), and each money line a product too, so the effect of a 10 % change in one
amount on the yearly difference is 10 % of the lines it enters: that gives "what drives the
difference" without recomputing the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from keuzehulp.contract.costdata import REQUIRED_COMPONENTS, cost_data
from keuzehulp.contract.schema import ROUTE_IDS, Profile

ROUTE_LABELS: dict[str, str] = {"b1": "B1-route", "onderwijs": "Onderwijsroute", "z": "Z-route"}
# The onderwijsroute counts as participation (handreiking q1, footnote) and is exempt from MAP.
NOT_IN_ONDERWIJS = frozenset({"training", "placement", "coach", "map"})
# Family and other migrants arrange their own learning route; maatschappelijke begeleiding is for
# asylum status holders; they take the PVT on its own (assumption kosten-gezinsmigranten).
NOT_FOR_FAMILY = frozenset({"language", "services"})
STATUS_HOLDER_COUNTS = 3  # years an asylum status holder counts for the SPUK (DUO)
FAMILY_COUNTS = 1  # a family or other migrant counts once
SENSITIVITY_STEP = 0.10
TRAINING_FIELD = {"group": "training_group_cost", "shared_purchase": "training_shared_price",
                  "individual": "training_individual_price"}


def component_labels() -> dict[str, str]:
    """Every cost component's Dutch label, in the order tables and charts show them."""
    specs = cost_data().components
    return {key: specs[key].label for key in REQUIRED_COMPONENTS}


def stream_labels() -> dict[str, str]:
    return {key: spec.label for key, spec in cost_data().streams.items()}


@dataclass(frozen=True)
class Line:
    """One cost (or, with sign -1, money-in) amount and the amounts it is a product of."""

    key: str  # component id (costs) or stream id (money)
    route: str | None
    value: float
    fields: tuple[str, ...]
    sign: int = 1
    stream: str = ""  # the stream that pays a cost line; for money the stream it comes from


@dataclass(frozen=True)
class RouteCost:
    """Per trajectory of an asylum status holder in one route."""

    route: str
    components: dict[str, float]
    total: float
    contribution: float  # what the two SPUKs bring in for one status holder in this route
    gap: float  # total - contribution; positive = tekort


@dataclass(frozen=True)
class StreamResult:
    """One funding stream per year: what it pays, what comes in, and the difference."""

    stream: str
    cost: float
    money: float
    filled: bool  # False: a stream only the team can fill in, not filled in yet
    components: tuple[str, ...]  # the components it pays (with a cost)

    @property
    def difference(self) -> float | None:
        """money - cost (negative = tekort); None while the money is not filled in."""
        return self.money - self.cost if self.filled else None


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
    gap_year: float | None  # total - money in, every stream; a headline only when gap_shown
    per_trajectory: float | None  # average cost per trajectory (yearly total / intake)
    contribution_per_trajectory: float | None
    drivers: list[Driver] = field(default_factory=list)
    breakthrough_counted: bool = False
    streams: dict[str, StreamResult] = field(default_factory=dict)
    family_share: float | None = None  # percent of the intake; None: not filled in (counted as 0)
    family_per_person: dict[str, float] = field(default_factory=dict)  # cost per family migrant per route
    status_holders: float = 0.0  # per year
    family_migrants: float = 0.0
    defaults_left: int = 0  # amounts with an assumed default still at it
    defaults_total: int = 0

    @property
    def complete(self) -> bool:
        return self.volumes is not None

    @property
    def open_streams(self) -> list[str]:
        """Streams the team has to fill in that pay costs here but have no money yet."""
        return [k for k, s in self.streams.items() if not s.filled and s.cost > 0.5]

    @property
    def mostly_defaults(self) -> bool:
        return self.defaults_left * 2 > self.defaults_total

    @property
    def gap_shown(self) -> bool:
        """One total "tekort" or "overschot" may be shown: every stream that pays costs has its
        money filled in and most assumed amounts are the team's own."""
        return self.complete and not self.open_streams and not self.mostly_defaults


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
                 group_size: int, family: bool = False) -> list[Line]:
    """The cost lines of one person in one route: an asylum status holder, or (family=True) a
    family or other migrant."""
    specs = cost_data().components
    value, fields = language_cost(a, route, by_hours)
    lines = [
        Line("language", route, value, fields),
        Line("services", route, a["services_cost"], ("services_cost",)),
        Line("pvt", route, a["pvt_cost"], ("pvt_cost",)),
        Line("map", route, a["map_cost"], ("map_cost",)),
        Line("intake", route, a["intake_hours"] * a["guidance_rate"], ("intake_hours", "guidance_rate")),
        Line("guidance", route, a["guidance_hours"] * a["guidance_rate"], ("guidance_hours", "guidance_rate")),
        Line("childcare", route, a["childcare_share"] / 100 * a["childcare_cost"],
             ("childcare_share", "childcare_cost")),
        Line("training", route, training_per_person(a, training_format, group_size),
             (TRAINING_FIELD[training_format],)),
        Line("placement", route, a["placement_cost"], ("placement_cost",)),
        Line("coach", route, a["coach_hours"] * a["coach_rate"], ("coach_hours", "coach_rate")),
    ]
    skip = (NOT_FOR_FAMILY if family else frozenset({"pvt"})) | (NOT_IN_ONDERWIJS if route == "onderwijs" else frozenset())
    return [Line(ln.key, ln.route, ln.value, ln.fields, 1, specs[ln.key].stream_for(route))
            for ln in lines if ln.key not in skip]


def contribution(a: Mapping[str, float], route: str) -> float:
    """What the two SPUKs bring in for one asylum status holder in this route (over three years)."""
    extra = a["onderwijs_extra_per_trajectory"] if route == "onderwijs" else 0.0
    return a["contribution_per_trajectory"] + a["spuk_services_per_trajectory"] + extra


def _money_lines(a: Mapping[str, float], holders: Mapping[str, float], family: float) -> list[Line]:
    """Money in per year with a steady intake (assumption kosten-stabiele-instroom): a status
    holder counts three years, a family migrant once, each count a third of the amount per status
    holder (kosten-spuk-per-telling). The onderwijsroute is bought from the SPUK onderwijsroute plus
    the average amount per trajectory of the SPUK voorzieningen: that average is shown with the
    onderwijsroute, so each stream's difference compares the same trajectories."""
    per_count = FAMILY_COUNTS / STATUS_HOLDER_COUNTS
    all_holders = sum(holders.values())
    onderwijs = holders["onderwijs"]
    c, s, x = ("contribution_per_trajectory", "spuk_services_per_trajectory", "onderwijs_extra_per_trajectory")
    return [
        Line("spuk", None, (all_holders - onderwijs + family * per_count) * a[c], (c,), -1, "spuk"),
        Line("spuk", None, (all_holders + family * per_count) * a[s], (s,), -1, "spuk"),
        Line("spuk_onderwijs", None, onderwijs * a[c], (c,), -1, "spuk_onderwijs"),
        Line("spuk_onderwijs", None, onderwijs * a[x], (x,), -1, "spuk_onderwijs"),
        Line("gemeentefonds", None, a["gemeentefonds_per_year"], ("gemeentefonds_per_year",), -1, "gemeentefonds"),
        Line("participatiewet", None, a["participatiewet_per_year"], ("participatiewet_per_year",), -1,
             "participatiewet"),
    ]


def assumed_defaults(filled: frozenset[str] | set[str]) -> tuple[int, int]:
    """(amounts with an assumed default still at it, all amounts with an assumed default)."""
    assumed = [n for n, s in cost_data().amounts.items() if s.basis == "aanname"]
    return sum(1 for n in assumed if n not in filled), len(assumed)


def compute(profile: Profile, amounts: Mapping[str, float], shares: Mapping[str, float] | None,
            training_format: str, by_hours: frozenset[str] | set[str] = frozenset(),
            filled: frozenset[str] | set[str] = frozenset()) -> CostResult:
    """The cost model for one scenario (profile) with the session's amounts.

    `amounts` holds every declared amount (defaults merged with the team's changes), `filled` the
    names the team set itself; `shares` the percentages per route (the answer route_shares), or
    None when not filled in: then only the per-trajectory figures per route are computed. The
    share of family migrants is the answer family_migrant_share (not filled in: counted as 0).
    """
    group_size = profile.min_group_size
    per_route: dict[str, RouteCost] = {}
    holder_lines: list[Line] = []
    family_lines: list[Line] = []
    family_per_person: dict[str, float] = {}
    for route in ROUTE_IDS:
        lines = _route_lines(amounts, route, route in by_hours, training_format, group_size)
        components = {ln.key: ln.value for ln in lines}
        total = sum(components.values())
        money = contribution(amounts, route)
        per_route[route] = RouteCost(route, components, total, money, total - money)
        holder_lines.extend(lines)
        fam = _route_lines(amounts, route, route in by_hours, training_format, group_size, family=True)
        family_per_person[route] = sum(ln.value for ln in fam)
        family_lines.extend(fam)
    intake = profile.annual_intake
    counted = profile.flexible_budget
    family_share = profile.family_migrant_share
    left, total_assumed = assumed_defaults(filled)
    if shares is None:
        return CostResult(training_format, group_size, per_route, intake, None, None, None, None, None,
                          None, None, None, [], counted, {}, family_share, family_per_person,
                          defaults_left=left, defaults_total=total_assumed)

    fam_part = (family_share or 0) / 100
    holders = {r: intake * (1 - fam_part) * shares[r] / 100 for r in ROUTE_IDS}
    family = {r: intake * fam_part * shares[r] / 100 for r in ROUTE_IDS}
    year_lines = [Line(ln.key, ln.route, ln.value * holders[ln.route], ln.fields, 1, ln.stream)  # type: ignore[index]
                  for ln in holder_lines]
    year_lines += [Line(ln.key, ln.route, ln.value * family[ln.route], ln.fields, 1, ln.stream)  # type: ignore[index]
                   for ln in family_lines]
    if counted:
        year_lines.append(Line("breakthrough", None, amounts["breakthrough_pot"], ("breakthrough_pot",), 1,
                               cost_data().components["breakthrough"].stream))
    per_year = dict.fromkeys(REQUIRED_COMPONENTS, 0.0)
    for ln in year_lines:
        per_year[ln.key] += ln.value
    family_total = sum(family.values())
    money_lines = _money_lines(amounts, holders, family_total)
    money_in = dict.fromkeys(cost_data().streams, 0.0)
    for ln in money_lines:
        money_in[ln.key] += ln.value
    streams = _streams(year_lines, money_in, filled)
    total_year = sum(per_year.values())
    money_year = sum(money_in.values())
    rijk = money_in["spuk"] + money_in["spuk_onderwijs"]
    return CostResult(
        training_format, group_size, per_route, intake,
        {r: holders[r] + family[r] for r in ROUTE_IDS}, per_year, money_in, total_year, money_year,
        total_year - money_year,
        total_year / intake if intake else None,
        rijk / intake if intake else None,
        drivers(year_lines + money_lines), counted, streams, family_share, family_per_person,
        sum(holders.values()), family_total, left, total_assumed,
    )


def _streams(year_lines: list[Line], money_in: Mapping[str, float],
             filled: frozenset[str] | set[str]) -> dict[str, StreamResult]:
    out: dict[str, StreamResult] = {}
    for key, spec in cost_data().streams.items():
        lines = [ln for ln in year_lines if ln.stream == key and ln.value > 0]
        parts = tuple(dict.fromkeys(ln.key for ln in lines))
        is_filled = not spec.team or any(name in filled for name in spec.money)
        out[key] = StreamResult(key, sum(ln.value for ln in lines), money_in[key], is_filled, parts)
    return out


def drivers(lines: list[Line], top: int = 3) -> list[Driver]:
    """The amounts whose 10 % rise moves the yearly gap most (largest first)."""
    effect: dict[str, float] = {}
    for ln in lines:
        for name in ln.fields:
            effect[name] = effect.get(name, 0.0) + ln.sign * ln.value * SENSITIVITY_STEP
    ranked = sorted((d for d in effect.items() if abs(d[1]) >= 0.5), key=lambda d: (-abs(d[1]), d[0]))
    return [Driver(name, change) for name, change in ranked[:top]]
