"""Dutch dates, both ways: written the way a Dutch reader writes them (`dutch_date`:
"15 januari 2027"; `short_date`: "15-01-2027") and typed the Dutch way read back (`parse_date`).

The app asks a date in a text box rather than Streamlit's date picker: the picker's calendar
speaks English and starts its weeks on Sunday, and Streamlit has no way to change that. The rule
is the one for numbers (dutchnum.py): read a date only when a Dutch reader would agree on it,
day first; otherwise say in Dutch what is unclear, and the caller keeps the previous date.

- `15-01-2027`, `15-1-2027`, `15/1/2027`, `15.01.2027`, `15 1 2027`, `15-01-27`  -> 15 January 2027
- `15 januari 2027`, `15 jan 2027`, `15 jan. 2027`, `15-jan-2027`  -> the same
- `2027-01-15` (a date pasted from a computer, year first)  -> the same
- `31-02-2027`, `15-13-2027`  -> that day does not exist
- `01/15/2027` -> month 15 does not exist (never read the American way)
"""

from __future__ import annotations

import re
from datetime import date

from keuzehulp.contract.inputs import shorten

# Own month names: the output must not depend on the machine's locale.
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
MAX_CHARS = 30  # a date never needs more; longer input is refused, never guessed at
FIRST_YEAR, LAST_YEAR = 2020, 2040  # what a workshop plans for; outside it is a typing error
EXAMPLE = "15-01-2027"

_NUMERIC = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NAMED = re.compile(r"(\d{1,2})[- ]([a-z]+)\.?[- ](\d{2}|\d{4})")


class NotADate(ValueError):
    """`str(exc)` is a Dutch sentence saying what is unclear about the text."""


def dutch_date(day: date) -> str:
    """27 november 2026."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """15-01-2027: how the app shows a date in a text box, and reads it back."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def _quoted(text: str) -> str:
    return f"'{shorten(text, MAX_CHARS)}'"


def _month(name: str) -> int | None:
    """januari, jan, sept, mrt -> 1, 1, 9, 3; None for anything else."""
    if name == "mrt":
        return 3
    if len(name) < 3:
        return None
    for number, full in enumerate(MONTHS_NL, start=1):
        if full.startswith(name):
            return number
    return None


def parse_date(text: str) -> date | None:
    """The date `text` means to a Dutch reader (day first); None for an empty box; NotADate in
    Dutch for anything else."""
    raw = " ".join(str(text).split()).lower()
    if not raw:
        return None
    if len(raw) > MAX_CHARS:
        raise NotADate(f"{_quoted(raw)} is te lang voor een datum. Schrijf bijvoorbeeld {EXAMPLE}.")
    if match := _ISO.fullmatch(raw):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.fullmatch(raw):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _NAMED.fullmatch(raw)) and _month(match.group(2)) is not None:
        day, month, year = int(match.group(1)), _month(match.group(2)) or 0, int(match.group(3))
    else:
        raise NotADate(f"{_quoted(raw)} is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld {EXAMPLE}.")
    if year < 100:
        year += 2000
    if not 1 <= month <= 12:
        raise NotADate(f"{_quoted(raw)}: een jaar heeft 12 maanden. Schrijf eerst de dag, dan de maand, "
                       f"bijvoorbeeld {EXAMPLE}.")
    try:
        day_ = date(year, month, day)
    except ValueError:
        raise NotADate(f"{_quoted(raw)} bestaat niet: {MONTHS_NL[month - 1]} {year} heeft geen dag {day}.") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NotADate(f"Kies een datum van {FIRST_YEAR} tot en met {LAST_YEAR}.")
    return day_
