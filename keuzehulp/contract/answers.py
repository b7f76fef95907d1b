"""The answers of one municipality: Profile (and the route mix it holds), with the field lists
conditions and reports read. Part of the public contract (schema.py re-exports it)."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from keuzehulp.contract.ids import (
    _STRICT,
    PARTNERS,
    SCHEMA_VERSION,
    Partner,
    SchemaVersion,
    UserText,
)
from keuzehulp.dutch.numbers import dutch_number


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
