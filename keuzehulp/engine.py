"""advise(profile) -> Advice: apply the handreiking's rules (rules/*.yaml) to one municipality.

Decisions first (scoring.py: each rule adds its weight to an option; the highest score wins,
ties go to the option listed first), then the effective elements (a fired rule's priority wins over the
element's default; the most important fired priority counts), then the flips.
"""

from __future__ import annotations

from typing import Any

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    ELEMENT_IDS,
    PRIORITY_ORDER,
    SCHEMA_VERSION,
    Advice,
    DecisionAdvice,
    ElementAdvice,
    Profile,
    Reason,
)
from keuzehulp.dutch import wording
from keuzehulp.rules import groups
from keuzehulp.rules.derived import Ctx, context
from keuzehulp.rules.flips import decision_flips
from keuzehulp.rules.ruleset import Decision, Provenance, RuleSet, Text, rules
from keuzehulp.rules.scoring import best, choice, scores

__all__ = ["advise", "best", "choice", "scores"]

_ELEMENT_INDEX = {e: i for i, e in enumerate(ELEMENT_IDS)}
_STRENGTH_RANK = {"weak": 0, "moderate": 1, "strong": 2}


class _Values(dict):
    """Placeholder values for rule texts, computed on first use."""

    def __init__(self, ctx: Ctx, profile: Profile, estimate_text: str):
        super().__init__()
        self.ctx, self.profile, self.estimate_text = ctx, profile, estimate_text

    def __missing__(self, key: str) -> str:
        if key == "group_estimate":
            value = self.estimate_text
        elif key == "group_months_text":  # "3,2 maanden": one decimal, never contradicting the wait
            value = wording.months(self.ctx["group_months"])
        elif key == "group_estimate_regional":
            p = self.profile
            value = groups.describe(groups.counted_intake(p, regional=True), p, regional=True)
        else:
            value = _display(key, self.ctx[key])
        self[key] = value
        return value


def _display(name: str, value: Any) -> str:
    if isinstance(value, float):
        return "onbeperkt" if value == float("inf") else str(round(value))
    if isinstance(value, bool) or isinstance(value, list) or isinstance(value, str):
        return labels().value(name, value) if name in labels().fields else str(value)
    return str(value)


def _text(text: str, templated: bool, values: _Values) -> str:
    return text.format_map(values) if templated else text


def _reason(text: str, prov: Provenance, rule: str) -> Reason:
    return Reason.model_construct(text=text, basis=prov.basis, passage=prov.passage, sources=list(prov.sources),
                                  assumption=prov.assumption, rule=rule)


# The Reason of each rule text without placeholders, built once and shared by every advice that
# gives it (building the same model thousands of times was a third of advise()). Keyed by the
# rule object's id, which the entry keeps alive so the id cannot be reused; Reason is frozen, so
# a shared one cannot be changed under another advice.
_FIXED: dict[int, tuple[Any, Reason]] = {}


def _said(owner: Any, text: str, templated: bool, values: _Values, prov: Provenance, rule: str) -> Reason:
    """The Reason for `owner`'s one text (a rule, an element, a consideration or an action)."""
    if templated:
        return _reason(text.format_map(values), prov, rule)
    hit = _FIXED.get(id(owner))
    if hit is None or hit[0] is not owner:
        hit = _FIXED[id(owner)] = (owner, _reason(text, prov, rule))
    return hit[1]


def _action(action: Text, rule: str, values: _Values) -> str | Reason:
    if action.prov is None:  # an instruction that states no fact
        return _text(action.text, action.templated, values)
    return _said(action, action.text, action.templated, values, action.prov, rule)


def _unique(items: list[Any]) -> list[Any]:
    """Once each, by text (two rules may give the same sentence); the first one's basis stays."""
    if len(items) < 2:
        return list(items)
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(item if item.__class__ is str else item.text, item)
    return list(seen.values())


def decision_basis(reasons: list[Reason]) -> str:
    """handreiking or aanname when every deciding reason has that basis, else gemengd."""
    bases = {r.basis for r in reasons}
    if bases == {"handreiking"}:
        return "handreiking"
    if bases == {"aanname"}:
        return "aanname"
    return "gemengd"


