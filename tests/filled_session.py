"""A realistically filled-in workshop session, as a team leaves it after an afternoon: every
answer, the team's choice and reason per decision, an action for every essential element and a
few more, notes, participants, two saved scenarios and the room's votes (closed).

Shared by the download tests (tests/test_report_pages.py, tests/test_report_xlsx.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from keuzehulp.contract.schema import (
    CostSettings,
    Participant,
    Profile,
    RouteShares,
    Scenario,
    Session,
    TeamAction,
    TeamDecision,
    TeamInput,
)
from keuzehulp.rules.engine import advise
from keuzehulp.workshop import tally
from keuzehulp.workshop.tally import VoteRow

# 00:54 on 6 December in Amsterdam is 23:54 UTC on 5 December: the files must say 6 December.
TAKEN_AT = datetime(2026, 12, 5, 23, 54, tzinfo=UTC)

REGION = Profile(
    municipality="Lochem", annual_intake=45, level_mix="mixed", sector_mix="diverse",
    recent_arrivals="most", care_duties="some", health_barriers="some", own_capacity="medium",
    specialised_caseload=True, regional_cooperation="existing", regional_intake=160,
    partners=["language_provider", "reintegration_company", "vocational_college", "employer_service_point",
              "volunteer_organisations"],
    language_providers=3, flexible_budget=True, childcare_available=True, experience_experts=True,
    employer_network="strong", min_group_size=8, max_wait_months=3,
)
ALONE = REGION.model_copy(update={"regional_cooperation": "none", "regional_intake": 0})

REASONS = {
    "delivery": "De klantmanagers van Lochem kennen de inburgeraars en de werkgevers in de regio. "
                "Het taalaanbod kopen we in bij de taalaanbieders waarmee we al werken; "
                "de begeleiding naar werk doen we zelf met het Werkgeversservicepunt.",
    "training_format": "Samen met de regiogemeenten hebben we genoeg inburgeraars om groepen te vormen.\n"
                       "Wachten op een groep mag niet langer duren dan drie maanden; anders individueel.",
    "matching": "We beginnen bij wat de inburgeraar wil en kan. De Participatieverklaring en het "
                "Onderwijsroute-advies uit de brede intake zijn het vertrekpunt.",
}


def _actions(essential: list[str]) -> dict[str, TeamAction]:
    owners = ["Fatima El Amrani (klantmanager)", "Johan de Vries", "Team Participatie", "Wethouder Jansen"]
    texts = [
        "Participatieplaatsen en werkervaringsplekken inventariseren bij het Werkgeversservicepunt",
        "Onderwijsroute-intake afstemmen met het ROC en de taalaanbieders",
        "Ervaringsdeskundigen werven via VluchtelingenWerk en een vergoeding regelen",
        "Taalcoaches op de werkvloer trainen en per werkgever een vast aanspreekpunt afspreken",
        "Realistische doelen per leerroute vastleggen in het participatieplan (PIP)",
        "Nazorg na uitstroom: drie gesprekken in het eerste jaar inplannen",
    ]
    out = {}
    for i, element in enumerate([*essential, "aftercare"]):
        out[element] = TeamAction(action=texts[i % len(texts)], owner=owners[i % len(owners)],
                                  due=date(2027, 1 + i, 15))
    return out


def filled_session() -> Session:
    advice = advise(REGION)
    essential = [e.id for e in advice.elements if e.priority == "essential"]
    decisions = {
        "delivery": TeamDecision(choice="mixed", reason=REASONS["delivery"]),
        "training_format": TeamDecision(choice="group", reason=REASONS["training_format"]),
        "matching": TeamDecision(choice="demand_led", reason=REASONS["matching"]),
    }
    team = TeamInput(
        participants=[Participant(name=n, role=r) for n, r in (
            ("Fatima El Amrani", "Klantmanager inburgering"), ("Johan de Vries", "Beleidsadviseur"),
            ("Ingrid Bakker", "Teamleider Werk en Inkomen"), ("Ahmed Yusuf", "Ervaringsdeskundige"),
            ("Wethouder Jansen", "Portefeuillehouder"))],
        decisions=decisions,
        notes={"q1": "Startgesprek binnen twee weken na huisvesting.",
               "q2": "Regio-overleg in januari: afspraken over gezamenlijke groepen.\nBudget 2027 nog bevestigen.",
               "q5": "Werkgeversavond in maart organiseren."},
        actions=_actions(essential),
    )
    said = [("zo houden we grip op de begeleiding", "Ingrid"), ("taal kopen we beter in", ""),
            ("de klantmanagers kennen de werkgevers", "Fatima"), ("", ""), ("", ""), ("", "")]
    rows = [VoteRow("decision:delivery", "mixed", text, who) for text, who in said]
    rows += [VoteRow("decision:delivery", "in_house", "eigen mensen kennen de klanten", "")]
    rows += [VoteRow("decision:delivery", "in_house")] * 2
    rows += [VoteRow("decision:training_format", "group", "samen met de regio lukt het", "Johan")]
    rows += [VoteRow("decision:training_format", "group")] * 7 + [VoteRow("decision:training_format", "individual")]
    rows += [VoteRow("decision:matching", "demand_led", "werkgevers zoeken nu mensen", "Ahmed")]
    rows += [VoteRow("decision:matching", "demand_led")] * 4 + [VoteRow("decision:matching", "segmented")] * 4
    for element in essential:
        rows += [VoteRow(f"element:{element}", "essential")] * 6 + [VoteRow(f"element:{element}", "recommended")] * 3
    votes = tally.snapshot(rows, code="KM7R4XHC", secret="geheim", mode="priority", closed=True,
                           participants=9, now=TAKEN_AT)
    return Session(
        profile=REGION,
        scenarios=[Scenario(name="Met de regio", profile=REGION), Scenario(name="Alleen", profile=ALONE)],
        active_scenario="Met de regio",
        team=team,
        costs=CostSettings(route_shares=RouteShares(b1=55, onderwijs=15, z=30)),
        workshop=votes,
    )
