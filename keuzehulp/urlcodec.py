"""Answers in a link's query string, so a refresh keeps them and a link shares a scenario.

Only answers that differ from the default appear, as contract values
(`?annual_intake=12&level_mix=similar&partners=language_provider,vocational_college`). Each
field's URL form follows from its declaration (fields.py): yes/no as true/false, a list as
its items in the contract's order joined by commas, a whole number the Dutch way (1.000 is
duizend, as in the number boxes), anything else as it is. Reading a link hands the text to
pydantic, which converts it as it converts a saved file; a value that cannot be is left out
with a Dutch (field, message) pair, and the rest of the link is still used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from keuzehulp.contract.fields import field_types
from keuzehulp.contract.inputs import change_field, shorten
from keuzehulp.contract.schema import ANSWER_FIELDS, Profile
from keuzehulp.dutch.numbers import NotAWholeNumber, parse_whole_number

IGNORED = "Deze waarde uit de link is genegeerd."
_YES_NO = {"ja": "yes", "nee": "no"}  # pydantic reads true/false, 1/0, yes/no; Dutch too

DEFAULT_PROFILE = Profile()


def encode(profile: Profile) -> dict[str, str]:
    """The query parameters for a profile: only answers that differ from the default."""
    params: dict[str, str] = {}
    types = field_types()
    for name in ANSWER_FIELDS:
        value = getattr(profile, name)
        if value == getattr(DEFAULT_PROFILE, name):
            continue
        kind = types[name].kind
        if kind == "bool":
            params[name] = "true" if value else "false"
        elif kind == "list":
            params[name] = ",".join(v for v in types[name].values if v in value)  # one canonical link
        else:
            params[name] = str(value)
    return params


def _raw(name: str, text: str) -> Any:
    """The link's text in the shape pydantic converts (raises NotAWholeNumber)."""
    kind = field_types()[name].kind
    if kind == "bool":
        low = text.strip().lower()
        return _YES_NO.get(low, low)
    if kind == "int":
        return parse_whole_number(text)
    if kind == "list":
        return [item.strip() for item in text.split(",") if item.strip()]
    return text


def _known_items(name: str, values: list[str], problems: list[tuple[str, str]]) -> list[str]:
    """One unknown item in a list drops that item alone (with a message), not the list."""
    known = field_types()[name].values
    unknown = [v for v in values if v not in known]
    if unknown:
        shown = ", ".join(f"'{shorten(v)}'" for v in unknown[:3]) + (" …" if len(unknown) > 3 else "")
        which = "deze partner kennen" if len(unknown) == 1 else "deze partners kennen"
        problems.append((name, f"{shown}: {which} we niet; de andere partners uit de link zijn overgenomen."))
    return [v for v in values if v in known]


def decode(params: Mapping[str, str], base: Profile | None = None) -> tuple[Profile, list[tuple[str, str]]]:
    """A profile from query parameters, and a (field, Dutch message) pair per value left out.
    Unknown keys are left alone: other features use them. Messages quote the link: untrusted."""
    profile = base or Profile()
    problems: list[tuple[str, str]] = []
    for name in ANSWER_FIELDS:
        if name not in params:
            continue
        try:
            value = _raw(name, str(params[name]))
        except NotAWholeNumber as exc:
            problems.append((name, f"{exc} {IGNORED}"))
            continue
        if field_types()[name].kind == "list":
            value = _known_items(name, value, problems)
        new, error = change_field(profile, name, value)
        if new is None:
            problems.append((name, f"{error} {IGNORED}"))
        else:
            profile = new
    return profile, problems
