"""A region as rows of a table (the page Regio's editor): the answers that matter most for the
regional view, one row per municipality, read back with a Dutch message per wrong cell. The
other answers of a municipality (from her uploaded session) are kept as they were.

Rows are plain dicts of text, so the app's table and a test speak the same values: numbers as
typed (read by keuzehulp/dutch/numbers.py: 1.000 is duizend), options by their Dutch label.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from keuzehulp.contract.inputs import InputError, field_problems
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ROUTE_IDS, Profile, RouteShares
from keuzehulp.dutch.numbers import NotAWholeNumber, format_whole_number, parse_whole_number

from .content import NUMBER_FIELDS, OPTION_FIELDS, ROW_FIELDS
from .model import MAX_MUNICIPALITIES, MIN_MUNICIPALITIES, Region
from .texts import texts

__all__ = ["NUMBER_FIELDS", "OPTION_FIELDS", "ROW_FIELDS", "options", "read_row", "region_from_rows", "rows_of"]


def options(field: str) -> dict[str, str]:
    """Option value -> Dutch label of one option field."""
    return dict(labels().fields[field].options)


def rows_of(region: dict[str, Any]) -> list[dict[str, str]]:
    """The table's rows for a region document (a region file's dict, perhaps incomplete)."""
    shares = region.get("route_shares") or {}
    out = []
    for item in region.get("municipalities") or []:
        p = Profile.model_validate(item)
        row = {"municipality": p.municipality}
        for f in NUMBER_FIELDS:
            row[f] = format_whole_number(getattr(p, f))
        for f in OPTION_FIELDS:
            row[f] = options(f)[getattr(p, f)]
        mix = shares.get(p.municipality)
        for r in ROUTE_IDS:
            row[r] = format_whole_number(round(mix[r])) if mix else ""
        out.append(row)
    return out


def _problem(row: int, name: str, column: str, message: str) -> str:
    t = texts()
    return t.row_problem.format(row=row, name=f" ({name[:40]})" if name else "",
                                column=t.editor_columns.get(column, column), message=message.rstrip("."))


def read_row(row: dict[str, Any], base: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, float] | None,
                                                                  list[tuple[str, str]]]:
    """One row over its base profile: (profile data, route mix or None, (column, Dutch message) per
    wrong cell). The table and a representative's form read their values here, the same way."""
    problems: list[tuple[str, str]] = []
    data = dict(base or {})
    data["municipality"] = str(row.get("municipality") or "").strip()
    for f in NUMBER_FIELDS:
        text = row.get(f)
        if text in (None, ""):
            continue  # empty: the base's answer (or the default)
        try:
            data[f] = parse_whole_number(str(text))
        except NotAWholeNumber as exc:
            problems.append((f, str(exc)))
    for f in OPTION_FIELDS:
        label = row.get(f)
        if label in (None, ""):
            continue
        by_label = {v: k for k, v in options(f).items()}
        if label in by_label:
            data[f] = by_label[label]
        elif label in options(f):
            data[f] = label
        else:
            problems.append((f, f"kies uit {', '.join(options(f).values())}"))
    try:
        Profile.model_validate(data)
    except ValidationError as exc:
        problems.extend(field_problems(exc))
    mix = None
    typed = [row.get(r) for r in ROUTE_IDS]
    if any(v not in (None, "") for v in typed):
        try:
            numbers = {r: parse_whole_number(str(v or "0")) for r, v in zip(ROUTE_IDS, typed, strict=True)}
            mix = RouteShares.model_validate(numbers).model_dump()
        except NotAWholeNumber as exc:
            problems.append(("b1", str(exc)))
        except ValidationError as exc:
            problems.append(("b1", field_problems(exc)[0][1]))
    return data, mix, problems


def region_from_rows(name: str, rows: list[dict[str, Any]], bases: list[dict[str, Any] | None],
                     scale: dict[str, str] | None = None, extra: dict[str, Any] | None = None) -> Region:
    """The Region the table describes: each row over its base profile (None: a new municipality).
    InputError with a Dutch message per wrong cell; the caller keeps the last good region."""
    messages: list[str] = []
    profiles: list[dict[str, Any]] = []
    shares: dict[str, dict[str, float]] = {}
    for i, (row, base) in enumerate(zip(rows, bases, strict=True), start=1):
        data, mix, problems = read_row(row, base)
        town = data["municipality"]
        messages.extend(_problem(i, town, column, message) for column, message in problems)
        profiles.append(data)
        if mix is not None:
            shares[town] = mix
    if not MIN_MUNICIPALITIES <= len(rows) <= MAX_MUNICIPALITIES:
        messages.append(f"Een regio heeft {MIN_MUNICIPALITIES} tot en met {MAX_MUNICIPALITIES} gemeenten; "
                        f"de tabel heeft er {len(rows)}.")
    if messages:
        raise InputError(messages)
    extra = dict(extra or {})
    if extra.get("votes"):  # a workshop's recorded votes of a municipality no longer in the table go
        names = {p["municipality"] for p in profiles}
        extra["votes"] = {d: kept for d, per in extra["votes"].items()
                          if (kept := {n: c for n, c in per.items() if n in names})}
    doc = {"schema_version": 1, "kind": "keuzehulp-regio", "region": name, "municipalities": profiles,
           "route_shares": shares, "scale": dict(scale or {}), **extra}
    try:
        return Region.model_validate(doc)
    except ValidationError as exc:
        raise InputError([m for _, m in field_problems(exc)]) from None
