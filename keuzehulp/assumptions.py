"""The assumptions register (knowledge/assumptions.yaml): the keuzehulp's own judgements.

Everything the advice rests on that is not in the handreiking or another public source is
named here, with why, its numbers, the answers that change it and (read from rules/) the rules
that use it. Validated like the rules: every problem as file:line, all at once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from keuzehulp.contract.schema import ANSWER_FIELDS, PROFILE_FIELDS
from keuzehulp.contract.yamlio import ContentError, Problem, line_of, load_model_file, validate_part

REGISTER_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "assumptions.yaml"
PAGE_PREFIX = "knowledge/assumptions/"  # Kennisbank id of one assumption: knowledge/assumptions/<id>.md

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
AssumptionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Number(_Strict):
    name: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    value: float
    text: Text


class Assumption(_Strict):
    id: str = ""
    title: Text
    says: Text
    why: Text
    numbers: list[Number]
    changed_by: list[str]
    used_by: list[Text] = []
    flip_bounds: dict[str, tuple[int, int]] = {}
    rules: tuple[str, ...] = ()  # filled in from rules/ (never written in the file)

    def number(self, name: str) -> float:
        for n in self.numbers:
            if n.name == name:
                return n.value
        raise KeyError(f"assumption {self.id!r} has no number {name!r}")

    @property
    def page_id(self) -> str:
        return f"{PAGE_PREFIX}{self.id}.md"


class _File(_Strict):
    assumptions: dict[AssumptionId, Any] = Field(min_length=1)


class Register(_Strict):
    file: str
    items: dict[str, Assumption]
    lines: dict[str, int]

    def get(self, assumption_id: str) -> Assumption | None:
        return self.items.get(assumption_id)

    def number(self, assumption_id: str, name: str) -> float:
        return self.items[assumption_id].number(name)

    def flip_bounds(self) -> dict[str, tuple[int, int]]:
        """Per numeric profile field the values "wat zou het advies veranderen?" may name."""
        bounds: dict[str, tuple[int, int]] = {}
        for item in self.items.values():
            bounds.update(item.flip_bounds)
        return bounds

    def with_rules(self, used: dict[str, list[str]]) -> Register:
        items = {k: v.model_copy(update={"rules": tuple(sorted(used.get(k, [])))}) for k, v in self.items.items()}
        return self.model_copy(update={"items": items})


def load_register(path: Path = REGISTER_PATH) -> Register:
    """Read and check the register; raise ContentError with every problem at once."""
    top, data, file = load_model_file(_File, path)
    problems: list[Problem] = []
    items: dict[str, Assumption] = {}
    lines: dict[str, int] = {}
    for key, raw in top.assumptions.items():
        loc = ("assumptions", key)
        lines[key] = line_of(data, loc)
        item = validate_part(Assumption, raw, file, loc, problems)
        if item is None:
            continue
        for i, name in enumerate(item.changed_by):
            if name not in ANSWER_FIELDS:
                problems.append(Problem(file, line_of(data, (*loc, "changed_by", i)),
                                        f"assumptions.{key}.changed_by[{i}]: {name!r} is not a profile field"))
        for name, (lo, hi) in item.flip_bounds.items():
            bounds_loc = (*loc, "flip_bounds", name)
            if name not in PROFILE_FIELDS:
                problems.append(Problem(file, line_of(data, bounds_loc),
                                        f"assumptions.{key}.flip_bounds.{name}: not a profile field"))
            elif lo > hi:
                problems.append(Problem(file, line_of(data, bounds_loc),
                                        f"assumptions.{key}.flip_bounds.{name}: minimum {lo} above maximum {hi}"))
        items[key] = item.model_copy(update={"id": key})
    if problems:
        raise ContentError(problems)
    return Register(file=file, items=items, lines=lines)


def unused_problems(register: Register, used: dict[str, list[str]]) -> list[Problem]:
    """An assumption that no rule cites and nothing else uses is dead weight: report it."""
    return [
        Problem(register.file, register.lines[key], f"assumptions.{key}: used by no rule, no cost amount and no `used_by`")
        for key, item in register.items.items()
        if not used.get(key) and not item.used_by
    ]


@lru_cache(maxsize=1)
def base_register() -> Register:
    """The project's register as written (no rule look-up): for the engine's own numbers."""
    return load_register()

