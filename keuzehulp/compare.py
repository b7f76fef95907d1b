"""Scenarios side by side: each scenario's advice, and what differs between them.

Engine side (no Streamlit). `compare` runs the engine once per scenario and lines up, per
decision, each scenario's choice and strength; per element, each scenario's priority; and the
profile answers that differ, all with their Dutch labels. Its Markdown and Word come from the
report registry (keuzehulp/report/comparison.py, `report.render_comparison`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, ELEMENT_IDS, Advice, CostSettings, Profile, TeamInput
from keuzehulp.costs.estimate import Estimate, estimate
from keuzehulp.knowledge.provenance import strength_label
from keuzehulp.rules.engine import advise

MAX_COMPARED = 3


@dataclass(frozen=True)
class DecisionCell:
    choice: str  # option id
    choice_label: str  # Dutch option label
    strength: str  # strength id
    strength_label: str  # Dutch strength label


@dataclass(frozen=True)
class DecisionRow:
    id: str
    title: str
    cells: list[DecisionCell]  # one per scenario, in the scenarios' order
    differs: bool  # the choice differs between scenarios
    strength_differs: bool  # same choice, but not equally clear (or the choice differs)
    team_choice: str = ""  # Dutch label of what the team chose ("" = not decided)


@dataclass(frozen=True)
class ElementRow:
    id: str
    title: str
    priorities: list[str]  # priority ids, one per scenario
    priority_labels: list[str]
    differs: bool


@dataclass(frozen=True)
class FieldRow:
    field: str
    label: str  # the question as the wizard asks it
    values: list[str]  # Dutch answer per scenario
    differs: bool


@dataclass(frozen=True)
class Comparison:
    names: list[str]  # scenario names (user text: escape on output)
    advices: list[Advice]
    decisions: list[DecisionRow]
    elements: list[ElementRow]
    fields: list[FieldRow]  # every answer; `differing_fields` keeps the ones that differ
    municipality: str = ""  # user text
    team: TeamInput | None = field(default=None)
    estimates: list[Estimate] = field(default_factory=list)  # costs and lead time per scenario (issue 12)

    @property
    def differing_fields(self) -> list[FieldRow]:
        return [f for f in self.fields if f.differs]

    @property
    def decisions_differ(self) -> bool:
        return any(d.differs for d in self.decisions)

    @property
    def elements_differ(self) -> bool:
        return any(e.differs for e in self.elements)

    @property
    def differing_decisions(self) -> list[DecisionRow]:
        return [d for d in self.decisions if d.differs]

    @property
    def differing_elements(self) -> list[ElementRow]:
        return [e for e in self.elements if e.differs]


def _distinct(values: list[object]) -> bool:
    return len(set(map(repr, values))) > 1


def _municipality(profiles: list[Profile]) -> str:
    names = [p.municipality.strip() for p in profiles if p.municipality.strip()]
    return names[0] if names and not _distinct(list(names)) else (" / ".join(dict.fromkeys(names)))


def compare(scenarios: list[tuple[str, Profile]], team: TeamInput | None = None,
            costs: CostSettings | None = None) -> Comparison:
    """Advice per scenario and the rows that line them up. Names must be unique."""
    if not scenarios:
        raise ValueError("compare needs at least one scenario")
    names = [name for name, _ in scenarios]
    if len(set(names)) != len(names):
        raise ValueError("scenario names must be unique")
    lab = labels()
    profiles = [profile for _, profile in scenarios]
    advices = [advise(profile) for profile in profiles]

    decisions = []
    for decision in DECISION_IDS:
        cells = []
        for advice in advices:
            d = advice.decisions[decision]  # type: ignore[index]
            # The label says what the advice rests on, as on the Advies page (issue 10).
            cells.append(DecisionCell(d.choice, lab.option(decision, d.choice),
                                      d.strength, strength_label(d.strength, d.basis)))
        chosen = team.decisions.get(decision) if team else None  # type: ignore[call-overload]
        decisions.append(DecisionRow(
            id=decision,
            title=lab.decisions[decision].title,
            cells=cells,
            differs=_distinct([c.choice for c in cells]),
            strength_differs=_distinct([(c.choice, c.strength) for c in cells]),
            team_choice=lab.option(decision, chosen.choice) if chosen and chosen.choice else "",
        ))

    elements = []
    for element in ELEMENT_IDS:
        # The contract lists every element; an engine that skipped one must not crash this.
        priorities = [{e.id: e.priority for e in a.elements}.get(element, "consider") for a in advices]
        elements.append(ElementRow(
            id=element,
            title=lab.elements[element],
            priorities=priorities,
            priority_labels=[lab.priorities[p] for p in priorities],
            differs=_distinct(list(priorities)),
        ))

    fields = []
    for name in lab.answer_fields():
        raw = [getattr(p, name) for p in profiles]
        values = [v.strip() if isinstance(v, str) and name == "municipality" else lab.value(name, v)
                  for v in raw]
        fields.append(FieldRow(name, lab.field(name), values, _distinct(raw)))

    chosen = team.decisions.get("training_format") if team else None  # type: ignore[call-overload]
    settings = costs if costs is not None else CostSettings()
    estimates = [estimate(p, settings, a.decisions["training_format"].choice, chosen.choice if chosen else "")
                 for p, a in zip(profiles, advices, strict=True)]
    return Comparison(names=names, advices=advices, decisions=decisions, elements=elements,
                      fields=fields, municipality=_municipality(profiles), team=team, estimates=estimates)

