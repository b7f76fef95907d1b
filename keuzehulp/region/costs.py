"""Costs per municipality and shared (issue 25): a group the municipalities share costs the
same per group wherever its participants live; its yearly cost is split by each municipality's
share of the participants, in equal parts, or by the region's own percentages (assumption
region-cost-split). The Rijk's money stays with each municipality: keuzehulp.costs computes it
from her own newcomers and route mix, as for one municipality.

Of the grouped deelproducten only training and schooling is priced per group in the cost model
(texts/costs.yaml: training_group_cost); the leerroutes, MAP, PVT and maatschappelijke
begeleiding are priced per trajectory there, so sharing them changes the wait, not the price.
Ontzorgen, participatieplaatsen and werkgeversbenadering form no groups and have no price in
the cost model: the summary shows their scale, lead and who joins, no shared cost.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from pydantic import BaseModel

from keuzehulp.contract.costdata import cost_data
from keuzehulp.costs.model import compute

from .content import scales
from .model import Region
from .view import DeelproductView, RegionView, route_intake

SHARED_DEELPRODUCT = "training"


class SharedCost(BaseModel):
    deelproduct: str
    scale: str
    groups_per_year: int  # shared: per language level, the joint intake / smallest group, rounded up
    alone_groups_per_year: int  # if every municipality formed its own groups
    cost_per_group: float
    cost_per_year: float
    alone_cost_per_year: float
    split: dict[str, float]  # municipality -> her part of cost_per_year


class MunicipalityCost(BaseModel):
    municipality: str
    share: float  # of the shared costs, 0..1
    participants: float  # in the shared deelproduct, a year
    shared_costs: float
    alone_groups: int  # groups a year of her own, were she alone
    alone_costs: float  # their cost
    rijk_per_year: float  # SPUK: stays with the municipality
    rijk_complete: bool  # False: without a route mix the onderwijsroute's extra is not counted


class RegionCosts(BaseModel):
    key: str  # participants | equal | custom
    shared: list[SharedCost]
    municipalities: list[MunicipalityCost]


def groups_needed(intake: float, cells: int, size: int) -> int:
    """Groups a year to seat `intake` newcomers spread over `cells` levels, `size` at least each."""
    if intake <= 0:
        return 0
    return cells * math.ceil(intake / cells / size - 1e-9)


def _shares(region: Region, participants: Mapping[str, float], joiners: list[str]) -> dict[str, float]:
    if isinstance(region.cost_split, dict):
        total = sum(region.cost_split.get(n, 0.0) for n in joiners) or 1.0
        return {n: region.cost_split.get(n, 0.0) / total for n in joiners}
    if region.cost_split == "equal":
        return {n: 1 / len(joiners) for n in joiners}
    total = sum(participants[n] for n in joiners)
    return {n: (participants[n] / total if total else 1 / len(joiners)) for n in joiners}


def region_costs(region: Region, view: RegionView, amounts: Mapping[str, float] | None = None) -> RegionCosts:
    return training_costs(region, next(d for d in view.deelproducten if d.id == SHARED_DEELPRODUCT), amounts)


def training_costs(region: Region, dv: DeelproductView, amounts: Mapping[str, float] | None = None) -> RegionCosts:
    """The costs of training in groups (`dv`: its regional view), shared and per municipality."""
    a = dict(amounts) if amounts is not None else cost_data().defaults
    spec = scales().groups[SHARED_DEELPRODUCT]
    participants = {}
    for p in region.municipalities:
        mix = region.route_shares.get(p.municipality)
        participants[p.municipality] = route_intake(p, mix.model_dump() if mix else None, list(spec.routes))
    per_group = a["training_group_cost"]
    alone_groups = {}
    for unit in dv.scales["lokaal"] or []:
        alone_groups[unit.members[0]] = groups_needed(unit.intake_per_year, unit.cells, unit.min_group_size)
    shared: list[SharedCost] = []
    split: dict[str, float] = {}
    key = "custom" if isinstance(region.cost_split, dict) else region.cost_split
    if dv.scale != "lokaal" and dv.joins:
        whole = (dv.scales.get("regionaal") or [None])[0]
        joint = groups_needed(sum(participants[n] for n in dv.joins), whole.cells if whole else 1,
                              whole.min_group_size if whole else region.profile(dv.joins[0]).min_group_size)
        cost = joint * per_group
        split = {n: cost * s for n, s in _shares(region, participants, dv.joins).items()}
        alone_total = sum(alone_groups[n] for n in dv.joins)
        shared.append(SharedCost(deelproduct=SHARED_DEELPRODUCT, scale=dv.scale, groups_per_year=joint,
                                 alone_groups_per_year=alone_total, cost_per_group=per_group,
                                 cost_per_year=cost, alone_cost_per_year=alone_total * per_group, split=split))
    rows = []
    for p in region.municipalities:
        mix = region.route_shares.get(p.municipality)
        result = compute(p, a, mix.model_dump() if mix else None, "group")
        if result.money_in is not None:
            rijk, complete = result.money_in["spuk"] + result.money_in["spuk_onderwijs"], True
        else:
            rijk, complete = p.annual_intake * a["contribution_per_trajectory"], False
        total = sum(split.values())
        rows.append(MunicipalityCost(
            municipality=p.municipality, share=(split.get(p.municipality, 0.0) / total) if total else 0.0,
            participants=round(participants[p.municipality], 1), shared_costs=split.get(p.municipality, 0.0),
            alone_groups=alone_groups.get(p.municipality, 0),
            alone_costs=alone_groups.get(p.municipality, 0) * per_group, rijk_per_year=rijk, rijk_complete=complete))
    return RegionCosts(key=key, shared=shared, municipalities=rows)


def region_summary(region: Region) -> RegionView:
    """The regional view with its costs: what the CLI, the page and every download show."""
    from .view import regional_view

    view = regional_view(region)
    view.costs = region_costs(region, view)
    return view
