"""'Met de regio' for one municipality (issue 25, item 7): her answers and her partners' combined
intake (`regional_intake`) read by the same regional model as a region of several
municipalities, so the scenario shows where cooperation makes a difference: the wait per
deelproduct alone and together, and training in groups (groups a year, her part of the cost).

The partners answered nothing in her session, so they count as one municipality with her
answers (assumption region-partners-like-her). The advice's three choices are unchanged: they
already count the partners' intake (keuzehulp.rules.groups.counted_intake).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from keuzehulp.contract.schema import Profile, RouteShares

from .content import scales
from .costs import MunicipalityCost, SharedCost, training_costs
from .model import Region
from .view import Unit, deelproduct_view

PARTNERS = "Buurgemeenten"  # the partners' pseudo-municipality (never shown: a name is required)


@dataclass(frozen=True)
class DeelproductEffect:
    id: str
    alone: Unit
    together: Unit
    advised_scale: str

    @property
    def differs(self) -> bool:
        return self.alone.in_time != self.together.in_time or self.alone.text != self.together.text


@dataclass(frozen=True)
class RegionalEffect:
    partners_intake: int
    deelproducten: tuple[DeelproductEffect, ...]
    training: SharedCost | None  # shared training groups (None: no groups to share)
    own: MunicipalityCost  # her row: her part of the shared cost, her cost alone


def partner_region(profile: Profile, shares: RouteShares | None = None) -> Region | None:
    """Her and her partners as a region of two; None without a partners' intake."""
    if profile.regional_intake <= 0:
        return None
    own = profile.model_copy(update={"municipality": profile.municipality.strip() or "Uw gemeente"})
    # model_copy does not validate: the partners' intake may exceed one municipality's range.
    partners = profile.model_copy(update={"municipality": PARTNERS, "annual_intake": profile.regional_intake})
    mix = {own.municipality: shares, PARTNERS: shares} if shares is not None else {}
    return Region.model_construct(
        schema_version=1, kind="keuzehulp-regio", region="Met de regio", municipalities=[own, partners],
        scale={"training": "regionaal"}, route_shares=mix, subregions=[], lead={}, joins={},
        cost_split="participants", actions=[])


def regional_effect(profile: Profile, shares: RouteShares | None = None,
                    amounts: Mapping[str, float] | None = None) -> RegionalEffect | None:
    region = partner_region(profile, shares)
    if region is None:
        return None
    content = scales()
    effects = []
    training_view = None
    for d in content.groups:
        view = deelproduct_view(region, d, content)
        if d == "training":
            training_view = view
        alone = view.scales["lokaal"][0]  # type: ignore[index]
        effects.append(DeelproductEffect(d, alone, view.scales["regionaal"][0], view.advised_scale))  # type: ignore[index]
    costs = training_costs(region, training_view, amounts)  # type: ignore[arg-type]
    return RegionalEffect(profile.regional_intake, tuple(effects), costs.shared[0] if costs.shared else None,
                          costs.municipalities[0])
