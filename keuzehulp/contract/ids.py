"""The contract's ids and shared types: schema versions, sections, decisions and their options,
elements, examples, priorities, partners, learning routes, and the user-text type every typed
field uses. Part of the public contract (keuzehulp/contract/schema.py re-exports it)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
)

from keuzehulp.dutch.markdown import strip_invisible

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

# DOMAIN.md ("Region"): the scale ids, smallest first, and the deelproduct ids. Here, below both
# the region's scale rules and the live workshop, because a regional workshop votes on them.
SCALE_IDS: tuple[str, ...] = ("lokaal", "subregionaal", "regionaal", "bovenregionaal", "geclusterd")
DEELPRODUCT_IDS: tuple[str, ...] = (
    "leerroute_b1", "leerroute_onderwijs", "leerroute_z", "map", "pvt",
    "maatschappelijke_begeleiding", "ontzorgen", "training", "participatieplaatsen",
    "werkgeversbenadering",
)
