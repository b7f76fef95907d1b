"""The group model is one labelled input to the training-format decision, never the whole of it
(issue 23): the handreiking's criteria for a group outweigh the model's estimate when all of them
point to a group, and no reason under the handreiking's label carries a figure of the model."""

from __future__ import annotations

import itertools

from keuzehulp import advise
from keuzehulp.contract.schema import Profile
from keuzehulp.rules import groups
from keuzehulp.rules.ruleset import rules

MODEL = {"group-model"}


def _rules():
    return rules().decisions["training_format"].rules


def test_the_model_weighs_less_than_the_handreiking_criteria_for_a_group() -> None:
    model = [r for r in _rules() if r.prov.assumption in MODEL]
    criteria = [r for r in _rules() if r.prov.basis == "handreiking" and r.option == "group" and r.weight > 0]
    assert model and criteria
    model_for = sum(r.weight for r in model if r.option == "group" and r.weight > 0)
    model_against = -sum(r.weight for r in model if r.option == "group" and r.weight < 0)
    handreiking_for = sum(r.weight for r in criteria)
    assert model_for < handreiking_for and model_against < handreiking_for, (model_for, model_against,
                                                                             handreiking_for)


def test_when_every_handreiking_criterion_points_to_a_group_the_estimate_alone_does_not_overturn_it() -> None:
    """Same language level, alike vocational wishes, some intake, no neighbour or partner to buy
    schooling from: a group, even when the estimate says it fills later than the wait (below the
    Lochem-and-Brummen 'low intake' of twice the wait)."""
    seen = 0
    for intake, size, wait in itertools.product(range(1, 200, 3), (6, 8, 10, 12), (2, 3, 4, 6)):
        profile = Profile(annual_intake=intake, level_mix="similar", sector_mix="similar", min_group_size=size,
                          max_wait_months=wait)
        months = groups.months_to_fill(intake, profile)
        assert months is not None
        if not 1 < months / wait < 2:
            continue
        seen += 1
        d = advise(profile, with_flips=False).decisions["training_format"]
        assert d.choice == "group", (profile, [r.rule for r in d.reasons_for])
        assert "training_format/group-too-slow" in [r.rule for r in d.reasons_against]
    assert seen > 20


def test_the_advice_says_how_it_depends_on_the_group_size_and_the_wait() -> None:
    advice = advise(Profile(annual_intake=60))
    line = advice.group_formation.dependence
    assert "Bij een groep van zes in plaats van acht" in line
    assert "Bij een wachttijd van hoogstens 6 maanden in plaats van 3 maanden" in line
    # the outcome named is what the rules give for that answer
    at_wait = advise(Profile(annual_intake=60, max_wait_months=6), with_flips=False)
    label = {"group": "Groepsgewijze", "individual": "Individuele", "shared_purchase": "Scholing"}
    assert f"het advies ‘{label[at_wait.decisions['training_format'].choice]}" in line.split("Bij een wachttijd")[1]
