"""TEMPORARY STUB - replaced by the real rule engine (issue 2). Returns a valid Advice."""

from __future__ import annotations

from .schema import (
    DECISION_OPTIONS,
    ELEMENT_IDS,
    ELEMENT_SECTIONS,
    Advice,
    DecisionAdvice,
    ElementAdvice,
    Profile,
)


def advise(profile: Profile) -> Advice:
    decisions = {
        d: DecisionAdvice(choice=opts[0], strength="weak", reasons_for=["(stub)"], sources=["q2"])
        for d, opts in DECISION_OPTIONS.items()
    }
    elements = [
        ElementAdvice(id=e, priority="recommended", reasons=["(stub)"], actions=["(stub)"],
                      sources=[ELEMENT_SECTIONS[e]])
        for e in ELEMENT_IDS
    ]
    return Advice(profile=profile, decisions=decisions, elements=elements)
