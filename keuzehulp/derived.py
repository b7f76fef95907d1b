"""Derived quantities that rule conditions may name, next to the profile fields.

Each is computed from profile fields only (never from another derived quantity) and is
monotone in every numeric field it depends on, so the flip search can find its thresholds by
solving `quantity == constant` for one field (`solve`) instead of trying every value.
Documented for rule authors in rules/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from keuzehulp.contract.fields import FieldType, field_types
from keuzehulp.contract.schema import CONDITION_FIELDS, Profile
from keuzehulp.rules import groups

Ctx = dict[str, Any]

# Partners that can carry out part of a trajectory (guidance, training, a placement with
# guidance): assumption delivery-partners in knowledge/assumptions.yaml. The language provider
# already gives the language lessons; volunteer organisations offer placements, not guidance.
PROVIDER_PARTNERS = frozenset({"reintegration_company", "social_work_company", "vocational_college"})
# Partners that can offer the training a municipality buys in (q2 "externe inkoop van scholing").
TRAINING_PARTNERS = frozenset({"vocational_college", "reintegration_company"})


def _cells(c: Ctx) -> int:
    return groups.group_cells(c["level_mix"], c["sector_mix"])


def _cooperates(c: Ctx) -> bool:
    return groups.cooperates(c["regional_cooperation"])


def _counted(c: Ctx, regional: bool | None = None) -> int:
    """groups.counted_intake on a condition context."""
    if regional is None:
        regional = groups.cooperates(c["regional_cooperation"])
    return groups.counted(c["annual_intake"], c["regional_intake"], regional)


def _months(intake: float, c: Ctx) -> float:
    return groups.months_for(intake, c["min_group_size"], _cells(c))


def _solve_ratio(c: Ctx, field: str, target: float, regional: bool, per_wait: bool) -> float | None:
    """Solve months(intake)/wait**per_wait == target for one numeric field."""
    if target <= 0:
        return None
    counted_regional = regional or _cooperates(c)
    intake = _counted(c, counted_regional)
    wait = c["max_wait_months"] if per_wait else 1
    base = 12.0 * c["min_group_size"] * _cells(c)  # months * intake
    if field == "annual_intake":
        return base / (target * wait) - (intake - c["annual_intake"])
    if field == "regional_intake":
        return base / (target * wait) - c["annual_intake"] if counted_regional else None
    if field == "min_group_size":
        return target * wait * intake / (12.0 * _cells(c))
    if field == "max_wait_months" and per_wait:
        return base / (target * intake) if intake > 0 else None
    return None


@dataclass(frozen=True)
class Derived:
    name: str
    kind: str  # "number" (ordered comparisons only) or "count" (of partners; also eq/ne)
    deps: frozenset[str]
    fn: Callable[[Ctx], Any]
    solve: Callable[[Ctx, str, float], float | None]
    doc: str


_GROUP_DEPS = frozenset({"annual_intake", "regional_intake", "regional_cooperation", "level_mix",
                         "sector_mix", "min_group_size"})


def _no_solve(c: Ctx, f: str, t: float) -> float | None:
    return None


def _solve_counted(c: Ctx, f: str, t: float) -> float | None:
    if f == "annual_intake":
        return t - (_counted(c) - c["annual_intake"])
    if f == "regional_intake" and _cooperates(c):
        return t - c["annual_intake"]
    return None


def _solve_needed(c: Ctx, f: str, t: float) -> float | None:
    if f == "min_group_size":
        return t * c["max_wait_months"] / (12.0 * _cells(c))
    if f == "max_wait_months" and t > 0:
        return 12.0 * c["min_group_size"] * _cells(c) / t
    return None


DERIVED: dict[str, Derived] = {
    d.name: d
    for d in (
        Derived("counted_intake", "number", frozenset({"annual_intake", "regional_intake", "regional_cooperation"}),
                _counted, _solve_counted,
                "inburgeraars per jaar die samen een groep kunnen vormen: eigen instroom, plus die van "
                "de buurgemeenten als u al samenwerkt"),
        Derived("group_months", "number", _GROUP_DEPS,
                lambda c: _months(_counted(c), c),
                lambda c, f, t: _solve_ratio(c, f, t, regional=False, per_wait=False),
                "maanden tot één groep van min_group_size op één niveau vol is (eigen instroom, plus "
                "regio als u al samenwerkt); oneindig bij geen instroom"),
        Derived("group_wait_ratio", "number", _GROUP_DEPS | {"max_wait_months"},
                lambda c: _months(_counted(c), c) / c["max_wait_months"],
                lambda c, f, t: _solve_ratio(c, f, t, regional=False, per_wait=True),
                "group_months gedeeld door max_wait_months: 1 of minder = de groep is op tijd vol"),
        Derived("group_wait_ratio_regional", "number", _GROUP_DEPS | {"max_wait_months"},
                lambda c: _months(_counted(c, regional=True), c) / c["max_wait_months"],
                lambda c, f, t: _solve_ratio(c, f, t, regional=True, per_wait=True),
                "als group_wait_ratio, maar alsof u al samenwerkt (regional_intake telt altijd mee)"),
        Derived("intake_needed", "number",
                frozenset({"level_mix", "sector_mix", "min_group_size", "max_wait_months"}),
                lambda c: groups.intake_needed_for(c["min_group_size"], _cells(c), c["max_wait_months"]),
                _solve_needed,
                "kleinste instroom per jaar (eigen plus meegetelde regio) die een groep op tijd vult"),
        Derived("provider_partners", "count", frozenset({"partners"}),
                lambda c: sum(1 for p in c["partners"] if p in PROVIDER_PARTNERS), _no_solve,
                "aantal partners dat onderdelen kan uitvoeren: re-integratiebedrijf, sw-bedrijf, "
                "mbo-instelling"),
        Derived("training_partners", "count", frozenset({"partners"}),
                lambda c: sum(1 for p in c["partners"] if p in TRAINING_PARTNERS), _no_solve,
                "aantal partners dat scholing kan aanbieden: mbo-instelling, re-integratiebedrijf"),
    )
}


Spec = FieldType  # what a condition may say about one name: its kind, values and range


@lru_cache(maxsize=1)
def profile_field_specs() -> dict[str, Spec]:
    """The type of each profile field a condition may name (fields.py), in the contract's order."""
    return {name: t for name, t in field_types().items() if name in CONDITION_FIELDS}


NUMERIC_FIELDS: dict[str, tuple[int, int]] = {
    name: (int(spec.lo), int(spec.hi)) for name, spec in profile_field_specs().items() if spec.kind == "int"
}
DEPENDENTS: dict[str, tuple[str, ...]] = {
    name: tuple(d for d, q in DERIVED.items() if name in q.deps) for name in profile_field_specs()
}


def context(profile: Profile) -> Ctx:
    """The values conditions see: profile fields plus every derived quantity."""
    ctx = dict(profile.__dict__)
    for name, quantity in DERIVED.items():
        ctx[name] = quantity.fn(ctx)
    return ctx


def with_value(ctx: Ctx, field: str, value: Any) -> Ctx:
    """A copy of ctx with one field changed and the derived quantities it feeds recomputed."""
    new = dict(ctx)
    new[field] = value
    for name in DEPENDENTS[field]:
        new[name] = DERIVED[name].fn(new)
    return new
