"""The regional view (issue 25): combined intake per route; per deelproduct the group
formation and wait at each scale (keuzehulp.rules.groups' one time model) and the advised
scale with its reasons (region/scales.yaml); each municipality's own advice side by side.

regional_view(region) -> RegionView, whose model_dump(mode="json") is DOMAIN.md's region output.
"""

from __future__ import annotations

import math
from statistics import median_high, median_low
from typing import Any

from pydantic import BaseModel, Field

from keuzehulp.contract.schema import ROUTE_IDS, Advice, Profile, Reason
from keuzehulp.rules import groups
from keuzehulp.rules.engine import advise

from .content import SCALE_IDS, GroupSpec, ScaleContent, scales
from .model import Region, RegionAction
from .votes import DeelproductSpread, region_spread

NOT_NEEDED = -1.0  # months_to_fill of a unit that expects nobody for this deelproduct


class Unit(BaseModel):
    """One group-forming unit at one scale: who, how many a year, and how long a group takes."""

    members: list[str]
    intake_per_year: float
    cells: int
    min_group_size: int
    max_wait_months: int
    months_to_fill: float | None  # None: never (no intake)
    in_time: bool
    text: str  # how long, in words (groups.how_long)


class DeelproductView(BaseModel):
    id: str
    grouped: bool
    advised_scale: str
    chosen_scale: str | None
    reasons: list[Reason]
    scales: dict[str, list[Unit] | None] = Field(default_factory=dict)  # None: not computed at this scale
    lead: str | None = None
    joins: list[str] = Field(default_factory=list)
    not_joining: list[str] = Field(default_factory=list)
    alone_in_time: list[str] = Field(default_factory=list)
    mix_known: bool = True

    @property
    def scale(self) -> str:
        """The region's choice, else the advice."""
        return self.chosen_scale or self.advised_scale


class MunicipalityView(BaseModel):
    municipality: str
    annual_intake: int
    route_shares: dict[str, float] | None
    advice: Advice


class Difference(BaseModel):
    municipalities: list[str]
    what: str
    why: list[str]
    decision: str
    choices: dict[str, str]  # municipality -> option id


class RegionView(BaseModel):
    schema_version: int = 1
    kind: str = "keuzehulp-regio-overzicht"
    region: str
    intake_per_year: int
    intake_per_route: dict[str, float]  # over the municipalities whose route mix is known
    route_mix_missing: list[str]
    municipalities: list[MunicipalityView]
    deelproducten: list[DeelproductView]
    differences: list[Difference]
    costs: Any = None  # keuzehulp.region.costs.RegionCosts, filled by region_summary
    actions: list[RegionAction] = Field(default_factory=list)  # the region file's, as given
    votes: list[DeelproductSpread] = Field(default_factory=list)  # the workshop's recorded votes (votes.py)


def route_intake(profile: Profile, shares: dict[str, float] | None, routes: list[str]) -> float:
    """A municipality's newcomers a year in these routes; without a mix, the whole intake (an
    upper bound, assumption region-route-mix)."""
    if shares is None or set(routes) >= set(ROUTE_IDS):
        return float(profile.annual_intake)
    return profile.annual_intake * sum(shares[r] for r in routes) / 100


def _unit(members: list[Profile], intakes: dict[str, float], spec: GroupSpec) -> Unit:
    """A unit's estimate: shared norms are the members' median, with an even count the more lenient
    of the middle two (assumption region-shared-norms)."""
    mixed = any(p.level_mix == "mixed" for p in members)
    cells = groups.level_groups("mixed" if mixed else "similar") if spec.cells == "levels" else 1
    size = int(median_low(p.min_group_size for p in members))
    wait = int(median_high(p.max_wait_months for p in members))
    intake = sum(intakes[p.municipality] for p in members)
    raw = groups.months_for(intake, size, cells)
    months = None if math.isinf(raw) else raw
    return Unit(members=[p.municipality for p in members], intake_per_year=round(intake, 1), cells=cells,
                min_group_size=size, max_wait_months=wait, months_to_fill=months,
                in_time=months is not None and months <= wait, text=groups.how_long(months, wait))


