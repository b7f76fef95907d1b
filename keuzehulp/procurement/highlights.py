"""The building blocks that matter most for a design, computed once from its Procurement: for
Presenteren's slide 'Wat koopt u in?' (and any short view). Per deelproduct (the three
leerroutes as one row) what is bought a year, in a region at which scale and by whom, and the
blocks with a short form that follow most directly from the team's choices (a decision first,
then an effective element, then an answer); the prices below their reference; how many blocks
are left to the page Inkoop and the download."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.schema import DECISION_IDS, ELEMENT_IDS
from keuzehulp.dutch.numbers import euro

from .content import DEELPRODUCTEN
from .derive import BuildingBlock, Procurement
from .texts import texts
from .volumes import ROUTES

MAX_POINTS = 2  # blocks per row, readable at the back of the room
MAX_ROWS = 4  # rows on the slide; the rows whose blocks follow most directly from the choices
LEERROUTES = "leerroutes"


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str  # a deelproduct id, or "leerroutes" for the three together
    title: str
    volume: str  # what is bought a year, in words ("" when not known)
    points: list[str]  # the blocks' short forms
    more: int  # this row's blocks with a short form that are not shown


class Highlights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lead: list[str]  # what the municipality buys at all (from the delivery choice)
    prices: list[str]  # a short warning per price below its reference
    rows: list[Row]
    volume_note: str | None  # what to fill in when a row's volume is not known
    more: int  # building blocks that are not on the slide


def rank(block: BuildingBlock) -> int:
    """0: follows from a decision of the team; 1: from an effective element; 2: from an answer; 3: always."""
    names = set(block.follows_from)
    if names & set(DECISION_IDS):
        return 0
    if names & set(ELEMENT_IDS):
        return 1
    return 2 if names else 3


def _volume(p: Procurement, deelproducten: tuple[str, ...]) -> str:
    t = texts()
    bought = {b.deelproduct: b for b in p.buying}
    parts = []
    for d in deelproducten:
        n = p.volumes.get(d)
        if n == 0:
            continue
        if n is None:  # the route mix is not known yet
            return t.slide.volume_unknown
        text = f"{t.slide.route_names[d]} {n}" if d in ROUTES else str(n)
        b = bought.get(d)
        if b is not None and b.together:
            text += f" ({t.slide.together.format(scale=t.scales[b.scale], lead=b.lead)})"
        parts.append(text)
    return " · ".join(parts)


def highlights(p: Procurement) -> Highlights:
    t = texts()
    groups: list[tuple[str, str, tuple[str, ...]]] = [(LEERROUTES, t.slide.leerroutes, tuple(ROUTES))]
    groups += [(d, t.deelproducten[d], (d,)) for d in DEELPRODUCTEN if d != "algemeen" and d not in ROUTES]
    candidates: list[tuple[int, int, Row]] = []
    for i, (key, title, deelproducten) in enumerate(groups):
        shorts: dict[str, tuple[int, str]] = {}  # one per block id (a leerroute block holds for b1 and z)
        for b in p.blocks:
            if b.deelproduct in deelproducten and b.short:
                shorts.setdefault(b.id.split("@")[0], (rank(b), b.short))
        if not shorts:
            continue
        ordered = sorted(shorts.values(), key=lambda r: r[0])  # stable: the file's order within a rank
        row = Row(key=key, title=title, volume=_volume(p, deelproducten),
                  points=[s for _, s in ordered[:MAX_POINTS]], more=max(0, len(ordered) - MAX_POINTS))
        candidates.append((ordered[0][0], i, row))
    kept = sorted(sorted(candidates, key=lambda c: c[0])[:MAX_ROWS], key=lambda c: c[1])
    rows = [row for _, _, row in kept]
    lead = [b.short for b in p.blocks if b.deelproduct == "algemeen" and b.short]
    prices = [t.slide.price.format(label=c.label, price=euro(c.price), reference=euro(c.reference))
              for c in p.prices if c.below]
    shown = len(lead) + sum(len(r.points) for r in rows)
    unknown = any(r.volume == t.slide.volume_unknown for r in rows)
    return Highlights(lead=lead, prices=prices, rows=rows, volume_note=t.slide.volume_note if unknown else None,
                      more=len(p.blocks) - shown)
