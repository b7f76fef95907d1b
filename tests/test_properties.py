"""Properties that hold for every valid profile (hypothesis, ~200 profiles per property)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keuzehulp.contract.schema import DECISION_OPTIONS, ELEMENT_IDS, PRIORITY_ORDER, Advice, Profile
from keuzehulp.rules.derived import Spec, profile_field_specs

from keuzehulp import advise


def _strategy(spec: Spec) -> st.SearchStrategy:
    """Any value the contract allows for one field."""
    if spec.kind == "enum":
        return st.sampled_from(spec.values)
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(int(spec.lo), int(spec.hi))
    return st.lists(st.sampled_from(spec.values), unique=True)  # list (partners)


# Small municipalities and regions often, the contract's whole range too.
SIZES = {
    "annual_intake": st.one_of(st.integers(0, 300), st.integers(0, 10000)),
    "regional_intake": st.one_of(st.integers(0, 1000), st.integers(0, 100000)),
}
profiles = st.builds(Profile, **{name: SIZES.get(name, _strategy(spec))
                                 for name, spec in profile_field_specs().items()})
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles)
def test_every_profile_gets_all_decisions_and_elements_with_reasons_and_sources(profile: Profile) -> None:
    advice = advise(profile)
    Advice.model_validate(advice.model_dump(mode="json"))  # the contract holds
    assert set(advice.decisions) == set(DECISION_OPTIONS)
    for decision, d in advice.decisions.items():
        assert d.choice in DECISION_OPTIONS[decision]
        assert d.reasons_for and d.reasons_against, decision
        assert d.sources and d.rules
        assert all("{" not in text for text in d.reasons_for + d.reasons_against)
    assert sorted(e.id for e in advice.elements) == sorted(ELEMENT_IDS)
    for element in advice.elements:
        assert element.reasons and element.actions and element.sources and element.rules
    order = [(PRIORITY_ORDER[e.priority], ELEMENT_IDS.index(e.id)) for e in advice.elements]
    assert order == sorted(order)
    assert advice.group_formation is not None and advice.group_formation.text


@SETTINGS
@given(profiles)
def test_every_flip_is_true_when_applied(profile: Profile) -> None:
    advice = advise(profile)
    for decision, d in advice.decisions.items():
        for flip in d.flips:
            assert flip.choice != d.choice
            changed = advise(profile.model_copy(update={flip.field: flip.value}), with_flips=False)
            assert changed.decisions[decision].choice == flip.choice, (decision, flip)
            assert flip.text.endswith(".") and "{" not in flip.text