def _months(n: int) -> str:
    return f"{n} {'maand' if n == 1 else 'maanden'}"


def _in_time(units: list[Unit]) -> str:
    needing = [u for u in units if u.intake_per_year > 0]
    done = sum(u.in_time for u in needing)
    return "all" if done == len(needing) else "some" if done else "none"


def _slowest(units: list[Unit]) -> str:
    needing = [u for u in units if u.intake_per_year > 0]
    if not needing:
        return groups.how_long(None)
    worst = max(needing, key=lambda u: math.inf if u.months_to_fill is None else u.months_to_fill)
    return worst.text


def _units(region: Region, intakes: dict[str, float], spec: GroupSpec, joiners: list[str]) -> dict[str, list[Unit] | None]:
    profiles = region.municipalities
    by_name = {p.municipality: p for p in profiles}
    out: dict[str, list[Unit] | None] = {"lokaal": [_unit([p], intakes, spec) for p in profiles]}
    if region.subregions:
        placed = {n for group in region.subregions for n in group}
        parts = [[by_name[n] for n in group] for group in region.subregions]
        parts += [[p] for p in profiles if p.municipality not in placed]
        out["subregionaal"] = [_unit(part, intakes, spec) for part in parts]
    else:
        out["subregionaal"] = None
    out["regionaal"] = [_unit([by_name[n] for n in joiners], intakes, spec)]
    out["bovenregionaal"] = None
    out["geclusterd"] = None
    return out


def _fire(content: ScaleContent, deelproduct: str, ctx: dict[str, Any], values: dict[str, str]) -> tuple[str, list[Reason]]:
    scale: str | None = None
    reasons: list[Reason] = []
    deciding: Reason | None = None
    for rule in content.rules_for(deelproduct):
        spec = rule.spec
        if spec.scale and scale is not None:
            continue
        if rule.check is not None and not rule.check(ctx):
            continue
        reason = Reason(text=spec.text.format_map(values), basis=spec.basis, passage=spec.passage,
                        sources=list(spec.sources), assumption=spec.assumption, rule=f"region/{spec.id}")
        if spec.scale:
            scale, deciding = spec.scale, reason
        else:
            reasons.append(reason)
    if deciding is not None:  # the reason that decided comes first
        reasons.insert(0, deciding)
    if scale is None:  # `check` guarantees a rule with a scale; its condition may still not hold
        scale = next(r.spec.scale for r in content.rules_for(deelproduct) if r.spec.scale)
    return scale, reasons


def deelproduct_view(region: Region, deelproduct: str, content: ScaleContent | None = None) -> DeelproductView:
    content = content or scales()
    spec = content.groups.get(deelproduct)
    names = region.names
    joiners = list(region.joins.get(deelproduct) or names)  # type: ignore[call-overload]
    ctx: dict[str, Any] = {"municipalities": len(names), "grouped": spec is not None, "needed": True,
                           "mix_known": True, "local_in_time": "all", "subregion_in_time": "unknown",
                           "region_in_time": True, "region_wait_ratio": 0.0, "region_intake": 0}
    values = {"local_months": "", "subregion_months": "", "region_months": "", "region_wait": ""}
    table: dict[str, list[Unit] | None] = {}
    alone: list[str] = []
    if spec is not None:
        shares = {n: (s.model_dump() if (s := region.route_shares.get(n)) else None) for n in names}
        intakes = {p.municipality: route_intake(p, shares[p.municipality], list(spec.routes))
                   for p in region.municipalities}
        table = _units(region, intakes, spec, joiners)
        whole = table["regionaal"][0]  # type: ignore[index]
        ctx.update(
            needed=whole.intake_per_year > 0,
            mix_known=set(spec.routes) >= set(ROUTE_IDS) or all(shares[n] is not None for n in names),
            local_in_time=_in_time(table["lokaal"]),  # type: ignore[arg-type]
            subregion_in_time=_in_time(table["subregionaal"]) if table["subregionaal"] else "unknown",
            region_in_time=whole.in_time,
            region_wait_ratio=1e9 if whole.months_to_fill is None else whole.months_to_fill / whole.max_wait_months,
            region_intake=round(whole.intake_per_year),
        )
        values.update(local_months=_slowest(table["lokaal"]),  # type: ignore[arg-type]
                      subregion_months=_slowest(table["subregionaal"] or []),
                      region_months=whole.text, region_wait=_months(whole.max_wait_months))
        alone = [u.members[0] for u in table["lokaal"] if u.in_time and u.intake_per_year > 0]  # type: ignore[union-attr]
    advised, reasons = _fire(content, deelproduct, ctx, values)
    view = DeelproductView(id=deelproduct, grouped=spec is not None, advised_scale=advised,
                           chosen_scale=region.scale.get(deelproduct), reasons=reasons,  # type: ignore[call-overload]
                           scales=table, mix_known=ctx["mix_known"])
    if view.scale != "lokaal":
        view.joins = joiners
        view.not_joining = [n for n in names if n not in joiners]
        view.alone_in_time = [n for n in alone if n in joiners]
        lead = region.lead.get(deelproduct)  # type: ignore[call-overload]
        if lead is None:
            lead = max(joiners, key=lambda n: (region.profile(n).annual_intake, -joiners.index(n)))
        view.lead = lead
    return view


