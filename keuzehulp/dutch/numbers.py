"""Dutch number notation, both ways: numbers written the way a Dutch reader writes them
(`dutch_number`, `format_whole_number`, `euro`, `decimal_comma`), and whole numbers typed the Dutch
way read back (`parse_whole_number`): `1.000` is duizend, never one.

A browser's number box parses what is typed itself (in any locale `1.000` became 1, `3.7`
became 3, `1e3` became 1, without a word: streamlit#5686), so the app asks numbers in a text
box and reads them here. The rule: read a number only when a Dutch reader would agree on it;
otherwise say in Dutch what is unclear, and the caller keeps the previous answer.

- `1000`, `1.000`, `1 000`, `10.000`, `1.000,00`, `+12`, `-3`  -> the number (range checked
  by the caller, with the contract's message)
- `3,5`, `3.7`, `1.5`, `1.0000`  -> not a whole number / the point is not between thousands
- `1,000` -> ambiguous (Dutch: one; English: a thousand)
- `1e3`, `0x10`, `1_000`, `12 mensen`, `` -> not a number as written here
Digits of other scripts (Arabic-Indic, full-width) read as the digits they are.
"""

from __future__ import annotations

import re
import unicodedata

DASH = "–"  # a number that is not there (no amount, no route shares)
MAX_CHARS = 20  # a number box never needs more; longer input is refused, never converted

_SPACES = dict.fromkeys(map(ord, " \u00a0\u202f\u2009\u2007"), " ")
_GROUPED_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_GROUPED_SPACES = re.compile(r"\d{1,3}(?: \d{3})+")
_PLAIN = re.compile(r"\d+")


class NotAWholeNumber(ValueError):
    """`str(exc)` is a Dutch sentence saying what is unclear about the text."""


def _ascii_digits(text: str) -> str:
    out = []
    for ch in text:
        value = unicodedata.decimal(ch, None) if not ch.isascii() else None
        out.append(str(value) if value is not None else ch)
    return "".join(out)


def _quoted(text: str) -> str:
    return f"'{text}'" if len(text) <= MAX_CHARS else f"'{text[:MAX_CHARS - 1]}…'"


def parse_whole_number(text: str) -> int:
    """The whole number `text` means to a Dutch reader, or NotAWholeNumber in Dutch."""
    raw = " ".join(str(text).translate(_SPACES).split())
    if not raw:
        raise NotAWholeNumber("Vul een getal in.")
    if len(raw) > MAX_CHARS:
        raise NotAWholeNumber(f"{_quoted(raw)} is te lang voor een getal.")
    body = _ascii_digits(raw)
    sign = 1
    if body[0] in "+-\u2212":
        sign = -1 if body[0] != "+" else 1
        body = body[1:].lstrip()
    whole, comma, fraction = body.partition(",")
    if comma:
        if not re.fullmatch(r"\d+", fraction or "x"):
            raise NotAWholeNumber(f"{_quoted(raw)} is geen getal. Vul een heel getal in, bijvoorbeeld 1.000.")
        if len(fraction) == 3 and _PLAIN.fullmatch(whole) and "." not in whole:
            raise NotAWholeNumber(
                f"{_quoted(raw)} kan één of duizend betekenen. Schrijf duizend als 1000 of 1.000.")
        if set(fraction) != {"0"}:
            raise NotAWholeNumber(f"{_quoted(raw)} is geen heel getal. Vul een heel aantal in, zonder komma.")
    if _PLAIN.fullmatch(whole):
        digits = whole
    elif _GROUPED_DOTS.fullmatch(whole) or _GROUPED_SPACES.fullmatch(whole):
        digits = whole.replace(".", "").replace(" ", "")
    elif re.fullmatch(r"\d+\.\d+", whole):
        raise NotAWholeNumber(
            f"{_quoted(raw)} is geen heel getal. Een punt staat voor duizendtallen (1.000 is duizend); "
            "vul een heel aantal in.")
    elif re.fullmatch(r"[\d.,]*\d[eE][+-]?\d+", whole):
        raise NotAWholeNumber(f"{_quoted(raw)}: schrijf het getal voluit, bijvoorbeeld 1000.")
    else:
        raise NotAWholeNumber(
            f"{_quoted(raw)} is geen getal. Vul alleen cijfers in, bijvoorbeeld 1000 of 1.000.")
    return sign * int(digits)


def format_whole_number(value: int) -> str:
    """1000 -> '1.000' (the way the app shows and reads it back)."""
    return f"{value:,}".replace(",", ".")


def dutch_number(value: float) -> str:
    """12345.5 -> '12.345,5'; at most two decimals, trailing zeros dropped."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: float | None) -> str:
    """An amount of money in whole euros: '€ 11.600', '-€ 250'; DASH when there is none."""
    if value is None:
        return DASH
    sign = "-" if value < -0.5 else ""
    return f"{sign}€ {dutch_number(abs(round(value)))}"


def decimal_comma(value: float) -> str:
    """3.0 -> '3', 1.25 -> '1,25': as written in a content file, with a Dutch decimal comma."""
    return str(int(value)) if float(value).is_integer() else f"{value}".replace(".", ",")
