"""The engine itself: rule ids and sources in the advice, ordering, strength, rules version."""

from __future__ import annotations

import shutil
from pathlib import Path

from keuzehulp.contract.schema import ELEMENT_IDS, EXAMPLE_IDS, Profile
from keuzehulp.rules.ruleset import RULES_DIR, load_rules

from keuzehulp import advise
from keuzehulp.rules import ruleset as rules_module


def test_advice_names_the_rules_that_fired_and_their_sources() -> None:
    advice = advise(Profile(annual_intake=9))
    training = advice.decisions["training_format"]
    assert "training_format/low-intake-like-lochem-brummen" in training.rules
    assert all(r.startswith("training_format/") for r in training.rules)
    assert training.sources[0] == "q2"
    flexible = next(e for e in advice.elements if e.id == "flexible-intensity")
    assert flexible.rules[0] == "q3/flexible-intensity"  # the element's own entry always counts
    assert set(flexible.examples) <= set(EXAMPLE_IDS)


def test_group_formation_estimate_is_part_of_the_advice() -> None:
    advice = advise(Profile(annual_intake=9, level_mix="mixed", sector_mix="similar"))
    assert advice.group_formation is not None
    assert round(advice.group_formation.months_to_fill) == 32
    assert advice.group_formation.text in advice.decisions["training_format"].reasons_for[0].text


def test_essential_elements_come_first_then_contract_order() -> None:
    advice = advise(Profile(health_barriers="many", care_duties="many"))
    priorities = [e.priority for e in advice.elements]
    assert priorities == sorted(priorities, key=["essential", "recommended", "consider"].index)
    essentials = [e.id for e in advice.elements if e.priority == "essential"]
    assert essentials == [e for e in ELEMENT_IDS if e in essentials]
    assert {"flexible-intensity", "specialised-coach", "breakthrough-budget"} <= set(essentials)


def test_strength_follows_the_margin() -> None:
    clear = advise(Profile(annual_intake=500, level_mix="similar", sector_mix="similar"))
    assert clear.decisions["training_format"].strength == "strong"
    close = advise(Profile(annual_intake=10, regional_cooperation="existing", regional_intake=10))
    assert close.decisions["training_format"].strength == "weak"


def test_both_sides_are_shown_even_for_a_clear_choice() -> None:
    advice = advise(Profile(annual_intake=500, level_mix="similar", sector_mix="similar"))
    training = advice.decisions["training_format"]
    assert training.choice == "group" and training.reasons_against


def test_rules_version_is_a_hash_of_the_rule_files(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    same = load_rules(copy).version
    assert same == rules_module.rules().version == advise(Profile()).rules_version
    path = copy / "matching.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_rules(copy).version != same


def test_user_text_in_the_profile_is_not_used_as_a_template() -> None:
    advice = advise(Profile(municipality="{group_estimate} <b>x</b>"))
    assert advice.profile.municipality == "{group_estimate} <b>x</b>"
    texts = [t.text for d in advice.decisions.values() for t in d.reasons_for + d.reasons_against]
    assert not any("<b>" in t for t in texts)
