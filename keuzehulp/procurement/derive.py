"""The building blocks of one design: `procurement(session)` -> Procurement (DOMAIN.md,
"Procurement building blocks"). The design is the team's choice per decision, else the advice's;
a block shows when its condition holds for that design and the answers, and when the advice
weighs the element it needs (essential or recommended). `changes()` says what a different
choice adds and removes, so a team sees what its choice means for the requirements."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from keuzehulp.contract.schema import DECISION_IDS, DECISION_OPTIONS, Advice, Basis, Session
from keuzehulp.costs.estimate import merged_amounts
from keuzehulp.dutch.numbers import euro
from keuzehulp.procurement.content import Block, Content, content
from keuzehulp.procurement.regional import Buying, buying
from keuzehulp.procurement.texts import texts
from keuzehulp.procurement.volumes import ROUTES, volumes_of
from keuzehulp.region.model import Region
from keuzehulp.rules.derived import context
from keuzehulp.rules.engine import advise

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BuildingBlock(_Out):
    id: str
    deelproduct: str
    kind: str
    text: str
    short: str | None = None  # in a few words, for the slide (keuzehulp/procurement/highlights.py)
    basis: Basis
    passage: str | None = None
    sources: list[str]
    assumption: str | None = None
    follows_from: list[str]


class DesignChoice(_Out):
    decision: str
    choice: str
    source: Literal["team", "advice"]


class PriceCheck(_Out):
    id: str
    label: str
    amount: str
    price: float
    reference: float
    below: bool
    text: str
    sources: list[str]


class Procurement(_Out):
    schema_version: Literal[1] = SCHEMA_VERSION
    kind: Literal["keuzehulp-inkoop"] = "keuzehulp-inkoop"
    municipality: str = ""
    design: list[DesignChoice]
    route_shares: dict[str, float] | None = None
    volumes: dict[str, int | None] = Field(default_factory=dict)
    region: str | None = None  # the region whose design this is (its scale per deelproduct)
    buying: list[Buying] = Field(default_factory=list)  # per deelproduct, in a region
    notes: list[str] = Field(default_factory=list)
    blocks: list[BuildingBlock]
    prices: list[PriceCheck]
    disclaimer: str


def design_of(session: Session, advice: Advice) -> dict[str, tuple[str, str]]:
    """decision -> (choice, 'team' | 'advice')."""
    out = {}
    for decision in DECISION_IDS:
        team = session.team.decisions.get(decision)
        if team is not None and team.choice:
            out[decision] = (team.choice, "team")
        else:
            out[decision] = (advice.decisions[decision].choice, "advice")
    return out


def route_shares(session: Session) -> dict[str, float] | None:
    """The share of the intake per learning route in percent, as the team answered it (vraag 2)."""
    shares = session.profile.route_shares
    return None if shares is None else shares.model_dump()


def volumes(session: Session, bought: dict[str, Buying] | None = None) -> dict[str, int | None]:
    """Inburgeraars per year per deelproduct (None where the route mix is needed but unknown); in
    a region, the volumes of the municipalities that buy it together."""
    own = volumes_of([session.profile])
    if bought:
        own.update({d: b.volume for d, b in bought.items()})
    return own


def _applies(block: Block, ctx: dict, priorities: dict[str, str]) -> bool:
    if block.check is not None and not block.check(ctx):
        return False
    wanted = block.spec.when_element
    return wanted is None or priorities.get(wanted.id) in wanted.priority


def _blocks(session: Session, design: dict[str, str], priorities: dict[str, str], c: Content,
            vols: dict[str, int | None], bought: dict[str, Buying] | None = None) -> list[BuildingBlock]:
    ctx = context(session.profile)
    ctx.update(design)
    profile = session.profile
    out = []
    for block in c.blocks:
        if not _applies(block, ctx, priorities):
            continue
        spec = block.spec
        for deelproduct in spec.deelproducten:
            volume = vols.get(deelproduct)
            if deelproduct in ROUTES and volume == 0:
                continue  # nobody in this route: nothing to buy
            if "{volume}" in spec.text and volume is None:
                continue  # said once in `notes` instead
            together = bought is not None and deelproduct in bought and bought[deelproduct].together
            template = spec.region_text if together and spec.region_text else spec.text
            words = {"volume": volume, "intake": profile.annual_intake, "min_group_size": profile.min_group_size,
                     "max_wait_months": profile.max_wait_months}
            text = template.format(**words)
            follows = list(block.follows_from) + (["region_scale"] if template is spec.region_text else [])
            out.append(BuildingBlock(
                id=spec.id if len(spec.deelproducten) == 1 else f"{spec.id}@{deelproduct}",
                deelproduct=deelproduct, kind=spec.kind, text=text,
                short=None if spec.short is None else spec.short.format(**words), basis=spec.basis,
                passage=spec.passage, sources=list(spec.sources), assumption=spec.assumption,
                follows_from=follows))
    return out


def price_checks(session: Session, c: Content) -> list[PriceCheck]:
    amounts = merged_amounts(session.costs)
    t = texts()
    shares = route_shares(session)
    out = []
    for price in c.prices:
        route = {"language_price_b1": "b1", "language_price_onderwijs": "onderwijs",
                 "language_price_z": "z"}.get(price.amount)
        if shares is not None and route is not None and shares[route] == 0:
            continue  # a route the team does not use
        value = float(amounts[price.amount])
        below = value < price.reference
        words = {"price": euro(value), "what": price.what, "reference": euro(price.reference),
                 "label": price.label}
        text = price.warning.format(**words) if below else t.price_ok.format(**words)
        out.append(PriceCheck(id=price.id, label=price.label, amount=price.amount, price=value, reference=price.reference,
                              below=below, text=text, sources=list(price.sources)))
    return out


def _bought(session: Session, region: Region | None) -> dict[str, Buying] | None:
    return None if region is None else buying(region, session.profile)


def procurement(session: Session, advice: Advice | None = None, region: Region | None = None) -> Procurement:
    """The building blocks of the session's design; with `region` (the session's municipality is
    one of its municipalities, else ValueError), per deelproduct at the region's scale."""
    advice = advice or advise(session.profile)
    c = content()
    design = design_of(session, advice)
    priorities = {e.id: e.priority for e in advice.elements}
    bought = _bought(session, region)
    vols = volumes(session, bought)
    notes = [texts().no_route_shares] if route_shares(session) is None else []
    return Procurement(
        municipality=session.profile.municipality,
        design=[DesignChoice(decision=d, choice=c_, source=s) for d, (c_, s) in design.items()],
        route_shares=route_shares(session), volumes=vols, notes=notes,
        region=None if region is None else region.region, buying=list((bought or {}).values()),
        blocks=_blocks(session, {d: v[0] for d, v in design.items()}, priorities, c, vols, bought),
        prices=price_checks(session, c), disclaimer=texts().disclaimer)


def changes(session: Session, decision: str, option: str, advice: Advice | None = None,
            region: Region | None = None) -> tuple[list[BuildingBlock], list[BuildingBlock]]:
    """What choosing `option` for `decision` adds to and removes from the building blocks."""
    if option not in DECISION_OPTIONS.get(decision, ()):
        raise ValueError(f"{option!r} is no option of {decision!r}")
    advice = advice or advise(session.profile)
    c = content()
    priorities = {e.id: e.priority for e in advice.elements}
    bought = _bought(session, region)
    vols = volumes(session, bought)
    now = {d: v[0] for d, v in design_of(session, advice).items()}
    other = {**now, decision: option}
    before = {b.id: b for b in _blocks(session, now, priorities, c, vols, bought)}
    after = {b.id: b for b in _blocks(session, other, priorities, c, vols, bought)}
    return ([b for i, b in after.items() if i not in before], [b for i, b in before.items() if i not in after])
