"""The choice summary's section on procurement (issue 26): the price check and a pointer on
page 1, the building blocks per deelproduct with their basis in an annex; from the same
Procurement as the page Inkoop, the slide and the download 'Bouwstenen programma van eisen'."""

from __future__ import annotations

from typing import Any

from keuzehulp.contract.schema import Advice, Session
from keuzehulp.procurement.derive import procurement
from keuzehulp.procurement.highlights import highlights
from keuzehulp.procurement.texts import texts
from keuzehulp.region.model import Region

from .model import ProcurementPart
from .procurement import groups, part_of, region_intro, who_buys


def procurement_part(advice: Advice, session: Session | None, kb: Any = None,
                     region: Region | None = None) -> ProcurementPart:
    """The section for these answers (`advice.profile`) with the session's choices and amounts;
    with `region` (the municipality is one of its members), each deelproduct at the region's scale."""
    base = session or Session(profile=advice.profile)
    p = procurement(base.model_copy(update={"profile": advice.profile}), advice, region=region)
    t = texts()
    below = highlights(p).prices
    in_region = region_intro(p)
    grouped = groups(p)
    return ProcurementPart(
        label=t.summary.label,
        prices=below or [t.summary.prices_ok],
        line=t.summary.line.format(count=len(p.blocks), annex="{annex}"),
        title=t.summary.title,
        intro=[" ".join(t.summary.intro.split()), " ".join(t.disclaimer.split()),
               *([f"{in_region[0]}. {in_region[1]}"] if in_region else [])],
        price_lines=[("Let op: " if c.below else "") + c.text for c in p.prices],
        columns=list(t.summary.columns),
        groups=[(title, [[t.kinds[b.kind], b.text, part_of(b, kb).basis_line] for b in blocks])
                for title, blocks in grouped],
        sources=list(dict.fromkeys([*(s for b in p.blocks for s in b.sources),
                                    *(s for c in p.prices for s in c.sources)])),
        data=p.model_dump(mode="json"),
        buying={title: line for title, _ in grouped if (line := who_buys(p, title)) is not None},
    )
