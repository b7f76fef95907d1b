"""'Wat zou het advies veranderen?': flips are true, nearest, and read as Dutch sentences."""

from __future__ import annotations

import random

import pytest
from keuzehulp.contract.schema import PARTNERS, Profile
from keuzehulp.knowledge.assumptions import base_register
from keuzehulp.rules.derived import NUMERIC_FIELDS, context
from keuzehulp.rules.ruleset import rules

from keuzehulp import advise


def _choice(profile: Profile, decision: str, **update: object) -> str:
    return advise(profile.model_copy(update=update), with_flips=False).decisions[decision].choice


def _possible(profile: Profile, decision: str, choice: str, **update: object) -> bool:
    """A team could choose it: the option's flip_only_if (rules/<decision>.yaml) holds after the change."""
    guard = rules().decisions[decision].flip_guards.get(choice)
    return guard is None or guard(context(profile.model_copy(update=update)))


def _first_change(profile: Profile, decision: str, field: str, values: range, now_choice: str) -> object:
    """The nearest value that changes the choice, if the team could choose the new option."""
    for v in values:
        new = _choice(profile, decision, **{field: v})
        if new != now_choice:
            return v if _possible(profile, decision, new, **{field: v}) else None
    return None


def _random_profile(rng: random.Random) -> Profile:
    return Profile(
        annual_intake=rng.choice([0, 3, 9, 20, 30, 45, 60, 100, 150]),
        level_mix=rng.choice(["similar", "mixed"]),
        sector_mix=rng.choice(["similar", "diverse"]),
        recent_arrivals=rng.choice(["most", "some", "few"]),
        own_capacity=rng.choice(["low", "medium", "high"]),
        specialised_caseload=rng.random() < 0.5,
        regional_cooperation=rng.choice(["none", "possible", "existing"]),
        regional_intake=rng.choice([0, 10, 40, 120]),
        partners=rng.sample(PARTNERS, rng.randint(0, 3)),
        language_providers=rng.randint(1, 8),
        employer_network=rng.choice(["weak", "moderate", "strong"]),
        min_group_size=rng.randint(2, 16),
        max_wait_months=rng.randint(1, 24),
    )


@pytest.mark.parametrize("seed", range(12))
def test_numeric_flips_are_the_nearest_change_up_and_down(seed: int) -> None:
    """Compare with trying every value within reach: no nearer change may exist."""
    profile = _random_profile(random.Random(seed))
    advice = advise(profile)
    bounds = base_register().flip_bounds()  # e.g. a group of 6..15, a wait of 1..6 months
    for decision, d in advice.decisions.items():
        for field, (lo, hi) in NUMERIC_FIELDS.items():
            lo, hi = bounds.get(field, (lo, hi))[0] if field in bounds else lo, bounds[field][1] if field in bounds else hi
            now = getattr(profile, field)
            reach = 400  # annual/regional intake: look this far; the small fields in full
            up = range(max(now + 1, lo), min(hi, now + reach) + 1)
            down = range(min(now - 1, hi), max(lo, now - reach) - 1, -1)
            want_up = _first_change(profile, decision, field, up, d.choice)
            want_down = _first_change(profile, decision, field, down, d.choice)
            got_up = next((f.value for f in d.flips if f.field == field and f.value > now), None)
            got_down = next((f.value for f in d.flips if f.field == field and f.value < now), None)
            if want_up is not None or hi - now <= reach:
                assert got_up == want_up, (decision, field, now)
            if want_down is not None or now - lo <= reach:
                assert got_down == want_down, (decision, field, now)


def test_every_categorical_alternative_that_changes_the_choice_is_listed() -> None:
    rng = random.Random(7)
    for _ in range(15):
        profile = _random_profile(rng)
        advice = advise(profile)
        for decision, d in advice.decisions.items():
            listed = {(f.field, str(f.value)) for f in d.flips}
            for field in ("level_mix", "sector_mix", "recent_arrivals", "own_capacity", "regional_cooperation",
                          "employer_network", "health_barriers", "specialised_caseload"):
                options = Profile.model_fields[field].annotation
                values = [True, False] if options is bool else list(options.__args__)
                for value in values:
                    if value == getattr(profile, field):
                        continue
                    new = _choice(profile, decision, **{field: value})
                    changes = new != d.choice and _possible(profile, decision, new, **{field: value})
                    assert changes == ((field, str(value)) in listed), (decision, field, value)


def test_flip_sentences_name_the_threshold_and_the_new_option() -> None:
    flips = advise(Profile()).decisions["training_format"].flips
    texts = [f.text for f in flips]
    assert "Vanaf 96 inburgeraars per jaar wordt het advies ‘Groepsgewijze training en scholing’." in texts
    assert ("Als u al samenwerkt met buurgemeenten, wordt het advies ‘Scholing extern inkopen "
            "(eventueel samen met andere gemeenten)’.") in texts
    assert any(t.startswith("Als u ook kunt werken met een mbo-instelling (ROC),") for t in texts)


def test_removing_a_partner_is_a_flip_too() -> None:
    profile = Profile(annual_intake=10, partners=["vocational_college"])
    flips = advise(profile).decisions["training_format"].flips
    removal = [f for f in flips if f.field == "partners" and f.value == []]
    assert removal and removal[0].choice == "individual"
    assert removal[0].text.startswith("Als u niet kunt werken met een mbo-instelling (ROC),")


def test_municipality_and_schema_version_never_flip_anything() -> None:
    for decision in advise(Profile(municipality="Lochem")).decisions.values():
        assert all(f.field not in ("municipality", "schema_version") for f in decision.flips)


def test_regional_intake_does_not_flip_without_cooperation() -> None:
    """Only meaningful with another field changed (cooperation), so not listed."""
    advice = advise(Profile(annual_intake=10, regional_cooperation="none"))
    assert all(f.field != "regional_intake" for f in advice.decisions["training_format"].flips)


def test_flip_sentences_read_naturally_at_zero_and_one() -> None:
    """No '0 of minder', '1 maanden' or '1 inburgeraars' in what a team reads."""
    import itertools

    from keuzehulp import Profile, advise

    awkward = ("0 of minder", " 1 maanden", " 1 inburgeraars", "(en)", "(s)")
    for intake, regional, wait, providers in itertools.product(
        (0, 1, 2, 9, 30, 200), (0, 1, 30, 300), (1, 2, 3, 12), (1, 2, 5)
    ):
        profile = Profile(annual_intake=intake, regional_intake=regional, max_wait_months=wait,
                          language_providers=providers, regional_cooperation="existing")
        advice = advise(profile)
        texts = [f.text for d in advice.decisions.values() for f in d.flips]
        texts += [r.text for d in advice.decisions.values() for r in d.reasons_for + d.reasons_against]
        for text in texts:
            assert not any(a in text for a in awkward), text
