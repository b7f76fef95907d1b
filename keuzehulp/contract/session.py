"""What is saved, autosaved and uploaded: Session, the team's input, scenarios, the live
workshop's votes and the cost settings, and the migration of older files. Part of the public
contract (schema.py re-exports it)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    Field,
    model_validator,
)

from keuzehulp.contract.answers import (
    Profile,
    RouteShares,
)
from keuzehulp.contract.ids import (
    _STRICT,
    DECISION_IDS,
    DECISION_OPTIONS,
    ELEMENT_IDS,
    ELEMENT_SECTIONS,
    PRIORITY_ORDER,
    SCHEMA_VERSION,
    DecisionId,
    RouteId,
    SchemaVersion,
    SectionId,
    StepId,
    UserText,
)
from keuzehulp.dutch.numbers import dutch_number

# --- The saved session (extension): answers, scenarios and the team's own choices ---------


class Participant(BaseModel):
    model_config = _STRICT

    name: UserText = Field("", max_length=100)
    role: UserText = Field("", max_length=100)


class TeamDecision(BaseModel):
    model_config = _STRICT

    choice: UserText = ""  # "" = not decided yet; else one of the decision's options
    reason: UserText = Field("", max_length=2000)


def _short(text: str, limit: int = 40) -> str:
    """A value quoted in a message, cut short (a hostile file may hold 10 kB in it)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- workshop (issue 14): the team's next step per essential element ---------------------


class TeamAction(BaseModel):
    """What the team will do about one element, who does it and by when (all optional)."""

    model_config = _STRICT

    action: UserText = Field("", max_length=500)
    owner: UserText = Field("", max_length=100)
    due: date | None = None

    def is_empty(self) -> bool:
        return not (self.action.strip() or self.owner.strip() or self.due)


class TeamInput(BaseModel):
    """What the team itself decides and writes down: kept apart from the tool's advice."""

    model_config = _STRICT

    participants: list[Participant] = Field(default_factory=list, max_length=50)
    decisions: dict[DecisionId, TeamDecision] = Field(default_factory=dict)
    notes: dict[SectionId, UserText] = Field(default_factory=dict)
    # workshop (issue 14): actions keyed by element id; optional, so older files load
    actions: dict[str, TeamAction] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _choices_are_options(self) -> TeamInput:
        for decision, team in self.decisions.items():
            if team.choice and team.choice not in DECISION_OPTIONS[decision]:
                options = ", ".join(DECISION_OPTIONS[decision])
                raise ValueError(
                    f"keuze van het team bij '{decision}': '{_short(team.choice)}' kan niet; "
                    f"kies uit {options}"
                )
        for section, note in self.notes.items():
            if len(note) > 5000:
                raise ValueError(f"notitie bij {section}: hoogstens 5000 tekens")
        for element in self.actions:
            if element not in ELEMENT_SECTIONS:
                raise ValueError(f"actie bij '{element}': dat werkzame element kent de keuzehulp niet")
        return self


# --- Live workshop (issue 11): what the room voted, apart from the advice and the team's choice --


class VoteReason(BaseModel):
    """One participant's one-line reason, as typed (escaped wherever it is shown)."""

    model_config = _STRICT

    value: UserText = Field("", max_length=200)  # the option it goes with
    text: UserText = Field(..., max_length=200)
    author: UserText = Field("", max_length=60)  # name or role, only when the participant typed one


# No count of a workshop's votes is negative or larger than this: the store lets at most 250
# participants join one workshop (workshop/repo.py MAX_PARTICIPANTS; a few more can slip in when
# two join at the same instant on PostgreSQL), so an uploaded session with -1 or 10**20 votes is
# refused with a Dutch message instead of being printed in every download.
MAX_WORKSHOP_COUNT = 1000
VoteCount = Annotated[int, Field(ge=0, le=MAX_WORKSHOP_COUNT)]


class QuestionVotes(BaseModel):
    model_config = _STRICT

    # option / priority / element id -> votes; at most one entry per element (the longest list)
    counts: dict[str, VoteCount] = Field(default_factory=dict, max_length=len(ELEMENT_IDS))
    voters: VoteCount = 0  # participants who answered this question
    reasons: list[VoteReason] = Field(default_factory=list, max_length=1000)

    @model_validator(mode="after")
    def _no_more_votes_than_voters(self) -> QuestionVotes:
        # Each voter gives a value (or an element of a top 5) at most one vote.
        for value, count in self.counts.items():
            if count > self.voters:
                raise ValueError(f"stemming: {count} stemmen op '{_short(value)}' van {self.voters} "
                                 "stemmers kan niet")
        return self


class WorkshopVotes(BaseModel):
    """The workshop of this session and a snapshot of its votes (see keuzehulp/workshop/)."""

    model_config = _STRICT

    code: UserText = Field("", max_length=20)  # the join code participants type
    secret: UserText = Field("", max_length=100)  # the facilitator's secret; the store keeps only its hash
    element_mode: Literal["priority", "top5"] = "priority"
    closed: bool = False
    participants: VoteCount = 0
    taken_at: UserText = Field("", max_length=40)  # ISO time (UTC) of the snapshot
    questions: dict[str, QuestionVotes] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_questions(self) -> WorkshopVotes:
        known = {f"decision:{d}" for d in DECISION_IDS} | {f"element:{e}" for e in ELEMENT_IDS} | {"top5"}
        unknown = sorted(set(self.questions) - known)
        if unknown:
            raise ValueError(f"stemming: onbekende vraag '{_short(unknown[0])}'")
        for question, votes in self.questions.items():
            if votes.voters > self.participants:
                raise ValueError(f"stemming bij '{question}': {votes.voters} stemmers van "
                                 f"{self.participants} deelnemers kan niet")
            kind, _, subject = question.partition(":")
            allowed = (DECISION_OPTIONS[subject] if kind == "decision" else
                       tuple(PRIORITY_ORDER) if kind == "element" else ELEMENT_IDS)
            odd = sorted(set(votes.counts) - set(allowed))
            if odd:
                raise ValueError(f"stemming bij '{question}': '{_short(odd[0])}' is geen antwoord op "
                                 "deze vraag")
        return self


