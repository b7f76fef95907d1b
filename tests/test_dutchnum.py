"""Dutch number notation: whole numbers typed the Dutch way (tests/hostile/numbers.yaml: 1.000 is
duizend), and numbers written the way a Dutch reader reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.dutch.numbers import (
    NotAWholeNumber,
    decimal_comma,
    dutch_number,
    euro,
    format_whole_number,
    parse_whole_number,
)

CASES_FILE = Path(__file__).parent / "hostile" / "numbers.yaml"


def _cases() -> list[Any]:
    data, problems = load_yaml_file(CASES_FILE)
    assert not problems, problems
    for case in data:
        assert set(case) <= {"typed", "value", "refused", "why"} and ("value" in case) != ("refused" in case), case
    return [pytest.param(case, id=repr(case["typed"])) for case in data]


@pytest.mark.parametrize("case", _cases())
def test_a_typed_number_means_what_a_dutch_reader_reads(case: dict[str, Any]) -> None:
    if "value" in case:
        assert parse_whole_number(case["typed"]) == case["value"]
        return
    with pytest.raises(NotAWholeNumber) as info:
        parse_whole_number(case["typed"])
    message = str(info.value)
    assert case["refused"] in message and len(message) < 200, message


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 1500, 10000, 100000])
def test_a_number_shown_the_dutch_way_reads_back_as_itself(value: int) -> None:
    assert parse_whole_number(format_whole_number(value)) == value


@pytest.mark.parametrize("value, shown", [
    (12345.5, "12.345,5"), (1000, "1.000"), (3.25, "3,25"), (2.0, "2"), (0.5, "0,5"), (-1500, "-1.500"),
])
def test_an_amount_is_written_with_thousands_points_and_a_decimal_comma(value: float, shown: str) -> None:
    assert dutch_number(value) == shown


@pytest.mark.parametrize("value, shown", [(3.0, "3"), (1.25, "1,25"), (0.8, "0,8"), (1500, "1500")])
def test_a_number_from_a_content_file_keeps_its_digits_with_a_decimal_comma(value: float, shown: str) -> None:
    assert decimal_comma(value) == shown


@pytest.mark.parametrize("value, shown", [(11600, "€ 11.600"), (1234.6, "€ 1.235"), (-250, "-€ 250"), (-0.4, "€ 0"),
                                          (None, "–")])
def test_money_is_written_in_whole_euros_with_the_sign_before_the_euro(value: float | None, shown: str) -> None:
    assert euro(value) == shown
