"""The shape of the files in rules/ as pydantic models (structure only; meaning in rules.py).

rules/<decision>.yaml  (delivery, training_format, matching): options + scored rules.
rules/q1.yaml .. q5.yaml: the effective elements of that section + rules that set priority.
rules/_flips.yaml: the Dutch wording of "what would change the advice" per profile field.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .schema import EXAMPLE_IDS, PARTNERS, Priority

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SourceRef = Annotated[str, StringConstraints(pattern=r"^(q[1-5]|knowledge/[a-z0-9][a-z0-9/_-]*\.md)$")]
LocalId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ExampleId = Literal[EXAMPLE_IDS]  # type: ignore[valid-type]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Traced(_Strict):
    """Everything in a rule file says which passage of the handreiking it encodes."""

    passage: Text
    sources: list[SourceRef] = Field(min_length=1)


class Consideration(Traced):
    """A standing consideration against an option, shown whenever that option is chosen."""

    text: Text


class OptionSpec(_Strict):
    examples: list[ExampleId] = []
    against: list[Consideration] = Field(min_length=1)


class StrengthSpec(_Strict):
    strong: int = Field(ge=1)  # score margin from which the advice is clear-cut
    moderate: int = Field(ge=1)


class DecisionRuleSpec(Traced):
    id: LocalId
    when: Any = None
    option: str
    weight: int = Field(ge=-10, le=10)
    reason: Text
    examples: list[ExampleId] = []


class DecisionFile(_Strict):
    passage: Text
    sources: list[SourceRef] = Field(min_length=1)
    strength: StrengthSpec
    options: dict[str, Any]
    rules: list[Any] = Field(min_length=1)


class ElementSpec(Traced):
    default: Priority
    reason: Text
    actions: list[Text] = Field(min_length=1)
    examples: list[ExampleId] = []


class ElementRuleSpec(Traced):
    id: LocalId
    element: str
    when: Any = None
    priority: Priority | None = None
    reason: Text
    actions: list[Text] = []
    examples: list[ExampleId] = []


class SectionFile(_Strict):
    elements: dict[str, Any] = Field(min_length=1)
    rules: list[Any] = []


class FlipPhrases(_Strict):
    sentence: Text  # how a phrase and the new choice become one sentence
    fields: dict[str, dict[str, Text]]
    partner_names: dict[Literal[PARTNERS], Text]  # type: ignore[valid-type]