class Scenario(BaseModel):
    model_config = _STRICT

    name: UserText = Field(..., min_length=1, max_length=60)
    profile: Profile


# --- Costs and lead time (issue 12): the team's amounts, kept apart from the answers -------
TrainingFormat = Literal["group", "shared_purchase", "individual"]

# One CostSettings per session; every scenario is costed with it. Only the amounts the team
# changed are stored (the rest are the declared defaults of texts/costs.yaml), so a default
# that is corrected later reaches every saved session, and older files load unchanged.

class CostSettings(BaseModel):
    model_config = _STRICT

    amounts: dict[str, float] = Field(default_factory=dict)  # only what the team changed
    # Sessions of schema_version 1 and 2 kept the route mix here; Session moves it into the
    # answers when it loads (migrated_route_shares). New sessions never write it.
    route_shares: RouteShares | None = None
    language_by_hours: list[RouteId] = Field(default_factory=list)  # routes bought per hour
    training_format: TrainingFormat | None = None  # None: the team's choice, else the advice's

    @model_validator(mode="after")
    def _amounts_known_and_in_range(self) -> CostSettings:
        from keuzehulp.contract.costdata import (  # the declarations live in texts/costs.yaml
            cost_data,
            describe_range,
        )

        specs = cost_data().amounts
        for name, value in self.amounts.items():
            spec = specs.get(name)
            if spec is None:
                raise ValueError(f"onbekend bedrag '{name}'")
            if not spec.min <= value <= spec.max:
                raise ValueError(f"{spec.label}: {dutch_number(value)} kan niet; {describe_range(spec)}")
        return self


class Session(BaseModel):
    """Everything a workshop produces; what 'Sessie opslaan' downloads and Start resumes."""

    model_config = _STRICT

    schema_version: SchemaVersion = SCHEMA_VERSION
    kind: Literal["keuzehulp-sessie"] = "keuzehulp-sessie"
    profile: Profile = Field(default_factory=Profile)
    scenarios: list[Scenario] = Field(default_factory=list, max_length=10)
    active_scenario: UserText | None = None
    team: TeamInput = Field(default_factory=TeamInput)
    # Costs and lead time (issue 12); optional, so sessions saved before it still load.
    costs: CostSettings = Field(default_factory=lambda: CostSettings())
    # Live workshop (issue 11): the workshop's code, the facilitator's secret and its votes.
    workshop: WorkshopVotes | None = None
    # --- store (issue 14): route marks and answers set aside, so a reload loses nothing -----
    # Steps confirmed as answered, and steps with nothing to fill in that were read (vraag 1).
    answered: list[StepId] = Field(default_factory=list, max_length=6)
    read: list[StepId] = Field(default_factory=list, max_length=6)
    # The answers that belonged to no scenario when one was chosen ("Geen scenario" brings
    # them back).
    loose_profile: Profile | None = None

    @model_validator(mode="after")
    def _route_shares_into_the_answers(self) -> Session:
        """Schema_version 1 and 2 kept the route mix in the cost settings: it becomes the answer
        of the profile, of each scenario and of the answers set aside, where they have none."""
        shares = self.costs.route_shares
        if shares is None:
            return self

        def fill(profile: Profile) -> Profile:
            return profile if profile.route_shares is not None else profile.model_copy(update={"route_shares": shares})

        object.__setattr__(self, "profile", fill(self.profile))
        object.__setattr__(self, "scenarios", [sc.model_copy(update={"profile": fill(sc.profile)})
                                               for sc in self.scenarios])
        if self.loose_profile is not None:
            object.__setattr__(self, "loose_profile", fill(self.loose_profile))
        object.__setattr__(self, "costs", self.costs.model_copy(update={"route_shares": None}))
        return self

    @model_validator(mode="after")
    def _unique_scenario_names(self) -> Session:
        names = [s.name for s in self.scenarios]
        if len(set(names)) != len(names):
            raise ValueError("twee scenario's hebben dezelfde naam")
        return self



MIGRATION_NOTE_ROUTES = (
    "Dit bestand is gemaakt met een eerdere versie van de keuzehulp. De verdeling over de "
    "leerroutes stond toen bij de kosten; die staat nu bij de vragen (vraag 2) en telt ook mee "
    "in het advies. De keuzehulp heeft haar daarheen verplaatst."
)


def migrated_route_shares(data: object) -> tuple[object, list[str]]:
    """The Dutch notes on what loading this session file (parsed JSON) migrates: a session of
    schema_version 1 or 2 with a route mix in its cost settings (Session moves it into the
    answers). Returns the data unchanged and the notes."""
    if isinstance(data, dict) and isinstance(data.get("costs"), dict) and data["costs"].get("route_shares") is not None:
        return data, [MIGRATION_NOTE_ROUTES]
    return data, []
