"""Hostile links (tests/hostile/urls.yaml) through the URL codec: the obvious reading or a
short Dutch warning for the parameter alone; the rest of the link is still used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keuzehulp.contract.schema import Profile
from keuzehulp.contract.yamlio import load_yaml_file
from pydantic import BaseModel, ConfigDict
from ui.session.urlstate import decode

CASES_FILE = Path(__file__).parent / "hostile" / "urls.yaml"
MAX_WARNING_CHARS = 400  # per parameter


class UrlCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    query: dict[str, str]
    repeat: dict[str, tuple[str, int]] = {}
    profile: dict[str, Any]
    warns: list[str] = []

    def params(self) -> dict[str, str]:
        out = {}
        for key, value in self.query.items():
            for marker, (text, times) in self.repeat.items():
                piece = "".join(text.replace("{i}", str(i)) for i in range(times)) if "{i}" in text else text * times
                value = value.replace(marker, piece)
            out[key] = value
        return out


def _cases() -> list[Any]:
    data, problems = load_yaml_file(CASES_FILE)
    assert not problems, problems
    return [pytest.param(UrlCase.model_validate(raw), id=raw["name"]) for raw in data]


@pytest.mark.parametrize("case", _cases())
def test_a_hostile_link_gives_the_obvious_answers_or_a_short_dutch_warning(case: UrlCase) -> None:
    profile, warnings = decode(case.params(), Profile())
    for name, value in case.profile.items():
        assert getattr(profile, name) == value, name
    if not case.warns:
        assert warnings == []
        return
    assert len(warnings) == 1, warnings
    text = warnings[0].replace("\\", "")
    assert len(warnings[0]) <= MAX_WARNING_CHARS, len(warnings[0])
    for fragment in case.warns:
        assert fragment in text, (fragment, text)
