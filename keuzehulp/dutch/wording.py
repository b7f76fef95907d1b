"""Numbers in running Dutch text, as Dutch style guides advise (Taalunie, Schrijfwijzer).

Whole numbers up to twenty are written in words ("drie taalniveaus", "een groep van acht");
larger numbers and measured quantities with a decimal stay in digits, with a decimal comma
("3,2 maanden"). A rounded number never contradicts the comparison it stands in: 3.03 months
against an accepted wait of 3 becomes "iets meer dan 3 maanden", not "ongeveer 3 maanden".
"""

from __future__ import annotations

WORDS = (
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig",
)


def number(n: int) -> str:
    """9 -> 'negen', 96 -> '96' (words up to twenty)."""
    return WORDS[n] if 0 <= n < len(WORDS) else str(n)


def decimal(value: float) -> str:
    """3.24 -> '3,2'; 3.0 -> '3' (one decimal, Dutch comma)."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}".replace(".", ",")


def _shown(value: float) -> str:
    return decimal(value) if value < 12 else str(round(value))


def rounds_onto(value: float, limit: int | None) -> bool:
    """Whether rounding would make a value above `limit` look equal to it (3.03 beside 3)."""
    return limit is not None and value > limit and float(_shown(value).replace(",", ".")) <= limit


def months(value: float, limit: int | None = None) -> str:
    """A number of months that agrees with a comparison against `limit` (the accepted wait).

    Below 12 months with one decimal; from 12 on whole months. If rounding would make a value
    above the limit look equal to it, say "iets meer dan <limit>"."""
    shown = _shown(value)
    if rounds_onto(value, limit):
        return f"iets meer dan {limit} {'maand' if limit == 1 else 'maanden'}"
    unit = "maand" if shown == "1" else "maanden"
    return f"{shown} {unit}"


def cut(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with '…' where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
