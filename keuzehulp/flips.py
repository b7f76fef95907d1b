"""What would change the advice: the smallest single-field changes that change a decision.

Categorical and yes/no fields: every other value. Partners: adding or removing one partner.
Numbers: the nearest value up and down where the choice changes. A decision only changes
where one of its conditions changes truth, so for a number we collect those change points
(from the rule constants, or by solving a derived quantity for the field) and evaluate the
decision there, nearest first. Only the decision's own rules are evaluated.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from keuzehulp.contract.fields import field_specs, fields_file
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import PARTNERS, Flip
from keuzehulp.knowledge.assumptions import base_register
from keuzehulp.rules.derived import DERIVED, Ctx, profile_field_specs, with_value
from keuzehulp.rules.scoring import choice

if TYPE_CHECKING:
    from keuzehulp.rules.ruleset import Decision, RuleSet


def threshold_atoms(decision: Decision, field: str) -> tuple[Any, ...]:
    """The decision's comparisons that `field` can change (directly or through a derived
    quantity), once each: rules often repeat one comparison ("group_wait_ratio > 1")."""
    cached = decision.flip_atoms.get(field)
    if cached is None:
        seen: dict[tuple[str, str, str], Any] = {}
        for rule in decision.rules:
            for atom in rule.atoms:
                if atom.name == field or (atom.name in DERIVED and field in DERIVED[atom.name].deps):
                    seen.setdefault((atom.name, atom.op, repr(atom.value)), atom)
        cached = decision.flip_atoms[field] = tuple(seen.values())
    return cached


def change_points(decision: Decision, ctx: Ctx, field: str, lo: int, hi: int) -> set[int]:
    """Values v of `field` where some condition of the decision differs between v-1 and v.

    Each comparison changes truth only next to the root of `quantity == constant`, so it is
    tested on the few whole values around that root. A derived quantity is computed once per
    value of `field` (`scratch` is a copy of the context with `field` set; derived quantities
    read profile fields only, so nothing else in it goes stale)."""
    points: set[int] = set()
    scratch = dict(ctx)
    probe: Ctx = {}
    at: dict[tuple[str, int], Any] = {}  # (derived name, value of field) -> the quantity there
    for atom in threshold_atoms(decision, field):
        name = atom.name
        if name == field:
            quantity = None
            roots = atom.value if isinstance(atom.value, list) else [atom.value]
        else:
            quantity = DERIVED[name]
            root = quantity.solve(ctx, field, atom.value)
            roots = [] if root is None else [root]
        for root in roots:
            if not math.isfinite(root):
                continue
            base = math.floor(root)
            before = None
            for v in range(max(base - 1, lo), min(base + 2, hi) + 1):
                if quantity is None:
                    probe[name] = v
                else:
                    key = (name, v)
                    if key not in at:
                        scratch[field] = v
                        at[key] = quantity.fn(scratch)
                    probe[name] = at[key]
                truth = atom.check(probe)
                if before is not None and truth != before:
                    points.add(v)
                before = truth
    return points


def _flip(ruleset: RuleSet, decision: Decision, field: str, key: str, value: Any, new: str,
          partner: str = "") -> Flip:
    phrases = field_specs()[field].text.flips  # the field's declaration (texts/fields.yaml)
    # Numbers read naturally at 0 and 1 ("geen", "1 maand") where the file has a phrase for it.
    special = {0: f"{key}_zero", 1: f"{key}_one"}.get(value) if key in ("up", "down") else None
    phrase = phrases.get(special, phrases[key]).format(value=value, partner=partner)
    option = labels().option(decision.id, new)
    text = fields_file().flip_sentence.format(condition=phrase, choice=option)
    return Flip.model_construct(field=field, value=value, choice=new, text=text[:1].upper() + text[1:])


def _possible(decision: Decision, changed: Ctx, new: str) -> bool:
    """A team could really choose this: the new option's flip_only_if holds after the change."""
    guard = decision.flip_guards.get(new)
    return guard is None or guard(changed)


def decision_flips(ruleset: RuleSet, decision: Decision, ctx: Ctx, current: str) -> list[Flip]:
    """Every smallest single-field change that changes this decision's choice (verified).

    Numbers stay within the bounds of the assumptions register (a sensible minimum group, a
    plausible wait), and a change to an option is named only where that option is possible
    after the change (the option's `flip_only_if`)."""
    flips: list[Flip] = []
    bounds = base_register().flip_bounds()
    for field, spec in profile_field_specs().items():
        if field not in decision.fields:  # municipality and schema_version have no spec
            continue
        if spec.kind in ("enum", "bool"):
            for value in spec.values:
                if value == ctx[field]:
                    continue
                changed = with_value(ctx, field, value)
                new = choice(decision, changed)
                if new != current and _possible(decision, changed, new):
                    key = str(value).lower() if spec.kind == "bool" else str(value)
                    flips.append(_flip(ruleset, decision, field, key, value, new))
        elif spec.kind == "list":
            have = ctx[field]
            for partner in PARTNERS:
                if partner in have:
                    value, key = [p for p in have if p != partner], "remove"
                else:
                    value, key = [p for p in PARTNERS if p in have or p == partner], "add"
                changed = with_value(ctx, field, value)
                new = choice(decision, changed)
                if new != current and _possible(decision, changed, new):
                    name = field_specs()[field].text.flip_names[partner]
                    flips.append(_flip(ruleset, decision, field, key, value, new, partner=name))
        else:
            lo, hi = int(spec.lo), int(spec.hi)
            if field in bounds:
                lo, hi = max(lo, bounds[field][0]), min(hi, bounds[field][1])
            now = ctx[field]
            points = change_points(decision, ctx, field, lo, hi)
            for v in sorted(p for p in points if p > now):
                changed = with_value(ctx, field, v)
                new = choice(decision, changed)
                if new != current:
                    if _possible(decision, changed, new):
                        flips.append(_flip(ruleset, decision, field, "up", v, new))
                    break
            for v in sorted((p - 1 for p in points if p <= now), reverse=True):
                if not lo <= v <= hi:
                    continue
                changed = with_value(ctx, field, v)
                new = choice(decision, changed)
                if new != current:
                    if _possible(decision, changed, new):
                        flips.append(_flip(ruleset, decision, field, "down", v, new))
                    break
    return flips
