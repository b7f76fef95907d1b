"""Dutch labels for everything in the contract, loaded from texts/labels.yaml and checked."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.fields import FieldText, field_specs
from keuzehulp.contract.schema import (
    ANSWER_FIELDS,
    DECISION_OPTIONS,
    ELEMENT_IDS,
    EXAMPLE_IDS,
    PRIORITY_ORDER,
    SECTION_IDS,
)
from keuzehulp.contract.yamlio import Problem, line_of, load_checked

LABELS_PATH = Path(__file__).resolve().parent.parent / "texts" / "labels.yaml"
STEPS = ("start", *SECTION_IDS)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SectionLabel(_Strict):
    title: str
    short: str


class BlockLabel(_Strict):
    title: str
    examples: str


class DecisionLabel(_Strict):
    title: str
    section: Literal["q1", "q2", "q3", "q4", "q5"]
    options: dict[str, str]


FieldLabel = FieldText  # a field's wording lives in its declaration (texts/fields.yaml)


class Labels(_Strict):
    sections: dict[str, SectionLabel]
    building_blocks: dict[str, BlockLabel]
    priorities: dict[str, str]
    strengths: dict[str, str]
    decisions: dict[str, DecisionLabel]
    elements: dict[str, str]
    examples: dict[str, str]

    # A field's label, help, step and options are part of its one declaration (fields.py).
    @property
    def fields(self) -> dict[str, FieldText]:
        return _field_texts()

    @property
    def partners(self) -> dict[str, str]:
        return _field_texts()["partners"].options

    # --- lookups used by the app, the CLI and the reports -------------------------------
    def field(self, name: str) -> str:
        return self.fields[name].label

    def value(self, name: str, value: Any) -> str:
        """A profile value as a person reads it."""
        if name == "partners":
            return ", ".join(self.partners[p] for p in value) or "Geen"
        if isinstance(value, bool):
            return "Ja" if value else "Nee"
        options = self.fields[name].options
        return options.get(str(value), str(value))

    def option(self, decision: str, choice: str) -> str:
        return self.decisions[decision].options.get(choice, choice)

    def answer_fields(self) -> list[str]:
        """The fields a person answers (schema.ANSWER_FIELDS), in the wizard's order."""
        return [name for name in self.fields if name in ANSWER_FIELDS]

    def fields_for_step(self, step: str) -> list[str]:
        """The questions of one wizard step, in order."""
        return [name for name in self.answer_fields() if self.fields[name].step == step]


@lru_cache(maxsize=1)
def _field_texts() -> dict[str, FieldText]:
    return {name: spec.text for name, spec in field_specs().items()}


def _coverage_problems(data: Any, labels: Labels, file: str) -> list[Problem]:
    """Every contract id has a label, and no label names something the contract lacks."""
    problems: list[Problem] = []

    def compare(key: tuple[Any, ...], have: set[str], want: set[str]) -> None:
        where = ".".join(str(k) for k in key)
        for missing in sorted(want - have):
            problems.append(Problem(file, line_of(data, key), f"{where}: no label for '{missing}'"))
        for extra in sorted(have - want):
            line = line_of(data, (*key, extra))
            problems.append(Problem(file, line, f"{where}.{extra}: unknown id"))

    compare(("sections",), set(labels.sections), set(SECTION_IDS))
    compare(("building_blocks",), set(labels.building_blocks),
            {"guidance", "language", "training", "participation"})
    compare(("priorities",), set(labels.priorities), set(PRIORITY_ORDER))
    compare(("strengths",), set(labels.strengths), {"strong", "moderate", "weak"})
    compare(("decisions",), set(labels.decisions), set(DECISION_OPTIONS))
    for decision, options in DECISION_OPTIONS.items():
        if decision in labels.decisions:
            compare(("decisions", decision, "options"),
                    set(labels.decisions[decision].options), set(options))
    compare(("elements",), set(labels.elements), set(ELEMENT_IDS))
    compare(("examples",), set(labels.examples), set(EXAMPLE_IDS))
    return problems


def load_labels(path: Path = LABELS_PATH) -> Labels:
    """Load and check the labels; raise ContentError with every problem at once."""
    return load_checked(Labels, path, _coverage_problems)


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The project's labels, loaded once per process."""
    return load_labels()
