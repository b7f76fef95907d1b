"""The spread of a regional workshop's votes (issue 25): per deelproduct, how the participants of
each municipality voted on the scale (within), and whether the municipalities' majorities agree
(between), so that disagreement a shared note would hide is in plain sight. Beside it the advised
scale and the region's own choice (Region.scale, DOMAIN.md).

Within a municipality (level ids; Dutch words in texts/region.yaml, `within`):
    none       no votes
    single     one vote: that representative's choice is the municipality's
    unanimous  two or more votes, all the same scale
    majority   one scale has more than half of the votes, not all
    split      no scale has more than half (e.g. 2 against 2)
Between the municipalities (`between`):
    open       fewer than two municipalities have a majority (single counts): nothing to compare
    agree      every municipality with a majority has the same one
    differ     two or more majorities differ: the mark the facilitator sees
These thresholds are the keuzehulp's own convention (the keuzehulp-assumption 'region-vote-spread').

counts: {deelproduct: {municipality: {scale: votes}}}, as Region.votes keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from pydantic import BaseModel

from keuzehulp.contract.ids import SCALE_IDS

Counts = dict[str, dict[str, dict[str, int]]]


class _Deelproduct(Protocol):
    id: str
    advised_scale: str
    chosen_scale: str | None


class MunicipalitySpread(BaseModel):
    municipality: str
    counts: dict[str, int]  # scale -> votes (scales with votes, smallest scale first)
    votes: int
    within: str  # see the module docstring
    majority: str | None  # the scale with more than half of her votes


class DeelproductSpread(BaseModel):
    id: str
    advised_scale: str
    chosen_scale: str | None
    counts: dict[str, int]  # the whole region's votes per scale
    votes: int
    municipalities: list[MunicipalitySpread]
    majorities: dict[str, list[str]]  # scale -> the municipalities whose majority it is
    between: str  # see the module docstring
    split_within: list[str]  # municipalities whose own votes are split
    against_advice: list[str]  # municipalities whose majority is not the advised scale


def _ordered(counts: dict[str, int]) -> dict[str, int]:
    return {s: int(counts[s]) for s in SCALE_IDS if counts.get(s)}


def within(counts: dict[str, int]) -> tuple[str, str | None]:
    """(level, majority) of one municipality's votes on one deelproduct."""
    counts = _ordered(counts)
    total = sum(counts.values())
    if total == 0:
        return "none", None
    top = max(counts, key=lambda s: counts[s])
    if counts[top] * 2 <= total:
        return "split", None
    if total == 1:
        return "single", top
    return ("unanimous" if counts[top] == total else "majority"), top


def spread(deelproduct: _Deelproduct, names: Sequence[str], counts: dict[str, dict[str, int]]) -> DeelproductSpread:
    """The spread of one deelproduct's votes over these municipalities (in this order)."""
    rows: list[MunicipalitySpread] = []
    total: dict[str, int] = {}
    majorities: dict[str, list[str]] = {}
    for name in names:
        mine = _ordered(counts.get(name, {}))
        level, top = within(mine)
        rows.append(MunicipalitySpread(municipality=name, counts=mine, votes=sum(mine.values()),
                                       within=level, majority=top))
        for scale, n in mine.items():
            total[scale] = total.get(scale, 0) + n
        if top is not None:
            majorities.setdefault(top, []).append(name)
    with_majority = sum(len(v) for v in majorities.values())
    between = "open" if with_majority < 2 else "agree" if len(majorities) == 1 else "differ"
    return DeelproductSpread(
        id=deelproduct.id, advised_scale=deelproduct.advised_scale, chosen_scale=deelproduct.chosen_scale,
        counts=_ordered(total), votes=sum(total.values()), municipalities=rows,
        majorities={s: majorities[s] for s in SCALE_IDS if s in majorities}, between=between,
        split_within=[r.municipality for r in rows if r.within == "split"],
        against_advice=[r.municipality for r in rows if r.majority not in (None, deelproduct.advised_scale)])


def region_spread(deelproducten: Iterable[_Deelproduct], names: Sequence[str], counts: Counts) -> list[DeelproductSpread]:
    """The spread of every deelproduct, in the view's order."""
    return [spread(d, names, counts.get(d.id, {})) for d in deelproducten]


def count_votes(votes: Iterable[tuple[str, str, str]]) -> Counts:
    """{deelproduct: {municipality: {scale: votes}}} from (municipality, deelproduct, scale) votes."""
    out: Counts = {}
    for municipality, deelproduct, scale in votes:
        cell = out.setdefault(deelproduct, {}).setdefault(municipality, {})
        cell[scale] = cell.get(scale, 0) + 1
    return out
