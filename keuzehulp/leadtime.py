"""How long a newcomer waits: housing -> brede intake -> PIP -> first lesson -> first
participation step -> end of the three-year term (issue 12).

Months from the day the newcomer is housed (registered in the municipality). Legal norms are
constants with their source; every other step is an amount the team sets (texts/costs.yaml):
- the term: three years from the day after the PIP (Wet inburgering 2021, art. 11;
  knowledge/sources/wet-inburgering-2021-artikel-11.md);
- the PIP: within ten weeks of registration (nt2.nl; knowledge/facts/doorlooptijd.md).
The wait for a training group is the group model's own estimate (groups.months_to_fill).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from keuzehulp.contract.schema import Profile
from keuzehulp.dutch.numbers import dutch_number
from keuzehulp.rules import groups

WEEKS_PER_MONTH = 52 / 12
TERM_MONTHS = 36  # Wet inburgering 2021, artikel 11, eerste lid
PIP_NORM_WEEKS = 10  # nt2.nl: PIP binnen tien weken na inschrijving
TERM_SOURCE = "knowledge/sources/wet-inburgering-2021-artikel-11.md"
PIP_SOURCE = "knowledge/facts/doorlooptijd.md"
ROUTE_PHASE_LABELS = {"b1": "B1-route: taalles", "onderwijs": "Onderwijsroute: taalschakeltraject",
                      "z": "Z-route: taal en participatie"}


@dataclass(frozen=True)
class Phase:
    key: str
    label: str
    start: float  # months after housing
    end: float


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    month: float


@dataclass(frozen=True)
class Timeline:
    phases: list[Phase]
    milestones: list[Milestone]
    group_wait: float | None  # months until a training group is full; None: no group training
    term_end: float
    route_end: dict[str, float]
    warnings: list[str] = field(default_factory=list)

    def milestone(self, key: str) -> float:
        return next(m.month for m in self.milestones if m.key == key)


def months(weeks: float) -> float:
    return weeks / WEEKS_PER_MONTH


def _m(value: float) -> str:
    """Months as a Dutch reader says them: 'ongeveer 14 maanden'."""
    n = round(value)
    return "minder dan een maand" if n < 1 else f"ongeveer {n} {'maand' if n == 1 else 'maanden'}"


def timeline(profile: Profile, amounts: Mapping[str, float], training_format: str) -> Timeline:
    a = amounts
    warnings: list[str] = []
    intake = months(a["weeks_to_intake"])
    pip = months(a["weeks_to_pip"])
    if pip < intake:
        warnings.append("U vult in dat het PIP klaar is vóór de brede intake begint. De keuzehulp "
                        "rekent daarom met een PIP direct bij de start van de intake.")
        pip = intake
    if a["weeks_to_pip"] > PIP_NORM_WEEKS:
        warnings.append(f"Het PIP komt na {dutch_number(a['weeks_to_pip'])} weken: later dan de tien weken "
                        "na inschrijving die de regels noemen.")
    first_lesson = pip + months(a["weeks_to_first_lesson"])
    group_wait: float | None = None
    training_start = first_lesson
    if training_format == "group":
        wait = groups.months_to_fill(groups.counted_intake(profile), profile)
        group_wait = math.inf if wait is None else wait
        training_start = pip + group_wait
        if wait is None:
            warnings.append("Zonder instroom raakt een groep nooit vol: de training in een groep begint "
                            "niet, en daarmee ook de stap naar participatie niet.")
        elif wait > profile.max_wait_months:
            warnings.append(f"De trainingsgroep is pas na {_m(wait)} vol; u vindt hoogstens "
                            f"{dutch_number(profile.max_wait_months)} maanden wachten acceptabel.")
    participation = max(first_lesson, training_start) + a["months_to_placement"]
    term_end = pip + TERM_MONTHS

    route_end = {
        "b1": first_lesson + months(a["language_hours_b1"] / a["hours_per_week_b1"]),
        "onderwijs": first_lesson + months(a["language_hours_onderwijs"] / a["hours_per_week_onderwijs"]),
        # Z-route: half of the weekly hours are language (from the first lesson), half are
        # participation (from the first participation step): assumption kosten-tempo-z.
        "z": max(first_lesson + months(a["language_hours_z"] / (a["hours_per_week_z"] / 2)),
                 participation + months(a["participation_hours_z"] / (a["hours_per_week_z"] / 2))),
    }
    if math.isinf(participation):
        route_end["z"] = math.inf
    elif participation > term_end:
        warnings.append(f"De eerste stap naar participatie valt na {_m(participation - pip)} na het PIP: "
                        "na het einde van de termijn van drie jaar.")
    for route, end in route_end.items():
        if end > term_end:
            warnings.append(_late_text(route, end, term_end, a, group_wait))

    phases = [
        Phase("wait_intake", "Wachten op de brede intake", 0.0, intake),
        Phase("intake", "Brede intake en PIP", intake, pip),
        Phase("wait_lesson", "Wachten op de eerste taalles", pip, first_lesson),
    ]
    if group_wait is not None:
        phases.append(Phase("group_wait", "Wachten tot de trainingsgroep vol is", pip, training_start))
    phases.append(Phase("to_participation", "Tot de eerste stap naar participatie", first_lesson, participation))
    phases.extend(Phase(f"route_{r}", ROUTE_PHASE_LABELS[r], first_lesson, route_end[r]) for r in route_end)
    phases.append(Phase("term", "Termijn van drie jaar (vanaf het PIP)", pip, term_end))
    milestones = [
        Milestone("housing", "Huisvesting in de gemeente", 0.0),
        Milestone("intake", "Start brede intake", intake),
        Milestone("pip", "PIP vastgesteld", pip),
        Milestone("first_lesson", "Eerste taalles", first_lesson),
        Milestone("participation", "Eerste stap naar participatie", participation),
        Milestone("term_end", "Einde termijn", term_end),
    ]
    return Timeline(phases, milestones, group_wait, term_end, route_end, warnings)


def _late_text(route: str, end: float, term_end: float, a: Mapping[str, float], group_wait: float | None) -> str:
    if math.isinf(end):
        return "Z-route: zonder eerste stap naar participatie worden de 800 uur participatie nooit gehaald."
    late = _m(end - term_end)
    if route == "z":
        why = " (de participatie-uren beginnen pas na de groep)" if group_wait else ""
        return (f"Z-route: de {dutch_number(a['language_hours_z'] + a['participation_hours_z'])} uur taal en "
                f"participatie zijn pas {late} na het einde van de termijn klaar{why}.")
    if route == "b1":
        return (f"B1-route: bij {dutch_number(a['hours_per_week_b1'])} uur per week zijn de "
                f"{dutch_number(a['language_hours_b1'])} uur taalles pas {late} na het einde van de termijn "
                "klaar: het examen valt dan buiten de termijn.")
    return (f"Onderwijsroute: het taalschakeltraject is pas {late} na het einde van de termijn klaar.")