def _decide(decision: Decision, ctx: Ctx, values: _Values) -> DecisionAdvice:
    totals, fired = scores(decision, ctx)
    chosen = best(totals)
    ordered = sorted(totals.values(), reverse=True)
    margin = ordered[0] - ordered[1]
    strength = "strong" if margin >= decision.strong else "moderate" if margin >= decision.moderate else "weak"
    reasons_for: list[Reason] = []
    reasons_against: list[Reason] = []
    examples = list(decision.option_examples[chosen])
    sources = list(decision.sources)
    for rule in fired:
        reason = _said(rule, rule.reason, rule.templated, values, rule.prov, rule.id)
        # A rule for the chosen option, or against an alternative, supports the choice.
        supports = (rule.option == chosen) == (rule.weight > 0)
        (reasons_for if supports else reasons_against).append(reason)
        if supports:
            examples.extend(rule.examples)
        sources.extend(rule.sources)
        # A close call is never shown as clearer than the rule allows.
        if rule.strength_at_most and _STRENGTH_RANK[strength] > _STRENGTH_RANK[rule.strength_at_most]:
            strength = rule.strength_at_most
    for con in decision.against[chosen]:
        reasons_against.append(_said(con, con.text, con.templated, values, con.prov,
                                     f"{decision.id}/{chosen}/against"))
        sources.extend(con.prov.sources)
    return DecisionAdvice.model_construct(
        choice=chosen,
        strength=strength,
        basis=decision_basis(reasons_for),
        reasons_for=_unique(reasons_for),
        reasons_against=_unique(reasons_against),
        flips=[],
        examples=_unique(examples),
        sources=_unique(sources),
        rules=[r.id for r in fired],
    )


def _elements(ruleset: RuleSet, ctx: Ctx, values: _Values) -> list[ElementAdvice]:
    out = []
    for element in ruleset.elements.values():
        priority = None
        reasons = [_said(element, element.reason, element.templated, values, element.prov, element.rule_id)]
        actions = [_action(a, element.rule_id, values) for a in element.actions]
        examples, sources, fired = list(element.examples), list(element.sources), [element.rule_id]
        for rule in element.rules:
            if not rule.check(ctx):
                continue
            fired.append(rule.id)
            if rule.priority and (priority is None or PRIORITY_ORDER[rule.priority] < PRIORITY_ORDER[priority]):
                priority = rule.priority
            reasons.append(_said(rule, rule.reason, rule.templated, values, rule.prov, rule.id))
            actions.extend(_action(a, rule.id, values) for a in rule.actions)
            examples.extend(rule.examples)
            sources.extend(rule.sources)
        out.append(ElementAdvice.model_construct(
            id=element.id, priority=priority or element.default, reasons=_unique(reasons),
            actions=_unique(actions), examples=_unique(examples), sources=_unique(sources), rules=fired,
        ))
    out.sort(key=lambda e: (PRIORITY_ORDER[e.priority], _ELEMENT_INDEX[e.id]))
    return out


def advise(profile: Profile, with_flips: bool = True) -> Advice:
    """The advice for one profile: all three decisions and all fifteen elements."""
    ruleset = rules()
    ctx = context(profile)
    estimate = groups.estimate(profile)
    values = _Values(ctx, profile, estimate.text)
    decisions = {}
    for decision in ruleset.decisions.values():
        decisions[decision.id] = _decide(decision, ctx, values)
    base = dict(ctx)  # flips change profile fields only, so they start from the profile's values
    for decision_id, advice in decisions.items():
        ctx[decision_id] = advice.choice
        if with_flips:
            advice.flips = decision_flips(ruleset, ruleset.decisions[decision_id], base, advice.choice)
    return Advice.model_construct(
        schema_version=SCHEMA_VERSION,
        profile=profile,
        decisions=decisions,
        elements=_elements(ruleset, ctx, values),
        group_formation=estimate,
        rules_version=ruleset.version,
        rules_date=ruleset.version_date,
    )
