"""region/scales.yaml: how each deelproduct forms groups and the rules that advise its scale;
its shape and every check `python -m keuzehulp check` runs on it (file:line problems): known
deelproducten and routes, conditions over the region's quantities in the rules' own language,
a basis for every reason (a verbatim handreiking passage, a source page, or an assumption in
the register), placeholders that exist."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from keuzehulp.contract.fields import FieldType
from keuzehulp.contract.ids import DEELPRODUCT_IDS, SCALE_IDS  # DOMAIN.md's ids, kept in the contract
from keuzehulp.contract.schema import Basis
from keuzehulp.contract.yamlio import ContentError, Problem, checked_items, line_of, load_model_file
from keuzehulp.knowledge.provenance import basis_problems
from keuzehulp.rules.conditions import Check, compile_condition

SCALES_PATH = Path(__file__).resolve().parents[2] / "region" / "scales.yaml"

IN_TIME = ("all", "some", "none")
# The page Regio's table: the answers shown per municipality (keuzehulp/region/rows.py).
NUMBER_FIELDS = ("annual_intake", "min_group_size", "max_wait_months")
OPTION_FIELDS = ("level_mix", "recent_arrivals", "own_capacity")
ROW_FIELDS = ("municipality", "annual_intake", "b1", "onderwijs", "z", *OPTION_FIELDS, "min_group_size",
              "max_wait_months")
# What a scale rule's condition may name: the region's quantities per deelproduct (view.py).
SPECS: dict[str, FieldType] = {
    "needed": FieldType("needed", "bool", (True, False)),
    "grouped": FieldType("grouped", "bool", (True, False)),
    "mix_known": FieldType("mix_known", "bool", (True, False)),
    "local_in_time": FieldType("local_in_time", "enum", IN_TIME),
    "subregion_in_time": FieldType("subregion_in_time", "enum", (*IN_TIME, "unknown")),
    "region_in_time": FieldType("region_in_time", "bool", (True, False)),
    "region_wait_ratio": FieldType("region_wait_ratio", "number", (), 0, 1e9),
    "region_intake": FieldType("region_intake", "int", (), 0, 1_500_000),
    "municipalities": FieldType("municipalities", "count", (), 2, 15),
}
PLACEHOLDERS = frozenset({"local_months", "subregion_months", "region_months", "region_wait"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GroupSpec(_Strict):
    routes: list[Literal["b1", "onderwijs", "z"]] = Field(min_length=1)
    cells: Literal["levels", "one"]


class ScaleRuleSpec(_Strict):
    id: str = Field(pattern=r"^[a-z_]+/[a-z0-9-]+$")
    deelproducten: list[str] = Field(min_length=1)
    when: dict[str, Any] | None = None
    scale: str | None = None
    text: str = Field(min_length=10)
    basis: Basis
    passage: str | None = None
    sources: list[str] = Field(min_length=1)
    assumption: str | None = None


class _File(_Strict):
    groups: dict[str, GroupSpec]
    rules: list[Any] = Field(min_length=1)


@dataclass(frozen=True)
class ScaleRule:
    spec: ScaleRuleSpec
    check: Check | None


@dataclass(frozen=True)
class ScaleContent:
    groups: dict[str, GroupSpec]
    rules: tuple[ScaleRule, ...]

    def rules_for(self, deelproduct: str) -> tuple[ScaleRule, ...]:
        return tuple(r for r in self.rules if deelproduct in r.spec.deelproducten)


def _rule_problems(spec: ScaleRuleSpec, raw: Any, file: str, knowledge_ids: set[str] | None,
                   assumption_ids: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def report(where: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(file, line_of(raw, where, line_of(raw, ())), f"{spec.id}: {message}"))

    for i, d in enumerate(spec.deelproducten):
        if d not in DEELPRODUCT_IDS:
            report(("deelproducten", i), f"unknown deelproduct {d!r}; known: {', '.join(DEELPRODUCT_IDS)}")
    if spec.scale is not None and spec.scale not in SCALE_IDS:
        report(("scale",), f"unknown scale {spec.scale!r}; known: {', '.join(SCALE_IDS)}")
    for where, message in basis_problems(spec.basis, spec.passage, spec.sources, spec.assumption,
                                         assumption_ids, knowledge_ids):
        report(where, message)
    unknown = {n for _, n, _, _ in string.Formatter().parse(spec.text) if n} - PLACEHOLDERS
    if unknown:
        report(("text",), f"unknown placeholder(s) {sorted(unknown)}; known: {sorted(PLACEHOLDERS)}")
    return problems


def load_scales(path: Path = SCALES_PATH, knowledge_ids: set[str] | None = None,
                assumption_ids: set[str] | None = None) -> ScaleContent:
    """Read and check region/scales.yaml; raise ContentError with every problem at once."""
    top, data, file = load_model_file(_File, path)
    problems: list[Problem] = []
    for name in top.groups:
        if name not in DEELPRODUCT_IDS:
            problems.append(Problem(file, line_of(data, ("groups", name)),
                                    f"groups.{name}: unknown deelproduct; known: {', '.join(DEELPRODUCT_IDS)}"))
    rules: list[ScaleRule] = []
    for _, raw, spec in checked_items(ScaleRuleSpec, top.rules, data, file, "rules", problems, "rule"):
        problems.extend(_rule_problems(spec, raw, file, knowledge_ids, assumption_ids))
        check = None
        if spec.when is not None:
            check = compile_condition(raw["when"], raw, ["when"], file, SPECS, problems).check
        rules.append(ScaleRule(spec, check))
    for d in DEELPRODUCT_IDS:  # every deelproduct gets an advice: some rule with a scale always fires
        if not any(r.spec.scale and d in r.spec.deelproducten for r in rules):
            problems.append(Problem(file, line_of(data, ("rules",)), f"no rule gives deelproduct {d!r} a scale"))
    if problems:
        raise ContentError(problems)
    return ScaleContent(dict(top.groups), tuple(rules))


@lru_cache(maxsize=1)
def scales() -> ScaleContent:
    """The project's scale rules, loaded once per process."""
    return load_scales()


def assumption_users() -> dict[str, list[str]]:
    """Which assumptions the scale rules use (for `check`'s unused-assumption report)."""
    users: dict[str, list[str]] = {}
    for rule in scales().rules:
        if rule.spec.assumption:
            users.setdefault(rule.spec.assumption, []).append(f"region/scales.yaml: {rule.spec.id}")
    return users

