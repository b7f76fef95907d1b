"""The public contract (see DOMAIN.md): Profile in, Advice out, and the saved Session.

Every model forbids unknown keys, so a typo in a saved session or a CLI profile is reported
instead of silently ignored. Extend with new optional fields; never rename or drop one.

One import for the whole contract, split by concept: ids.py (ids and shared types), answers.py
(Profile), advice.py (Advice and reasons), session.py (Session, team, workshop, costs).
"""

from __future__ import annotations

from keuzehulp.contract.advice import (  # noqa: F401
    Advice,
    Basis,
    DecisionAdvice,
    DecisionBasis,
    ElementAdvice,
    Flip,
    GroupFormation,
    Reason,
)
from keuzehulp.contract.answers import (  # noqa: F401
    ANSWER_FIELDS,
    CONDITION_FIELDS,
    PROFILE_FIELDS,
    Profile,
    RouteShares,
)
from keuzehulp.contract.ids import (  # noqa: F401
    _STRICT,
    ADVICE_SCHEMA_VERSION,
    DECISION_IDS,
    DECISION_OPTIONS,
    ELEMENT_IDS,
    ELEMENT_SECTIONS,
    EXAMPLE_IDS,
    EXAMPLE_MUNICIPALITIES,
    PARTNERS,
    PRIORITY_ORDER,
    ROUTE_IDS,
    SCHEMA_VERSION,
    SECTION_IDS,
    DecisionId,
    Partner,
    Priority,
    RouteId,
    SchemaVersion,
    SectionId,
    StepId,
    Strength,
    UserText,
)
from keuzehulp.contract.session import (  # noqa: F401
    MAX_WORKSHOP_COUNT,
    MIGRATION_NOTE_ROUTES,
    CostSettings,
    Participant,
    QuestionVotes,
    Scenario,
    Session,
    TeamAction,
    TeamDecision,
    TeamInput,
    TrainingFormat,
    VoteCount,
    VoteReason,
    WorkshopVotes,
    _short,
    migrated_route_shares,
)
