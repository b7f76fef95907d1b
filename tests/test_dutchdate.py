"""Dutch dates: a team action's date typed the Dutch way (tests/hostile/dates.yaml: day first),
and dates written the way a Dutch reader reads them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.dutch.dates import NotADate, dutch_date, parse_date, short_date

CASES_FILE = Path(__file__).parent / "hostile" / "dates.yaml"


def _cases() -> list[Any]:
    data, problems = load_yaml_file(CASES_FILE)
    assert not problems, problems
    for case in data:
        outcomes = [k for k in ("value", "empty", "refused") if k in case]
        assert set(case) <= {"typed", "value", "empty", "refused", "why"} and len(outcomes) == 1, case
    return [pytest.param(case, id=repr(case["typed"])) for case in data]


@pytest.mark.parametrize("case", _cases())
def test_a_typed_date_means_what_a_dutch_reader_reads(case: dict[str, Any]) -> None:
    if "value" in case:
        assert parse_date(case["typed"]) == date.fromisoformat(str(case["value"]))
    elif "empty" in case:
        assert parse_date(case["typed"]) is None
    else:
        with pytest.raises(NotADate) as info:
            parse_date(case["typed"])
        message = str(info.value)
        assert case["refused"] in message and len(message) < 160, message


@pytest.mark.parametrize("day", [date(2027, 1, 15), date(2026, 12, 1), date(2040, 12, 31), date(2028, 2, 29)])
def test_a_date_shown_in_the_box_reads_back_as_itself(day: date) -> None:
    assert parse_date(short_date(day)) == day
    assert parse_date(dutch_date(day)) == day
