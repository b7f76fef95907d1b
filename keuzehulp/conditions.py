"""Rule conditions: declarative data over profile fields, checked and compiled to closures.

A condition is YAML like
    all:
      - {field: level_mix, op: eq, value: mixed}
      - {field: group_wait_ratio, op: gt, value: 1}
      - not: {field: partners, op: contains, value: vocational_college}
and is never evaluated as Python text. Names a condition may use: every profile field
(except municipality and schema_version), the derived quantities in keuzehulp/rules/derived.py,
and - in element rules only - the decision ids (their chosen option).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from keuzehulp.contract.schema import DECISION_OPTIONS
from keuzehulp.contract.yamlio import LineDict, LineList, Problem, format_loc, line_of
from keuzehulp.rules.derived import DERIVED, NUMERIC_FIELDS, Spec, profile_field_specs

Ctx = dict[str, Any]
Check = Callable[[Ctx], bool]

OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    "enum": ("eq", "ne", "in", "not_in"),
    "bool": ("eq", "ne"),
    "int": ("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in"),
    "number": ("lt", "lte", "gt", "gte"),  # derived quantities: ordered comparisons only
    "count": ("eq", "ne", "lt", "lte", "gt", "gte"),  # derived counts of partners
    "list": ("contains", "not_contains"),
}
LOGIC_KEYS = ("all", "any", "not")
LEAF_KEYS = ("field", "op", "value")


@dataclass(frozen=True)
class Atom:
    """One comparison, kept for the flip search (which thresholds a rule uses)."""

    name: str
    op: str
    value: Any
    check: Check


@dataclass
class Compiled:
    check: Check
    atoms: list[Atom] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


def _specs(allow_decisions: bool) -> dict[str, Spec]:
    specs = dict(profile_field_specs())
    for name, quantity in DERIVED.items():
        specs[name] = Spec(name, quantity.kind)
    if allow_decisions:
        for decision, options in DECISION_OPTIONS.items():
            specs[decision] = Spec(decision, "enum", options)
    return specs


SPECS_DECISION_RULES = _specs(allow_decisions=False)
SPECS_ELEMENT_RULES = _specs(allow_decisions=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _atom_check(name: str, op: str, value: Any) -> Check:
    if op == "eq":
        return lambda c: c[name] == value
    if op == "ne":
        return lambda c: c[name] != value
    if op in ("in", "not_in"):
        allowed = frozenset(value)
        if op == "in":
            return lambda c: c[name] in allowed
        return lambda c: c[name] not in allowed
    if op == "lt":
        return lambda c: c[name] < value
    if op == "lte":
        return lambda c: c[name] <= value
    if op == "gt":
        return lambda c: c[name] > value
    if op == "gte":
        return lambda c: c[name] >= value
    if op == "contains":
        return lambda c: value in c[name]
    if op == "not_contains":
        return lambda c: value not in c[name]
    raise ValueError(op)  # pragma: no cover - ops are checked before compiling


def _value_problem(spec: Spec, op: str, value: Any) -> str | None:
    """Why `value` cannot be compared with `spec` by `op`, or None when it can."""
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            return f"{op!r} needs a non-empty list of values"
        for item in value:
            problem = _value_problem(spec, "eq", item)
            if problem:
                return problem
        return None
    if spec.kind in ("enum", "list"):
        if value not in spec.values:
            allowed = ", ".join(repr(v) for v in spec.values)
            return f"{value!r} is not a value '{spec.name}' can take; choose from [{allowed}]"
    elif spec.kind == "bool":
        if not isinstance(value, bool):
            return f"'{spec.name}' is yes/no: use true or false, not {value!r}"
    elif not _is_number(value):
        return f"'{spec.name}' is a number: {value!r} is not"
    elif spec.lo is not None and spec.hi is not None and not spec.lo <= value <= spec.hi:
        return f"{value!r} is outside the range of '{spec.name}' ({spec.lo:g}..{spec.hi:g})"
    return None


def _all(checks: tuple[Check, ...]) -> Check:
    """True when every check holds (a plain loop: conditions run thousands of times per advice)."""
    if len(checks) == 2:
        first, second = checks
        return lambda c: first(c) and second(c)

    def check(c: Any) -> bool:
        for ch in checks:
            if not ch(c):
                return False
        return True
    return check


def _any(checks: tuple[Check, ...]) -> Check:
    """True when some check holds."""
    if len(checks) == 2:
        first, second = checks
        return lambda c: first(c) or second(c)

    def check(c: Any) -> bool:
        for ch in checks:
            if ch(c):
                return True
        return False
    return check


def compile_condition(
    node: Any, parent: Any, loc: list[Any], file: str, specs: dict[str, Spec], problems: list[Problem]
) -> Compiled:
    """Check one condition (recursively) and compile it. Problems are appended, never raised.

    `parent` is the enclosing rule mapping; `loc` the path from it, for file:line messages.
    """

    def report(where: list[Any], message: str) -> Compiled:
        problems.append(Problem(file, line_of(parent, where), f"{format_loc(where)}: {message}"))
        return Compiled(check=lambda c: False)

    if not isinstance(node, dict):
        return report(loc, "a condition is a mapping with 'all', 'any', 'not' or 'field'/'op'/'value'")
    keys = set(node)
    logic = keys & set(LOGIC_KEYS)
    if logic:
        if len(keys) != 1:
            extra = ", ".join(sorted(keys - {next(iter(logic))})) if len(logic) == 1 else ", ".join(sorted(keys))
            return report(loc, f"'{'/'.join(sorted(logic))}' cannot be combined with other keys ({extra})")
        key = next(iter(logic))
        if key == "not":
            inner = compile_condition(node["not"], parent, [*loc, "not"], file, specs, problems)
            check = inner.check
            return Compiled(lambda c: not check(c), inner.atoms, inner.names)
        items = node[key]
        if not isinstance(items, list) or not items:
            return report([*loc, key], f"'{key}' needs a non-empty list of conditions")
        parts = [
            compile_condition(item, parent, [*loc, key, i], file, specs, problems)
            for i, item in enumerate(items)
        ]
        checks = tuple(p.check for p in parts)
        atoms = [a for p in parts for a in p.atoms]
        names = set().union(*(p.names for p in parts))
        if len(checks) == 1:
            return Compiled(checks[0], atoms, names)
        return Compiled((_all if key == "all" else _any)(checks), atoms, names)

    unknown = sorted(str(k) for k in keys - set(LEAF_KEYS))
    if unknown:
        return report([*loc, unknown[0]], f"unknown key; a condition has {', '.join(LEAF_KEYS)} or one of "
                      f"{', '.join(LOGIC_KEYS)}")
    missing = [k for k in LEAF_KEYS if k not in node]
    if missing:
        return report(loc, f"missing {', '.join(repr(m) for m in missing)}")
    name, op, value = node["field"], node["op"], node["value"]
    spec = specs.get(name) if isinstance(name, str) else None
    if spec is None:
        known = ", ".join(sorted(specs))
        return report([*loc, "field"], f"unknown field {name!r}; known: [{known}]")
    ops = OPS_BY_KIND[spec.kind]
    if op not in ops:
        return report([*loc, "op"], f"{op!r} is not one of [{', '.join(ops)}] (for '{name}')")
    problem = _value_problem(spec, op, value)
    if problem:
        return report([*loc, "value"], problem)
    if isinstance(value, LineList | LineDict):
        value = list(value)
    check = _atom_check(name, op, value)
    return Compiled(check, [Atom(name, op, value, check)], {name})


def numeric_names(names: set[str]) -> set[str]:
    """The numeric profile fields a set of condition names depends on (through derived ones)."""
    out = set()
    for name in names:
        if name in NUMERIC_FIELDS:
            out.add(name)
        elif name in DERIVED:
            out |= DERIVED[name].deps & set(NUMERIC_FIELDS)
    return out


def field_names(names: set[str]) -> set[str]:
    """All profile fields a set of condition names depends on (through derived ones)."""
    specs = profile_field_specs()
    out = set()
    for name in names:
        if name in specs:
            out.add(name)
        elif name in DERIVED:
            out |= DERIVED[name].deps
    return out
