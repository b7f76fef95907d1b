"""Bad uploads and profiles get Dutch messages that name the field; nothing crashes."""

from __future__ import annotations

import json

import pytest

from keuzehulp.contract.inputs import InputError, parse_profile, parse_session
from keuzehulp.contract.schema import Profile, Session


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "leeg"),
        ("niet json", "geen geldige JSON"),
        ("[1, 2]", "lijst"),
        ('{"annual_intake": -1}', "te klein"),
        ('{"annual_intake": 10001}', "te groot"),
        ('{"level_mix": "soms"}', "kies uit 'similar' of 'mixed'"),
        ('{"onbekend": 1}', "kennen we niet"),
        ('{"annual_intake": "veel"}', "heel getal"),
        ('{"municipality": "' + "x" * 101 + '"}', "te lang"),
        ('{"kind": "keuzehulp-sessie", "team": {"decisions": {"delivery": {"choice": "x"}}}}', "kies uit"),
    ],
)
def test_bad_upload_names_the_problem_in_dutch(raw: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        parse_session(raw)
    assert any(fragment in m for m in info.value.messages), info.value.messages


def test_oversized_upload_is_refused_before_parsing() -> None:
    with pytest.raises(InputError, match="te groot"):
        parse_session(b"{" + b" " * (600 * 1024) + b"}")


def test_every_wrong_field_is_named_once() -> None:
    with pytest.raises(InputError) as info:
        parse_profile({"annual_intake": -5, "max_wait_months": 99, "foo": True})
    text = "\n".join(info.value.messages)
    assert "annual_intake" in text and "max_wait_months" in text and "foo" in text
    assert len(info.value.messages) == 3


def test_saved_session_round_trips() -> None:
    session = Session(profile=Profile(municipality="Lochem", annual_intake=9))
    assert parse_session(session.model_dump_json()) == session


def test_exported_advice_resumes_its_profile() -> None:
    exported = {"schema_version": 1, "profile": {"annual_intake": 12}, "decisions": {}, "elements": []}
    assert parse_session(json.dumps(exported)).profile.annual_intake == 12


def test_bare_profile_is_accepted() -> None:
    assert parse_session('{"municipality": "Tilburg"}').profile.municipality == "Tilburg"


def test_input_errors_come_back_as_field_and_message_pairs() -> None:
    """A widget shows the message beside its own label: no field name to cut out of the text."""
    from pydantic import ValidationError

    from keuzehulp.contract.inputs import change_field, field_problems









    try:
        Profile.model_validate({"annual_intake": 20000, "level_mix": "half"})
    except ValidationError as exc:
        pairs = dict(field_problems(exc))
    assert set(pairs) == {"annual_intake", "level_mix"}
    assert pairs["annual_intake"] == "de waarde 20000 is te groot; het maximum is 10000."
    assert "annual_intake" not in pairs["level_mix"] and "'half'" in pairs["level_mix"]
    kept, message = change_field(Profile(annual_intake=12), "annual_intake", -1)
    assert kept is None and message == "De waarde -1 is te klein; het minimum is 0."
    changed, none = change_field(Profile(), "municipality", "  Lochem ")
    assert changed is not None and changed.municipality == "Lochem" and none is None
