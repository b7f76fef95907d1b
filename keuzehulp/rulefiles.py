"""The shape of the files in rules/ as pydantic models (structure only; meaning in rules.py).

rules/<decision>.yaml  (delivery, training_format, matching): options + scored rules.
rules/q1.yaml .. q5.yaml: the effective elements of that section + rules that set priority.
(The wording of "what would change the advice" is part of each field's declaration:
texts/fields.yaml, keuzehulp/contract/fields.py.)
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from keuzehulp.contract.schema import EXAMPLE_IDS, Priority

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SourceRef = Annotated[str, StringConstraints(pattern=r"^(q[1-5]|knowledge/[a-z0-9][a-z0-9/_-]*\.md)$")]
LocalId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ExampleId = Literal[EXAMPLE_IDS]  # type: ignore[valid-type]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Basis = Literal["handreiking", "bron", "aanname"]


class Traced(_Strict):
    """Everything in a rule file says whose word it is (rules.py checks the combination):

    basis handreiking: `passage` verbatim from the handreiking;
    basis bron: `sources` names a knowledge page of kind source or fact;
    basis aanname: `assumption` names an entry of knowledge/assumptions.yaml (a `passage` may
    add the handreiking's words the judgement builds on; it must be verbatim too).
    """

    basis: Basis
    passage: Text | None = None
    assumption: Text | None = None
    sources: list[SourceRef] = Field(min_length=1)


class Consideration(Traced):
    """A standing consideration against an option, shown whenever that option is chosen."""

    text: Text


class ActionSpec(Traced):
    """An action that states a fact carries its basis, like a reason."""

    text: Text


Action = Text | ActionSpec


class OptionSpec(_Strict):
    examples: list[ExampleId] = []
    against: list[Consideration] = Field(min_length=1)
    # "Wat zou het advies veranderen?" names a change to this option only where this holds
    # after the change (e.g. no flip to outsourcing while there is no partner to outsource to).
    flip_only_if: Any = None


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
    # A close call: when this rule fires, the advice is never clearer than this.
    strength_at_most: Literal["weak", "moderate"] | None = None


class DecisionFile(_Strict):
    passage: Text
    sources: list[SourceRef] = Field(min_length=1)
    strength: StrengthSpec
    options: dict[str, Any]
    rules: list[Any] = Field(min_length=1)


class ElementSpec(Traced):
    default: Priority
    reason: Text
    actions: list[Action] = Field(min_length=1)
    examples: list[ExampleId] = []


class ElementRuleSpec(Traced):
    id: LocalId
    element: str
    when: Any = None
    priority: Priority | None = None
    reason: Text
    actions: list[Action] = []
    examples: list[ExampleId] = []


class SectionFile(_Strict):
    elements: dict[str, Any] = Field(min_length=1)
    rules: list[Any] = []
