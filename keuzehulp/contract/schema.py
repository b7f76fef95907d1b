"""The public contract (see DOMAIN.md): Profile in, Advice out, and the saved Session.

Every model forbids unknown keys, so a typo in a saved session or a CLI profile is reported
instead of silently ignored. Extend with new optional fields; never rename or drop one.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    ValidationInfo,
    field_validator,
    model_validator,
)

from keuzehulp.dutch.markdown import strip_invisible
from keuzehulp.dutch.numbers import dutch_number

# Every text a person types (a name, reason, note, scenario name, vote): bidirectional controls
# and zero-width characters removed as it is read, before its length is checked (issue 22).
UserText = Annotated[str, BeforeValidator(lambda v: strip_invisible(v) if isinstance(v, str) else v)]

# 2: every reason is an object that says whose word it is (Reason, DecisionAdvice.basis).
# 3 (issue 23): the route mix and the share of family migrants are answers (Profile.route_shares,
# Profile.family_migrant_share); a session of version 1 or 2 kept the route mix in its cost
# settings, and Session moves it into the answers when it loads (migrated_route_shares).
# Files of version 1 and 2 (saved sessions, exported advice, profiles) still load.
SCHEMA_VERSION = 3
# The Advice's own shape did not change with version 3: it stays 2 (its profile says 3).
ADVICE_SCHEMA_VERSION = 2
# The versions a profile or session file may carry. Versions 1 and 2 hold a subset of the fields
# (reasons are never saved in a session or profile): read them as the current one.
SchemaVersion = Annotated[Literal[1, 2, 3], AfterValidator(lambda _version: SCHEMA_VERSION)]

SectionId = Literal["q1", "q2", "q3", "q4", "q5"]
StepId = Literal["start", "q1", "q2", "q3", "q4", "q5"]  # wizard steps, for the route marks
SECTION_IDS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "q5")

DecisionId = Literal["delivery", "training_format", "matching"]
DECISION_OPTIONS: dict[str, tuple[str, ...]] = {
    "delivery": ("in_house", "outsourced", "mixed"),
    "training_format": ("group", "shared_purchase", "individual"),
    "matching": ("supply_led", "demand_led", "segmented"),
}
DECISION_IDS: tuple[str, ...] = tuple(DECISION_OPTIONS)

# DOMAIN.md speaks of fifteen elements and lists fourteen ids; the fifteenth is the q2
# advice to concentrate newcomers with one or a few specialised client managers, which
# the handreiking gives as its own step (and the profile asks as `specialised_caseload`).
ELEMENT_SECTIONS: dict[str, str] = {
    "dual-from-start": "q1",
    "client-manager-involvement": "q2",
    "concentrated-caseload": "q2",
    "specialised-coach": "q3",
    "breakthrough-budget": "q3",
    "chain-coordination": "q3",
    "flexible-intensity": "q3",
    "motivation-mindset": "q3",
    "realistic-goals": "q3",
    "experience-experts": "q3",
    "practice-language-support": "q4",
    "pre-teaching": "q4",
    "labour-market-orientation": "q5",
    "broad-placement-offer": "q5",
    "aftercare": "q5",
}
ELEMENT_IDS: tuple[str, ...] = tuple(ELEMENT_SECTIONS)

EXAMPLE_MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    "group-trainings": ("Vijfheerenlanden", "Gorinchem", "Molenlanden"),
    "individual-placement": ("Lochem", "Brummen"),
    "breakthrough-budget-dordrecht": ("Dordrecht",),
    "case-consultation": ("Roermond",),
    "conversation-classes": ("Hoeksche Waard",),
    "workplace-language-coach": ("Lochem", "Brummen"),
    "presenting-in-dutch": ("Tilburg",),
    "thematic-curriculum": ("Tilburg",),
    "sector-practice-lessons": ("Hengelo",),
}
EXAMPLE_IDS: tuple[str, ...] = tuple(EXAMPLE_MUNICIPALITIES)

Priority = Literal["essential", "recommended", "consider"]
PRIORITY_ORDER: dict[str, int] = {"essential": 0, "recommended": 1, "consider": 2}
Strength = Literal["strong", "moderate", "weak"]

Partner = Literal[
    "language_provider",
    "reintegration_company",
    "social_work_company",
    "vocational_college",
    "employer_service_point",
    "volunteer_organisations",
    "social_support",
]
PARTNERS: tuple[str, ...] = Partner.__args__  # type: ignore[attr-defined]

_STRICT = ConfigDict(extra="forbid")

# The three learning routes of the Wet inburgering 2021 (issue 12; answers since issue 23).
RouteId = Literal["b1", "onderwijs", "z"]
ROUTE_IDS: tuple[str, ...] = ("b1", "onderwijs", "z")


class RouteShares(BaseModel):
    """How the yearly intake divides over the three learning routes, in percent."""

    model_config = _STRICT

    b1: float = Field(ge=0, le=100)
    onderwijs: float = Field(ge=0, le=100)
    z: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _adds_up(self) -> RouteShares:
        total = self.b1 + self.onderwijs + self.z
        if abs(total - 100) > 0.5:
            raise ValueError(
                f"de verdeling over de leerroutes telt op tot {dutch_number(total)} procent; "
                "samen moet dat 100 procent zijn"
            )
        return self




class Profile(BaseModel):
    """The answers of one municipality. Every field has a default: a partial profile is valid."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: SchemaVersion = SCHEMA_VERSION
    municipality: UserText = Field("", max_length=100)
    annual_intake: int = Field(30, ge=0, le=10000)
    level_mix: Literal["similar", "mixed"] = "mixed"
    sector_mix: Literal["similar", "diverse"] = "diverse"
    recent_arrivals: Literal["most", "some", "few"] = "most"
    care_duties: Literal["many", "some", "few"] = "some"
    health_barriers: Literal["many", "some", "few"] = "some"
    own_capacity: Literal["low", "medium", "high"] = "medium"
    specialised_caseload: bool = False
    regional_cooperation: Literal["none", "possible", "existing"] = "none"
    regional_intake: int = Field(0, ge=0, le=100000)
    partners: list[Partner] = Field(default_factory=list, max_length=len(PARTNERS))
    language_providers: int = Field(2, ge=1, le=50)
    flexible_budget: bool = False
    childcare_available: bool = False
    experience_experts: bool = False
    employer_network: Literal["weak", "moderate", "strong"] = "moderate"
    min_group_size: int = Field(8, ge=2, le=40)
    max_wait_months: int = Field(3, ge=1, le=24)
    # Issue 23: the intake's composition, asked once (vraag 2) and read by the rules and the costs.
    # None: not filled in yet (no public national split the keuzehulp could check).
    route_shares: RouteShares | None = None
    family_migrant_share: int | None = Field(None, ge=0, le=100)

    # --- harden (issue 15): hostile values read the way a person means them ---------------
    @field_validator("*", mode="before")
    @classmethod
    def _no_yes_no_for_a_number(cls, value: object, info: ValidationInfo) -> object:
        # pydantic reads true as 1; in a number field that is a mistake, not an intake of 1.
        if isinstance(value, bool) and cls.model_fields[info.field_name].annotation is int:
            raise ValueError(f"hier hoort een heel getal, niet {'true' if value else 'false'}.")
        return value
    @model_validator(mode="after")
    def _partners_as_a_set(self) -> Profile:
        # Partners are a set: once each, always in the contract's order, so the same partners
        # picked in another order are the same answers (no "gewijzigd", no "≠ Verschilt").
        ordered = [p for p in PARTNERS if p in self.partners]
        if ordered != self.partners:
            object.__setattr__(self, "partners", ordered)
        return self


