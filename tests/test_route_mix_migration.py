"""Issue 23: the route mix moved from the cost settings into the answers (schema_version 3).
Sessions saved before keep loading, with the route mix where the questions now ask it."""

from __future__ import annotations

import json

import pytest

from keuzehulp.contract.inputs import InputError, read_session
from keuzehulp.contract.schema import MIGRATION_NOTE_ROUTES, RouteShares, Session
from keuzehulp.costs.estimate import estimate

OLD_SESSION = {
    "schema_version": 2,
    "kind": "keuzehulp-sessie",
    "profile": {"schema_version": 2, "municipality": "Lochem", "annual_intake": 40},
    "scenarios": [
        {"name": "Regio", "profile": {"schema_version": 2, "annual_intake": 40, "regional_cooperation": "existing"}},
        {"name": "Eigen", "profile": {"schema_version": 1, "annual_intake": 12}},
    ],
    "active_scenario": "Regio",
    "costs": {"amounts": {"guidance_rate": 95}, "route_shares": {"b1": 60, "onderwijs": 10, "z": 30}},
    "loose_profile": {"annual_intake": 25},
}


def test_an_old_session_opens_with_its_route_mix_as_an_answer_and_a_dutch_note() -> None:
    session, notes = read_session(json.dumps(OLD_SESSION))
    shares = RouteShares(b1=60, onderwijs=10, z=30)
    assert session.profile.route_shares == shares
    assert [s.profile.route_shares for s in session.scenarios] == [shares, shares]
    assert session.loose_profile is not None and session.loose_profile.route_shares == shares
    assert session.costs.route_shares is None  # no second home for the same answer
    assert session.costs.amounts == {"guidance_rate": 95}  # the team's amounts are kept
    assert notes == [MIGRATION_NOTE_ROUTES] and "vraag 2" in notes[0]
    # Saved again, it is a file of the current version, with the route mix once, in the answers.
    saved = json.loads(session.model_dump_json())
    assert saved["schema_version"] == 3 and saved["profile"]["schema_version"] == 3
    assert "route_shares" not in {k for k, v in saved["costs"].items() if v is not None}
    again, notes_again = read_session(json.dumps(saved))
    assert again == session and notes_again == []


def test_the_costs_of_a_migrated_session_are_those_it_had() -> None:
    """The cost model reads the route mix from the answers: the yearly figures of the old file
    are the same after migration as when its cost settings held the split."""
    session, _ = read_session(json.dumps(OLD_SESSION))
    result = estimate(session.profile, session.costs, "individual").costs
    assert result.complete
    assert result.volumes == pytest.approx({"b1": 24.0, "onderwijs": 4.0, "z": 12.0})


def test_an_answer_already_given_wins_over_the_old_cost_setting() -> None:
    data = json.loads(json.dumps(OLD_SESSION))
    data["profile"]["route_shares"] = {"b1": 20, "onderwijs": 70, "z": 10}
    session = Session.model_validate(data)
    assert session.profile.route_shares == RouteShares(b1=20, onderwijs=70, z=10)
    assert session.scenarios[0].profile.route_shares == RouteShares(b1=60, onderwijs=10, z=30)


def test_a_session_without_a_route_mix_needs_no_note() -> None:
    data = {k: v for k, v in OLD_SESSION.items() if k != "costs"}
    session, notes = read_session(json.dumps(data))
    assert session.profile.route_shares is None and notes == []


def test_a_broken_old_route_mix_is_a_dutch_message_not_a_crash() -> None:
    data = json.loads(json.dumps(OLD_SESSION))
    data["costs"]["route_shares"] = {"b1": 60, "onderwijs": 10, "z": 10}
    with pytest.raises(InputError) as info:
        read_session(json.dumps(data))
    assert any("telt op tot 80 procent" in m for m in info.value.messages)
