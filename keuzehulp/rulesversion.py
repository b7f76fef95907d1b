"""The version of the rules in words: the date of their last change, declared once in
rules/_version.yaml beside the content mark (a hash of every rule file) it belongs to.

`python -m keuzehulp check` fails when the rule files no longer match the mark, and names the
new mark: whoever changes a rule also sets the date, so "versie van de regels: 1 december 2026"
in the colophon cannot go stale. Nothing is read from file dates or git (a fresh clone in CI
has neither).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from keuzehulp.contract.yamlio import ContentError, Problem, display_path, line_of, load_model_file

VERSION_FILE = "_version.yaml"


class RulesVersion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: date  # the day the rules last changed
    content: str = Field(pattern=r"^[0-9a-f]{12}$")  # content_mark() of the rules of that day


def rule_paths(directory: Path) -> list[Path]:
    """The rule files proper: every rules/*.yaml except the underscore files (this stamp)."""
    return [p for p in sorted(Path(directory).glob("*.yaml")) if not p.name.startswith("_")]


def content_mark(directory: Path) -> str:
    """A short hash of the rule files' names and bytes (comments too): Advice.rules_version."""
    digest = hashlib.sha256()
    for path in rule_paths(directory):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def read_version(directory: Path) -> tuple[RulesVersion, Any]:
    """The declared version and its raw data (for line numbers); ContentError (file:line) when
    the stamp is missing or malformed."""
    path = Path(directory) / VERSION_FILE
    if not path.is_file():
        raise ContentError([Problem(display_path(path), 1, "missing: the date of the last change to the "
                                    "rules and its content mark (see rules/README.md)")])
    version, data, _ = load_model_file(RulesVersion, path)
    return version, data


def version_date(directory: Path) -> date | None:
    """The date of the rules, or None while the stamp is unreadable (`check` says why)."""
    try:
        return read_version(directory)[0].date
    except ContentError:
        return None


def version_problems(directory: Path, today: date | None = None) -> list[Problem]:
    """The stamp is readable, belongs to the rule files as they are, and lies not in the future."""
    path = Path(directory) / VERSION_FILE
    try:
        version, data = read_version(directory)
    except ContentError as exc:
        return list(exc.problems)
    problems = []
    mark = content_mark(directory)
    if version.content != mark:
        problems.append(Problem(
            display_path(path), line_of(data, ["content"]),
            f"content: the rules changed since {version.date.isoformat()} (mark {version.content!r}, now "
            f"{mark!r}); set 'date' to the day of this change and 'content' to \"{mark}\""))
    # One day of grace: a date set in the Netherlands may be "tomorrow" on a CI runner in UTC.
    if version.date > (today or date.today()) + timedelta(days=1):
        problems.append(Problem(display_path(path), line_of(data, ["date"]),
                                f"date: {version.date.isoformat()} lies in the future"))
    return problems
