"""How a decision is made from its rules: the one scoring that the engine and the flips share.

Each fired rule adds its weight to its option; the highest score wins, ties go to the option
listed first. The flip search (flips.py) asks the same question for a changed answer, so it
uses these functions too, and can never disagree with the advice it explains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .derived import Ctx
    from .rules import Decision


def scores(decision: Decision, ctx: Ctx) -> tuple[dict[str, int], list[Any]]:
    """Score per option and the rules that fired."""
    totals = dict.fromkeys(decision.options, 0)
    fired = []
    for rule in decision.rules:
        if rule.check(ctx):
            totals[rule.option] += rule.weight
            fired.append(rule)
    return totals, fired


def best(totals: dict[str, int]) -> str:
    """The option with the highest score; on a tie the option listed first."""
    return max(totals, key=totals.__getitem__)


def choice(decision: Decision, ctx: Ctx) -> str:
    """The option this decision's rules choose for `ctx`."""
    return best(scores(decision, ctx)[0])
