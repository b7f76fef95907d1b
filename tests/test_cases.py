"""Data-driven cases (tests/cases/*.yaml): the handreiking's reasoning applied to one municipality.

Each case names the reasoning it checks; a case file is validated like content, so a typo in
an expected key fails loudly instead of being skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keuzehulp.contract.schema import DECISION_IDS, ELEMENT_IDS, Advice, Profile
from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.knowledge.provenance import strength_label
from pydantic import BaseModel, ConfigDict

from keuzehulp import advise

CASES_DIR = Path(__file__).parent / "cases"
Texts = dict[str, list[str]]


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    profile: Profile
    choices: dict[str, str] = {}
    strengths: dict[str, str] = {}
    priorities: dict[str, str] = {}
    reasons_contain: Texts = {}  # in a decision's reasons (for and against) or an element's reasons
    reasons_lack: Texts = {}  # no reason of that decision or element contains the fragment
    reasons_against_contain: Texts = {}  # decisions only
    basis: dict[str, str] = {}  # decision -> handreiking | aanname | gemengd
    strength_labels: dict[str, str] = {}  # decision -> the Dutch label a reader sees
    # fragment -> basis (and assumption): the reason containing it says whose word it is
    reason_bases: dict[str, dict[str, str]] = {}
    actions_contain: Texts = {}
    actions_lack: Texts = {}
    examples_contain: Texts = {}
    examples_lack: Texts = {}
    flips_contain: dict[str, list[dict[str, Any]]] = {}
    flips_lack: dict[str, list[dict[str, Any]]] = {}  # keys given must all match to count


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data, problems = load_yaml_file(path)
        assert not problems, problems
        for raw in data:
            case = Case.model_validate(raw)
            params.append(pytest.param(case, id=f"{path.stem}: {case.name}"))
    return params


CASES = _load()


def _reason_objects(advice: Advice, item: str) -> list[Any]:
    if item in advice.decisions:
        d = advice.decisions[item]
        return d.reasons_for + d.reasons_against
    return _element(advice, item).reasons


def _reasons(advice: Advice, item: str) -> list[str]:
    return [r.text for r in _reason_objects(advice, item)]


def _element(advice: Advice, item: str) -> Any:
    assert item in ELEMENT_IDS, f"unknown element {item}"
    return next(e for e in advice.elements if e.id == item)


def _contains(texts: list[Any], fragment: str) -> bool:
    return any(fragment in str(t) for t in texts)


@pytest.mark.parametrize("case", CASES)
def test_case(case: Case) -> None:
    advice = advise(case.profile)
    for decision, choice in case.choices.items():
        assert decision in DECISION_IDS
        assert advice.decisions[decision].choice == choice, advice.decisions[decision].reasons_for
    for decision, strength in case.strengths.items():
        assert advice.decisions[decision].strength == strength
    for element, priority in case.priorities.items():
        assert _element(advice, element).priority == priority, _element(advice, element).reasons
    for item, fragments in case.reasons_contain.items():
        for fragment in fragments:
            assert _contains(_reasons(advice, item), fragment), (fragment, _reasons(advice, item))
    for item, fragments in case.reasons_lack.items():
        for fragment in fragments:
            assert not _contains(_reasons(advice, item), fragment), (fragment, _reasons(advice, item))
    for item, fragments in case.reasons_against_contain.items():
        for fragment in fragments:
            against = advice.decisions[item].reasons_against
            assert _contains(against, fragment), (fragment, against)
    for decision, basis in case.basis.items():
        assert advice.decisions[decision].basis == basis, advice.decisions[decision].reasons_for
    for decision, label in case.strength_labels.items():
        d = advice.decisions[decision]
        assert strength_label(d.strength, d.basis) == label
    for item, expected in case.reason_bases.items():
        fragment = expected["text"]
        found = [r for r in _reason_objects(advice, item) if fragment in r.text]
        assert found, (fragment, _reasons(advice, item))
        for reason in found:
            assert reason.basis == expected["basis"], reason
            if "assumption" in expected:
                assert reason.assumption == expected["assumption"], reason
    for item, fragments in case.actions_contain.items():
        for fragment in fragments:
            assert _contains(_element(advice, item).actions, fragment), (fragment, _element(advice, item).actions)
    for item, fragments in case.actions_lack.items():
        for fragment in fragments:
            assert not _contains(_element(advice, item).actions, fragment)
    for item, examples in case.examples_contain.items():
        have = advice.decisions[item].examples if item in advice.decisions else _element(advice, item).examples
        assert set(examples) <= set(have), have
    for item, examples in case.examples_lack.items():
        have = advice.decisions[item].examples if item in advice.decisions else _element(advice, item).examples
        assert not set(examples) & set(have), have
    for decision, flips in case.flips_contain.items():
        have = [{"field": f.field, "value": f.value, "choice": f.choice} for f in advice.decisions[decision].flips]
        for flip in flips:
            assert flip in have, have
    for decision, flips in case.flips_lack.items():
        have = [{"field": f.field, "value": f.value, "choice": f.choice} for f in advice.decisions[decision].flips]
        for flip in flips:
            matching = [h for h in have if all(h[k] == v for k, v in flip.items())]
            assert not matching, (flip, matching)


def test_there_is_a_case_for_every_decision_option_and_many_trade_offs() -> None:
    cases = [p.values[0] for p in CASES]
    assert len(cases) >= 25
    chosen = {(d, c) for case in cases for d, c in case.choices.items()}
    from keuzehulp.contract.schema import DECISION_OPTIONS

    assert chosen == {(d, o) for d, opts in DECISION_OPTIONS.items() for o in opts}
