"""How a decision is made from its rules: the one scoring that the engine and the flips share.

Each fired rule adds its weight to its option; the highest score wins, ties go to the option
listed first. The flip search (flips.py) asks the same question for a changed answer, so it
uses these functions too, and can never disagree with the advice it explains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keuzehulp.rules.derived import Ctx
    from keuzehulp.rules.ruleset import Decision


def totals(decision: Decision, ctx: Ctx, fired: list[Any] | None = None) -> dict[str, int]:
    """Score per option; the rules that fired are appended to `fired` when one is given."""
    out = dict.fromkeys(decision.options, 0)
    for rule in decision.rules:
        if rule.check(ctx):
            out[rule.option] += rule.weight
            if fired is not None:
                fired.append(rule)
    return out


def scores(decision: Decision, ctx: Ctx) -> tuple[dict[str, int], list[Any]]:
    """Score per option and the rules that fired."""
    fired: list[Any] = []
    return totals(decision, ctx, fired), fired


def best(totals: dict[str, int]) -> str:
    """The option with the highest score; on a tie the option listed first."""
    return max(totals, key=totals.__getitem__)


def choice(decision: Decision, ctx: Ctx) -> str:
    """The option this decision's rules choose for `ctx` (the flip search asks this often)."""
    return best(totals(decision, ctx))
