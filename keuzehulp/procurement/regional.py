"""A region's design in the building blocks (issues 25 and 26): per deelproduct at which scale
it is bought (the region's choice, else keuzehulp.region's scale advice), who buys (the lead
municipality for the ones that join; who does not join buys alone) and the volumes of the
municipalities that buy together. One municipality's building blocks name her place in it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.schema import Profile
from keuzehulp.region.content import DEELPRODUCT_IDS
from keuzehulp.region.model import Region
from keuzehulp.region.view import DeelproductView, deelproduct_view

from .texts import texts
from .volumes import volumes_of

BEYOND = ("bovenregionaal", "geclusterd")  # scales that reach past the region's municipalities


class Buying(BaseModel):
    """How one deelproduct is bought, seen from one municipality of the region."""

    model_config = ConfigDict(extra="forbid")

    deelproduct: str
    scale: str  # a scale id (DOMAIN.md, "Region")
    scale_source: Literal["region", "advice"]
    together: bool  # False: this municipality buys it alone (lokaal, or she does not join)
    lead: str | None = None
    members: list[str]  # who buys together, the lead first; [municipality] when alone
    not_joining: list[str]
    volume: int | None  # inburgeraars per year of `members` together
    text: str


def members_of(view: DeelproductView, region: Region, municipality: str) -> list[str]:
    """Who buys this deelproduct with `municipality` (her alone when she buys alone)."""
    if view.scale == "lokaal" or municipality not in view.joins:
        return [municipality]
    if view.scale == "subregionaal":
        for unit in view.scales.get("subregionaal") or []:
            if municipality in unit.members:
                return list(unit.members)
    return list(view.joins)


def _profile(region: Region, name: str) -> Profile:
    """A municipality's answers as the region holds them, with her route mix."""
    p = region.profile(name)
    shares = region.route_shares.get(name)
    return p if p.route_shares is not None or shares is None else p.model_copy(update={"route_shares": shares})


def _text(b: Buying, municipality: str) -> str:
    t = texts().region
    scale = texts().scales[b.scale]
    parts = [t.scale.format(scale=scale, source=t.scale_source[b.scale_source])]
    if not b.together:
        parts.append(t.alone.format(municipality=municipality))
    else:
        parts.append(t.lead.format(lead=b.lead))
        parts.append(t.members.format(members=", ".join(b.members)))
    if b.not_joining:
        parts.append(t.not_joining.format(names=", ".join(b.not_joining)))
    if b.together and b.volume is not None:
        parts.append(t.volume.format(volume=b.volume))
    if b.together and b.scale in BEYOND:
        parts.append(t.beyond)
    return " ".join(parts)


def buying(region: Region, profile: Profile) -> dict[str, Buying]:
    """Per deelproduct how `profile`'s municipality buys it in this region. Her own answers are
    `profile` (her session); the others' are the region file's."""
    name = profile.municipality.strip()
    if name not in region.names:
        raise ValueError(name)
    out = {}
    for deelproduct in DEELPRODUCT_IDS:
        view = deelproduct_view(region, deelproduct)
        members = members_of(view, region, name)
        together = len(members) > 1
        lead = None
        if together:
            lead = view.lead if view.lead in members else max(
                members, key=lambda n: (region.profile(n).annual_intake, -members.index(n)))
            members = [lead, *[m for m in members if m != lead]]
        profiles = [profile if m == name else _profile(region, m) for m in members]
        b = Buying(deelproduct=deelproduct, scale=view.scale,
                   scale_source="region" if view.chosen_scale else "advice", together=together, lead=lead,
                   members=members, not_joining=list(view.not_joining) if view.scale != "lokaal" else [],
                   volume=volumes_of(profiles)[deelproduct], text="")
        b.text = _text(b, name)
        out[deelproduct] = b
    return out