PROFILE_FIELDS: tuple[str, ...] = tuple(Profile.model_fields)
# schema_version says which contract a file follows; it is no answer. No question asks it and
# no condition, flip, link, comparison or report row names it: the one place that says so.
ANSWER_FIELDS: tuple[str, ...] = tuple(f for f in PROFILE_FIELDS if f != "schema_version")
# The answers rule conditions and flips may name: all but the free text of the municipality.
CONDITION_FIELDS: tuple[str, ...] = tuple(f for f in ANSWER_FIELDS if f != "municipality")


class Flip(BaseModel):
    """One single-field change that would change a decision's choice."""

    model_config = _STRICT

    field: str
    value: JsonValue
    choice: str
    text: str


Basis = Literal["handreiking", "bron", "aanname"]
DecisionBasis = Literal["handreiking", "aanname", "gemengd"]


class Reason(BaseModel):
    """One reason and whose word it is (DOMAIN.md, "Provenance of every reason").

    basis `handreiking`: `passage` is verbatim in the handreiking; `bron`: `sources` names a
    knowledge page of another public source (address and date on that page); `aanname`: the
    keuzehulp's own judgement, `assumption` is its id in knowledge/assumptions.yaml.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)  # shared between advices (engine._reason)

    text: str
    basis: Basis
    passage: str | None = None
    sources: list[str] = Field(default_factory=list)
    assumption: str | None = None
    rule: str = ""

    def __str__(self) -> str:  # a consumer that only wants the sentence gets the sentence
        return self.text


class DecisionAdvice(BaseModel):
    model_config = _STRICT

    choice: str
    strength: Strength
    basis: DecisionBasis = "gemengd"  # from the reasons that decided it
    reasons_for: list[Reason] = Field(default_factory=list)
    reasons_against: list[Reason] = Field(default_factory=list)
    flips: list[Flip] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)


class ElementAdvice(BaseModel):
    model_config = _STRICT

    id: str
    priority: Priority
    reasons: list[Reason] = Field(default_factory=list)
    # An instruction is a sentence; an action that also states a fact is a Reason (with basis).
    actions: list[str | Reason] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)


class GroupFormation(BaseModel):
    """The transparent estimate behind training_format (extension of the contract)."""

    model_config = _STRICT

    intake_per_year: int  # own intake, plus the partners' when cooperation exists
    level_groups: int  # how many language levels the intake is spread over
    sector_groups: int  # vocational directions (1 when alike); splits only sector-specific schooling
    per_group_per_year: float  # newcomers per year who fit one (general, per-level) group
    months_to_fill: float | None  # None when nobody fits a group (no intake)
    min_group_size: int
    max_wait_months: int
    regional: bool  # whether the partners' intake was counted
    text: str  # the estimate as one Dutch sentence
    # How the advice on training format depends on the group size and the wait ("Bij een groep
    # van zes in plaats van acht ..."; issue 23). Empty in files from before.
    dependence: str = ""


class Advice(BaseModel):
    model_config = _STRICT

    schema_version: Literal[2] = ADVICE_SCHEMA_VERSION
    profile: Profile
    decisions: dict[DecisionId, DecisionAdvice]
    elements: list[ElementAdvice]
    group_formation: GroupFormation | None = None
    rules_version: str = ""
    # The date of the rules' last change (rules/_version.yaml): "versie van de regels" in words.
    rules_date: date | None = None


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
