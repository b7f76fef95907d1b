"""The Markdown summary of one reference municipality, from the real engine, against a golden file.

The golden changes whenever rules/, knowledge/ or the report wording change. Look at the diff,
then regenerate it deliberately with one command:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from keuzehulp.contract.schema import Participant, Profile, Scenario, Session, TeamDecision, TeamInput

from keuzehulp import advise
from keuzehulp.report import render

GOLDEN = Path(__file__).parent / "golden" / "reference.md"
TODAY = date(2026, 11, 27)


def reference_session() -> Session:
    """A small municipality without a region yet, as in the handreiking's Lochem/Brummen case."""
    profile = Profile(
        municipality="Lochem",
        annual_intake=14,
        partners=["language_provider", "social_work_company", "volunteer_organisations"],
        regional_cooperation="possible",
        regional_intake=25,
        flexible_budget=True,
    )
    return Session(
        profile=profile,
        scenarios=[Scenario(name="Samen met Brummen",
                            profile=profile.model_copy(update={"regional_cooperation": "existing"}))],
        team=TeamInput(
            participants=[Participant(name="Anouk de Vries", role="beleidsmedewerker inburgering")],
            decisions={"training_format": TeamDecision(choice="individual",
                                                        reason="Past bij onze lage instroom.")},
            notes={"q3": "Doorbraakbudget van € 10.000 voorleggen aan de wethouder."},
        ),
    )


def test_reference_summary_matches_the_golden_file() -> None:
    session = reference_session()
    # The rules' mark and date change with every edit of rules/ (comments too); the text counts here.
    advice = advise(session.profile).model_copy(update={"rules_version": "000000000000",
                                                        "rules_date": date(2026, 12, 1)})
    text = render("md", advice, session, TODAY).decode("utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert text == expected, (
        "The Markdown summary changed. If that is intended (new rules, wording), regenerate with "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py and review the diff."
    )
