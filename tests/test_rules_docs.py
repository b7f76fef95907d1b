"""The rules cover the handreiking and their documentation stays true."""

from __future__ import annotations

import itertools
from pathlib import Path

from keuzehulp.contract.schema import ELEMENT_IDS, EXAMPLE_IDS, Profile
from keuzehulp.rules.conditions import OPS_BY_KIND
from keuzehulp.rules.derived import DERIVED

from keuzehulp import advise

README = (Path(__file__).resolve().parent.parent / "rules" / "README.md").read_text(encoding="utf-8")


def _grid() -> list[Profile]:
    values = itertools.product(
        [9, 60, 400], ["most", "few"], ["many", "few"], ["low", "high"], [[], ["vocational_college",
                                                                            "social_work_company"]],
        ["weak", "strong"],
    )
    grid = [
        Profile(annual_intake=i, recent_arrivals=r, health_barriers=h, care_duties=h, own_capacity=c,
                partners=p, employer_network=n, level_mix="similar", experience_experts=h == "few",
                language_providers=5 if i == 400 else 1)
        for i, r, h, c, p, n in values
    ]
    # A team that accepts a long wait for its group (the wait itself makes motivation essential).
    return [*grid, Profile(annual_intake=30, max_wait_months=20)]


def test_readme_documents_every_derived_quantity_and_operator() -> None:
    for name in DERIVED:
        assert f"`{name}`" in README, name
    for op in {op for ops in OPS_BY_KIND.values() for op in ops}:
        assert f"`{op}`" in README, op


def test_element_priorities_respond_to_the_municipality() -> None:
    """Each element's priority changes with the profile - except duaal vanaf de start, always essential."""
    seen: dict[str, set[str]] = {e: set() for e in ELEMENT_IDS}
    examples: set[str] = set()
    for profile in _grid():
        advice = advise(profile)
        for element in advice.elements:
            seen[element.id].add(element.priority)
            examples.update(element.examples)
        for decision in advice.decisions.values():
            examples.update(decision.examples)
    assert seen.pop("dual-from-start") == {"essential"}
    for element, priorities in seen.items():
        assert len(priorities) >= 2, (element, priorities)
    assert examples == set(EXAMPLE_IDS)