def _differences(views: list[MunicipalityView]) -> list[Difference]:
    from keuzehulp.contract.labels import labels
    from keuzehulp.rules.ruleset import rules

    from .texts import texts

    lab, t, ruleset = labels(), texts(), rules()
    out: list[Difference] = []
    for decision_id, decision in ruleset.decisions.items():
        choices = {v.municipality: v.advice.decisions[decision_id].choice for v in views}
        if len(set(choices.values())) < 2:
            continue
        by_choice: dict[str, list[str]] = {}
        for name, choice in choices.items():
            by_choice.setdefault(choice, []).append(name)
        what = t.difference_what.format(
            decision=lab.decisions[decision_id].title,
            groups="; ".join(f"{', '.join(ns)}: {lab.option(decision_id, c)}" for c, ns in by_choice.items()))
        why = []
        for field in sorted(decision.fields, key=lambda f: list(Profile.model_fields).index(f)):
            answers = {v.municipality: getattr(v.advice.profile, field) for v in views}
            if len({repr(a) for a in answers.values()}) > 1:
                shown = ", ".join(f"{n} {lab.value(field, a) if not isinstance(a, int) or isinstance(a, bool) else a}"
                                  for n, a in answers.items())
                why.append(t.difference_why.format(field=lab.field(field), values=shown))
        out.append(Difference(municipalities=list(choices), what=what, why=why, decision=decision_id,
                              choices=choices))
    return out


def regional_view(region: Region, content: ScaleContent | None = None) -> RegionView:
    """The whole regional view (without costs: keuzehulp.region.costs adds them)."""
    content = content or scales()
    municipalities = []
    per_route = dict.fromkeys(ROUTE_IDS, 0.0)
    missing = []
    for p in region.municipalities:
        shares = region.route_shares.get(p.municipality)
        mix = shares.model_dump() if shares else None
        if mix is None:
            missing.append(p.municipality)
        else:
            for r in ROUTE_IDS:
                per_route[r] += p.annual_intake * mix[r] / 100
        municipalities.append(MunicipalityView(municipality=p.municipality, annual_intake=p.annual_intake,
                                               route_shares=mix, advice=advise(p)))
    from .content import DEELPRODUCT_IDS

    deelproducten = [deelproduct_view(region, d, content) for d in DEELPRODUCT_IDS]
    return RegionView(
        region=region.region,
        intake_per_year=sum(p.annual_intake for p in region.municipalities),
        intake_per_route={r: round(v, 1) for r, v in per_route.items()},
        route_mix_missing=missing,
        municipalities=municipalities,
        deelproducten=deelproducten,
        differences=_differences(municipalities),
        actions=list(region.actions),
        votes=region_spread(deelproducten, region.names, region.votes) if region.votes else [],
    )


SCALE_ORDER = {s: i for i, s in enumerate(SCALE_IDS)}
