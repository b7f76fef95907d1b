"""Cost model and lead time (issue 12): hand-calculated cases (tests/cases/costs/*.yaml),
properties, the amounts' declarations and the saved session.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from keuzehulp.contract.costdata import COSTS_PATH, cost_data, load_cost_data
from keuzehulp.contract.schema import ROUTE_IDS, CostSettings, Profile, Session
from keuzehulp.contract.yamlio import ContentError, load_yaml_file
from keuzehulp.costs.estimate import merged_amounts
from keuzehulp.costs.leadtime import timeline
from keuzehulp.costs.model import compute, training_per_person
from keuzehulp.knowledge.assumptions import base_register
from keuzehulp.rules.register import knowledge_base
from pydantic import BaseModel, ConfigDict, ValidationError

CASES_DIR = Path(__file__).parent / "cases" / "costs"
ABS = 0.01


class CostCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    profile: Profile
    training_format: str
    shares: dict[str, float] | None = None
    amounts: dict[str, float] = {}
    by_hours: list[str] = []
    per_route: dict[str, dict[str, float]] = {}
    components_absent: dict[str, list[str]] = {}
    per_year_absent: bool = False
    volumes: dict[str, float] = {}
    per_year: dict[str, float] = {}
    money_in: dict[str, float] = {}
    total_year: float | None = None
    gap_year: float | None = None
    per_trajectory: float | None = None
    drivers: list[str] = []


class LeadCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    profile: Profile
    training_format: str
    amounts: dict[str, float] = {}
    milestones: dict[str, float] = {}
    group_wait: float | None = -1.0  # -1: not checked
    warnings_contain: list[str] = []
    no_warnings: bool = False


def _cases(file: str, model: type[BaseModel]) -> list[Any]:
    data, problems = load_yaml_file(CASES_DIR / file)
    assert not problems, problems
    return [pytest.param(c, id=c.name) for c in (model.model_validate(raw) for raw in data)]


def _amounts(overrides: dict[str, float]) -> dict[str, float]:
    return merged_amounts(CostSettings(amounts=overrides))


@pytest.mark.parametrize("case", _cases("costs.yaml", CostCase))
def test_cost_case(case: CostCase) -> None:
    result = compute(case.profile, _amounts(case.amounts), case.shares, case.training_format, set(case.by_hours))
    for route, expected in case.per_route.items():
        rc = result.per_route[route]
        got = {**rc.components, "total": rc.total, "contribution": rc.contribution, "gap": rc.gap}
        for key, value in expected.items():
            assert got[key] == pytest.approx(value, abs=ABS), (route, key)
    for route, absent in case.components_absent.items():
        assert not set(absent) & set(result.per_route[route].components)
    if case.per_year_absent:
        assert result.per_year is None and result.gap_year is None and not result.complete
    for attr in ("volumes", "per_year", "money_in"):
        for key, value in getattr(case, attr).items():
            assert getattr(result, attr)[key] == pytest.approx(value, abs=ABS), (attr, key)
    for attr in ("total_year", "gap_year", "per_trajectory"):
        if getattr(case, attr) is not None:
            assert getattr(result, attr) == pytest.approx(getattr(case, attr), abs=ABS), attr
    if case.drivers:
        assert [d.field for d in result.drivers] == case.drivers


@pytest.mark.parametrize("case", _cases("leadtime.yaml", LeadCase))
def test_leadtime_case(case: LeadCase) -> None:
    t = timeline(case.profile, _amounts(case.amounts), case.training_format)
    for key, month in case.milestones.items():
        assert t.milestone(key) == pytest.approx(month, abs=ABS), key
    if case.group_wait != -1.0:
        assert (t.group_wait is None) if case.group_wait is None else t.group_wait == pytest.approx(case.group_wait)
    text = " ".join(t.warnings)
    for part in case.warnings_contain:
        assert part in text, (part, t.warnings)
    if case.no_warnings:
        assert t.warnings == []


# --- properties -------------------------------------------------------------------------

amount_values = st.fixed_dictionaries({
    name: st.floats(spec.min, min(spec.max, 50000), allow_nan=False)
    for name, spec in cost_data().amounts.items()
})
shares = st.tuples(st.integers(0, 100), st.integers(0, 100)).filter(lambda t: t[0] + t[1] <= 100).map(
    lambda t: {"b1": t[0], "onderwijs": t[1], "z": 100 - t[0] - t[1]})
formats = st.sampled_from(["group", "shared_purchase", "individual"])


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 39), st.floats(1, 1_000_000, allow_nan=False))
def test_cost_per_person_of_a_group_falls_as_the_group_fills(size: int, group_cost: float) -> None:
    a = {"training_group_cost": group_cost}
    assert training_per_person(a, "group", size + 1) < training_per_person(a, "group", size)


@settings(max_examples=150, deadline=None)
@given(amount_values, shares, formats, st.integers(0, 5000), st.integers(1, 500))
def test_total_cost_grows_with_intake(a: dict, s: dict, fmt: str, intake: int, more: int) -> None:
    low = compute(Profile(annual_intake=intake), a, s, fmt)
    high = compute(Profile(annual_intake=intake + more), a, s, fmt)
    assert high.total_year >= low.total_year
    assert high.total_year - low.total_year == pytest.approx(
        sum(high.per_year.values()) - sum(low.per_year.values()))


@settings(max_examples=150, deadline=None)
@given(amount_values, formats, st.integers(0, 10000), st.sampled_from(["mixed", "similar"]),
       st.integers(2, 40), st.sampled_from(["none", "existing"]), st.integers(0, 2000))
def test_timeline_never_ends_before_it_starts(a: dict, fmt: str, intake: int, mix: str, size: int,
                                              coop: str, regional: int) -> None:
    a = {**a, **{k: max(v, 1) for k, v in a.items() if k.startswith("hours_per_week")}}
    profile = Profile(annual_intake=intake, level_mix=mix, min_group_size=size,
                      regional_cooperation=coop, regional_intake=regional)
    t = timeline(profile, a, fmt)
    for phase in t.phases:
        assert phase.end >= phase.start >= 0, phase
    months = [m.month for m in t.milestones]
    assert months[0] == 0 and all(not math.isnan(m) for m in months)
    assert t.milestone("term_end") > t.milestone("pip") >= t.milestone("intake")
    assert t.milestone("participation") >= t.milestone("first_lesson") >= t.milestone("pip")


# --- declarations, provenance and the saved session -------------------------------------

def test_every_default_names_a_knowledge_page_or_an_assumption() -> None:
    data = load_cost_data(knowledge_ids=set(knowledge_base().items))
    for name, spec in data.amounts.items():
        if spec.basis == "bron":
            assert knowledge_base().get(spec.source) is not None, name
        elif spec.basis == "aanname":
            assert spec.assumption in base_register().items, name
        else:
            assert spec.default == 0, name  # the team fills it in: nothing pretended


def test_an_unknown_source_or_assumption_is_reported_with_file_and_line(tmp_path: Path) -> None:
    text = COSTS_PATH.read_text(encoding="utf-8")
    text = text.replace("assumption: kosten-training\n", "assumption: kosten-bestaat-niet\n", 1)
    text = text.replace("source: knowledge/routes/z-route.md", "source: knowledge/facts/nergens.md", 1)
    broken = tmp_path / "costs.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_cost_data(broken, knowledge_ids=set(knowledge_base().items), assumption_ids=set(base_register().items))
    messages = [str(p) for p in exc.value.problems]
    line = text.splitlines().index("  training_group_cost:") + 1
    assert any(f":{line}: training_group_cost.assumption: no assumption 'kosten-bestaat-niet' in knowledge/assumptions.yaml" in m
               for m in messages), messages
    assert any("no knowledge page 'knowledge/facts/nergens.md'" in m for m in messages), messages


def test_a_session_saved_before_the_cost_model_still_loads_with_the_defaults() -> None:
    old = Session.model_validate_json('{"schema_version": 1, "kind": "keuzehulp-sessie", "profile": {}}')
    assert old.costs == CostSettings()
    assert merged_amounts(old.costs) == cost_data().defaults


def test_changed_amounts_and_shares_survive_saving_and_loading() -> None:
    session = Session(costs=CostSettings(amounts={"guidance_rate": 95}, route_shares={"b1": 50, "onderwijs": 20, "z": 30},
                                         language_by_hours=["z"], training_format="individual"))
    again = Session.model_validate_json(session.model_dump_json())
    assert again.costs == session.costs


@pytest.mark.parametrize(("costs", "message"), [
    ({"amounts": {"guidance_rate": -5}}, "Begeleiding: tarief per uur: -5 kan niet"),
    ({"amounts": {"language_price_b1": 10_000_000}}, "kies een getal van € 0 tot en met € 100.000"),
    ({"amounts": {"prijs": 5}}, "onbekend bedrag 'prijs'"),
    ({"route_shares": {"b1": 60, "onderwijs": 10, "z": 10}}, "telt op tot 80 procent"),
])
def test_bad_amounts_in_a_file_get_a_dutch_message(costs: dict, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        Session.model_validate({"costs": costs})
    assert message in str(exc.value)


def test_every_route_is_costed_even_without_shares() -> None:
    result = compute(Profile(), cost_data().defaults, None, "group")
    assert set(result.per_route) == set(ROUTE_IDS)
    assert all(rc.total > 0 for rc in result.per_route.values())
