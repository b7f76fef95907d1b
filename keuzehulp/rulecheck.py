"""Checking one rule file: problems with file:line, citations, text placeholders."""

from __future__ import annotations

import string
from typing import Any

from pydantic import BaseModel

from keuzehulp.contract.yamlio import Problem, format_loc, line_of, validate_part
from keuzehulp.knowledge.crossref import Citation
from keuzehulp.rules.derived import DERIVED, profile_field_specs

# Placeholders a text may use besides the profile fields and derived quantities.
TEXT_PLACEHOLDERS = ("group_estimate", "group_estimate_regional", "group_months_text")


class FileCheck:
    """Collects problems and citations for one file."""

    def __init__(self, file: str, data: Any, problems: list[Problem], citations: list[Citation]):
        self.file, self.data, self.problems, self.citations = file, data, problems, citations
        self.register: Any = None  # the assumptions register, when it loads
        self.used: dict[str, list[str]] = {}  # assumption id -> rules that cite it

    def model(self, cls: type[BaseModel], value: Any, loc: tuple[Any, ...]) -> Any:
        return validate_part(cls, value, self.file, loc, self.problems)

    def problem(self, loc: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(self.file, line_of(self.data, loc), f"{format_loc(loc)}: {message}"))

    def cite(self, loc: tuple[Any, ...], rule: str, kind: str, ref: str) -> None:
        self.citations.append(Citation(self.file, line_of(self.data, loc), rule, kind, ref))  # type: ignore[arg-type]

    def texts(self, loc: tuple[Any, ...], *texts: str) -> bool:
        """Check placeholders in texts; return whether any text uses one."""
        used = False
        for text in texts:
            try:
                names = [n for _, n, _, _ in string.Formatter().parse(text) if n is not None]
            except ValueError as exc:
                self.problem(loc, f"text has a broken {{placeholder}}: {exc}")
                continue
            for name in names:
                used = True
                if name not in _PLACEHOLDERS:
                    self.problem(loc, f"unknown placeholder {{{name}}}; known: {', '.join(sorted(_PLACEHOLDERS))}")
        return used


_PLACEHOLDERS = frozenset(profile_field_specs()) | frozenset(DERIVED) | frozenset(TEXT_PLACEHOLDERS)


def cite_common(fc: FileCheck, loc: tuple[Any, ...], rule: str, spec: Any) -> None:
    for i, source in enumerate(spec.sources):
        fc.cite((*loc, "sources", i), rule, "source", source)
    for i, example in enumerate(getattr(spec, "examples", [])):
        fc.cite((*loc, "examples", i), rule, "example", example)
