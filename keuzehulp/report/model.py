"""The one report model every download format renders from (see build.py for how it is filled).

Everything in it is plain text, already in Dutch and free of control characters; each format
does its own escaping. The tool's advice and the team's own input are kept in separate
fields (`DecisionPart.choice` vs `DecisionPart.team`), so no format can blur the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from keuzehulp.contract.schema import Advice, Session
from keuzehulp.costs.view import CostsSection

from .texts import ReportTexts


@dataclass(frozen=True)
class TeamChoice:
    """What the team itself recorded for one decision ("Keuze van het team")."""

    choice: str  # Dutch option label; "" when the team has not decided
    reason: list[str]  # the team's reason, one entry per line they typed
    differs: bool  # the team chose another option than the tool advises

    def summary(self, limit: int = 280) -> str:
        """The reason on one line, cut at a word after `limit` characters (page 1's table)."""
        text = " ".join(self.reason)
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class VotesPart:
    """What the room voted in the live workshop ("Stemming in de workshop"), for one decision."""

    summary: str  # "7 van 9 kiezen Zelf uitvoeren (Ruime meerderheid)"
    spread: str  # "Zelf uitvoeren 7 · Uitbesteden aan externe partners 2 · ..."
    split: bool  # no option has a majority: the room is divided
    reasons: list[str]  # "Zelf uitvoeren: <reason> (<name>)", as typed (cleaned)


@dataclass(frozen=True)
class ReasonPart:
    """One reason and what it rests on (see basis.py)."""

    text: str
    basis: str  # handreiking | bron | aanname; "" for an instruction that states no fact
    label: str  # "Volgens de handreiking (vraag 2)", "Bron", "Aanname van de keuzehulp"
    detail: str  # the quote, the source's title, or the assumption's title
    assumption: str = ""  # the assumption's id (basis aanname): Word and PDF link to its annex entry

    @property
    def basis_line(self) -> str:
        """'Volgens de handreiking (vraag 2): ‘…’' - empty for a plain instruction."""
        if not self.label:
            return ""
        return f"{self.label}: {self.detail}" if self.detail else self.label

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class AssumptionPart:
    """One entry of the assumptions register, as every download lists it."""

    id: str
    title: str
    says: str
    why: str
    numbers: list[str]
    changed_by: list[str]  # Dutch questions whose answer changes the outcome
    rules: list[str]  # rule ids (and other users) that rest on it


@dataclass(frozen=True)
class DecisionPart:
    id: str
    title: str
    choice: str  # Dutch option label ("Advies van de keuzehulp")
    strength: str  # Dutch strength label, saying what the advice rests on
    reasons_for: list[ReasonPart]
    reasons_against: list[ReasonPart]
    flips: list[str]  # what would change the advice, one sentence each
    examples: list[str]  # "title (Lochem, Brummen)"
    sources: list[str]  # readable source names
    team: TeamChoice
    votes: VotesPart | None = None  # the live workshop's votes; None without a workshop


@dataclass(frozen=True)
class ActionPart:
    """The team's own next step for one element (Besluitpunten page and under the element)."""

    element: str  # the element's Dutch title
    action: str  # as typed (cleaned); "" when only an owner or date was given
    owner: str
    due: str  # "15 januari 2027", or "" without a date


@dataclass(frozen=True)
class ElementPart:
    id: str
    title: str
    priority: str  # Dutch priority label
    reasons: list[ReasonPart]
    actions: list[ReasonPart]  # an instruction has an empty basis line
    team_action: ActionPart | None = None  # what the team noted; None when nothing
    votes: str = ""  # "Stemming: 5 van 8 kiezen Essentieel" (live workshop), else ""


@dataclass(frozen=True)
class QuestionPart:
    id: str  # q1..q5
    heading: str  # "Vraag 2. Hoe geeft u het traject organisatorisch vorm?"
    decisions: list[DecisionPart]
    group_formation: str  # the estimate sentence (q2, with training_format), else ""
    elements: list[ElementPart]
    notes: list[str]  # the team's notes for this question, one entry per line


@dataclass(frozen=True)
class ExamplePart:
    id: str
    title: str
    municipalities: list[str]
    relates_to: list[str]  # titles of the decisions and elements that name it


@dataclass(frozen=True)
class ScenarioPart:
    name: str
    differences: list[str]  # "question: value here → value in scenario"
    choices: list[str]  # "decision title: option (strength)"
    group_formation: str
    essential: list[str]  # titles of the elements that are essential in this scenario


@dataclass(frozen=True)
class SourceGroup:
    heading: str  # "" for the handreiking itself
    items: list[SourceItem]


@dataclass(frozen=True)
class SourceItem:
    title: str
    # the handreiking's sections used; public pages as "title, url (geraadpleegd <date>)"
    details: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProcurementPart:
    """Bouwstenen voor de inkoop (issue 26): a line on page 1 and an annex, from the one
    Procurement the page Inkoop, the slide and the download show (report/procurement_part.py)."""

    label: str  # page 1's label: "Inkoop"
    prices: list[str]  # page 1: a warning per price below its reference, else one line that none is
    line: str  # page 1: where the blocks are, with "{annex}" for the annex's letter
    title: str  # the annex's title
    intro: list[str]  # the annex's introduction and the disclaimer
    price_lines: list[str]  # the annex: the price check in full
    columns: list[str]
    groups: list[tuple[str, list[list[str]]]]  # (deelproduct, rows of kind, block, basis)
    sources: list[str]  # the ids the blocks and the price check cite, for the sources annex
    data: dict  # the Procurement as JSON (the JSON download)
    # In a region (the region open on the page Regio, or `advise --regio`): per deelproduct title
    # the line that says at which scale it is bought, who leads and who joins.
    buying: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    texts: ReportTexts
    title: str
    municipality: str  # as typed (cleaned); "" when not filled in
    date: date
    date_text: str  # "27 november 2026"
    reading_guide: list[str]
    participants: list[tuple[str, str]]  # (name, role)
    profile: list[tuple[str, str]]  # (Dutch question, Dutch answer)
    questions: list[QuestionPart]
    examples: list[ExamplePart]
    scenario_table: list[list[str]]  # header row + one row per decision; [] without scenarios
    scenarios: list[ScenarioPart]
    sources: list[SourceGroup]
    assumptions: list[AssumptionPart]
    rules_version: str
    footer: str
    advice: Advice  # the source data, for the JSON download
    session: Session | None = None
    # Page 1 "Besluitpunten" (issue 14): the team's actions, in element order; the colophon
    actions: list[ActionPart] = field(default_factory=list)
    colophon: str = ""
    workshop: list[str] = field(default_factory=list)  # "Stemming in de workshop": about the vote, top 5
    costs: CostsSection | None = None  # Kosten en doorlooptijd (issue 12); None if it could not be computed
    procurement: ProcurementPart | None = None  # Bouwstenen voor de inkoop (issue 26)
    # Bijlage D: every abbreviation or piece of jargon in this report with its meaning, A to Z
    # (keuzehulp/knowledge/abbreviations.py; the terms come from the glossary pages).
    abbreviations: list[tuple[str, str]] = field(default_factory=list)
    rules_date: str = ""  # "1 december 2026" (or "onbekend"): the version of the rules in words
    # Page 1 under the title (issue 24): "Scenario: Met de regio" ("" without a saved scenario)
    scenario: str = ""
    # The appendices in order, (key, "Bijlage A. Werkzame elementen per vraag"); keys: elements,
    # costs, procurement, scenarios, profile, examples, assumptions, sources, abbreviations (only those present)
    annexes: list[tuple[str, str]] = field(default_factory=list)

    def procurement_line(self) -> str:
        """Page 1's line on procurement: the price check, then where the building blocks are."""
        p = self.procurement
        assert p is not None
        letter = chr(ord("A") + [key for key, _ in self.annexes].index("procurement"))
        return " ".join([*p.prices, p.line.format(annex=letter)])

    def annex(self, key: str) -> str:
        """The lettered heading of one appendix ("Bijlage C. Uw antwoorden")."""
        return dict(self.annexes)[key]

    @property
    def decisions(self) -> list[DecisionPart]:
        """Every decision in question order: the rows of the Besluitpunten table."""
        return [d for q in self.questions for d in q.decisions]

    def decision_rows(self) -> list[list[str]]:
        """The Besluitpunten table, for every format: decision, advice, the team's choice (marked
        where it differs from the advice) and its reason."""
        t = self.texts
        return [
            [d.title, d.choice,
             (d.team.choice or t.team_not_chosen) + (f" ({t.differs_mark})" if d.team.differs else ""),
             d.team.summary()]
            for d in self.decisions
        ]

    def action_rows(self) -> list[list[str]]:
        """The team's actions table: element, action, owner, due date."""
        return [[a.element, a.action, a.owner, a.due] for a in self.actions]
