"""procurement/blocks.yaml and prices.yaml: their shape, and every check `python -m keuzehulp
check` runs on them (file:line problems): a basis for every block (a verbatim handreiking
passage, a source page, or an assumption in the register), known deelproducten, conditions in
the rules' own language, placeholders that exist, prices of amounts that exist."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from keuzehulp.contract.costdata import cost_data
from keuzehulp.contract.ids import DEELPRODUCT_IDS
from keuzehulp.contract.schema import (
    ANSWER_FIELDS,
    DECISION_IDS,
    ELEMENT_IDS,
    PRIORITY_ORDER,
    SECTION_IDS,
    Basis,
)
from keuzehulp.contract.yamlio import (
    ContentError,
    Problem,
    checked_items,
    line_of,
    load_model_file,
    validate_part,
)
from keuzehulp.knowledge.provenance import basis_problems
from keuzehulp.rules.conditions import SPECS_ELEMENT_RULES, Check, compile_condition

CONTENT_DIR = Path(__file__).resolve().parents[2] / "procurement"
BLOCKS_PATH = CONTENT_DIR / "blocks.yaml"
PRICES_PATH = CONTENT_DIR / "prices.yaml"

# DOMAIN.md ("Region"): the deelproduct ids, plus `algemeen` for the steps of the procurement.
DEELPRODUCTEN: tuple[str, ...] = ("algemeen", *DEELPRODUCT_IDS)
Kind = Literal["scope", "eis", "kwaliteit", "betaling", "contract", "indicator", "stap"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
PLACEHOLDERS = frozenset({"volume", "intake", "min_group_size", "max_wait_months"})
# Names a block may follow from besides profile fields, decisions and elements.
EXTRA_NAMES = frozenset({"route_shares", "region_scale"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WhenElement(_Strict):
    id: str
    priority: list[Literal["essential", "recommended", "consider"]] = Field(min_length=1)


class BlockSpec(_Strict):
    id: str = Field(pattern=r"^[a-z_]+/[a-z0-9-]+$")
    deelproduct: str | list[str]
    kind: Kind
    text: str = Field(min_length=10)
    # The text when the municipalities of a region buy this deelproduct together ({volume}: theirs).
    region_text: str | None = Field(default=None, min_length=10)
    short: str | None = Field(default=None, min_length=5, max_length=90)  # on the slide 'Wat koopt u in?'
    basis: Basis
    passage: str | None = None
    sources: list[str] = Field(min_length=1)
    assumption: str | None = None
    when: dict[str, Any] | None = None
    when_element: WhenElement | None = None
    follows_from: list[str] = Field(default_factory=list)

    @property
    def deelproducten(self) -> list[str]:
        return [self.deelproduct] if isinstance(self.deelproduct, str) else list(self.deelproduct)


class PriceSpec(_Strict):
    id: str
    label: str
    amount: str
    reference: float = Field(gt=0)
    what: str
    warning: str
    sources: list[str] = Field(min_length=1)


class _BlocksFile(_Strict):
    blocks: list[Any]


class _PricesFile(_Strict):
    prices: list[Any]


@dataclass(frozen=True)
class Block:
    """A checked block: its spec, the compiled condition and every name it follows from."""

    spec: BlockSpec
    check: Check | None
    follows_from: tuple[str, ...]


@dataclass(frozen=True)
class Content:
    blocks: tuple[Block, ...]
    prices: tuple[PriceSpec, ...]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _source_problems(sources: list[str], knowledge_ids: set[str] | None) -> list[str]:
    out = []
    for ref in sources:
        if ref in SECTION_IDS:
            continue
        if not ref.startswith("knowledge/"):
            out.append(f"{ref!r} is neither a section (q1..q5) nor a knowledge page")
        elif knowledge_ids is not None and ref not in knowledge_ids:
            out.append(f"{ref!r}: no such knowledge page")
    return out


def _block_problems(spec: BlockSpec, raw: Any, file: str, loc: tuple[Any, ...],
                    knowledge_ids: set[str] | None, assumption_ids: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def report(where: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(file, line_of(raw, where, line_of(raw, ())), f"{spec.id}: {message}"))

    for d in spec.deelproducten:
        if d not in DEELPRODUCTEN:
            report(("deelproduct",), f"unknown deelproduct {d!r}; known: {', '.join(DEELPRODUCTEN)}")
    for where, message in basis_problems(spec.basis, spec.passage, spec.sources, spec.assumption,
                                         assumption_ids, knowledge_ids):
        report(where, message)
    for key, text in (("text", spec.text), ("region_text", spec.region_text or ""), ("short", spec.short or "")):
        unknown = _placeholders(text) - PLACEHOLDERS
        if unknown:
            report((key,), f"unknown placeholder(s) {sorted(unknown)}; known: {sorted(PLACEHOLDERS)}")
    if spec.when_element and spec.when_element.id not in ELEMENT_IDS:
        report(("when_element", "id"), f"unknown element {spec.when_element.id!r}")
    known = set(ANSWER_FIELDS) | set(DECISION_IDS) | set(ELEMENT_IDS) | EXTRA_NAMES
    for i, name in enumerate(spec.follows_from):
        if name not in known:
            report(("follows_from", i), f"{name!r} is no profile field, decision, element, route_shares or region_scale")
    return problems


def load_content(blocks_path: Path = BLOCKS_PATH, prices_path: Path = PRICES_PATH,
                 knowledge_ids: set[str] | None = None, assumption_ids: set[str] | None = None) -> Content:
    """Read and check both files; raise ContentError with every problem at once."""
    problems: list[Problem] = []
    blocks: list[Block] = []
    try:
        top, data, file = load_model_file(_BlocksFile, blocks_path)
    except ContentError as exc:
        problems.extend(exc.problems)
    else:
        for i, raw, spec in checked_items(BlockSpec, top.blocks, data, file, "blocks", problems, "block"):
            loc = ("blocks", i)
            problems.extend(_block_problems(spec, raw, file, loc, knowledge_ids, assumption_ids))
            check = None
            names: set[str] = set()
            if spec.when is not None:
                compiled = compile_condition(raw["when"], raw, ["when"], file, SPECS_ELEMENT_RULES, problems)
                check, names = compiled.check, compiled.names
            follows = list(spec.follows_from) + sorted(names)
            if spec.when_element:
                follows.append(spec.when_element.id)
            blocks.append(Block(spec, check, tuple(dict.fromkeys(follows))))
    prices: list[PriceSpec] = []
    try:
        ptop, pdata, pfile = load_model_file(_PricesFile, prices_path)
    except ContentError as exc:
        problems.extend(exc.problems)
    else:
        amounts = cost_data().amounts
        for i, raw in enumerate(ptop.prices):
            loc = ("prices", i)
            price = validate_part(PriceSpec, raw, pfile, loc, problems)
            if price is None:
                continue
            if price.amount not in amounts:
                problems.append(Problem(pfile, line_of(pdata, (*loc, "amount")),
                                        f"{price.id}: {price.amount!r} is no amount in texts/costs.yaml"))
            unknown = _placeholders(price.warning) - {"price", "what", "reference", "label"}
            if unknown:
                problems.append(Problem(pfile, line_of(pdata, (*loc, "warning")),
                                        f"{price.id}: unknown placeholder(s) {sorted(unknown)}"))
            for j, why in enumerate(_source_problems(price.sources, knowledge_ids)):
                problems.append(Problem(pfile, line_of(pdata, (*loc, "sources", j)), f"{price.id}: {why}"))
            prices.append(price)
    if problems:
        raise ContentError(problems)
    return Content(tuple(blocks), tuple(prices))


@lru_cache(maxsize=1)
def content() -> Content:
    """The project's building blocks and reference prices, loaded once per process."""
    return load_content()


def assumption_users(path: Path = BLOCKS_PATH) -> dict[str, list[str]]:
    """Which assumptions the blocks use (for `check`'s unused-assumption report)."""
    users: dict[str, list[str]] = {}
    for block in content().blocks if path == BLOCKS_PATH else load_content(path).blocks:
        if block.spec.assumption:
            users.setdefault(block.spec.assumption, []).append(f"procurement/blocks.yaml: {block.spec.id}")
    return users


def priority_met(priority: str, wanted: list[str]) -> bool:
    return priority in wanted and priority in PRIORITY_ORDER
