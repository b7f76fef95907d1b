"""Numbers the way a Dutch reader writes them (engine side; the app's widgets have their own)."""

from __future__ import annotations


def dutch_number(value: float) -> str:
    """12345.5 -> '12.345,5'; at most two decimals, trailing zeros dropped."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
