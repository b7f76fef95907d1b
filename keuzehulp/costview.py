"""The cost model and lead time in Dutch words and tables: one phrasing for the page, the
slides, the comparison and every download (issue 12). Plain strings only; each output escapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from keuzehulp.contract.costdata import GROUPS, cost_data, format_amount
from keuzehulp.contract.schema import ROUTE_IDS, CostSettings
from keuzehulp.costs.estimate import Estimate
from keuzehulp.costs.leadtime import Timeline
from keuzehulp.costs.model import COMPONENTS, ROUTE_LABELS, STREAMS, CostResult
from keuzehulp.dutch.numbers import DASH, dutch_number, euro
from keuzehulp.knowledge.assumptions import base_register

FORMAT_LABELS = {"group": "training in een groep", "shared_purchase": "ingekochte training (samen met andere gemeenten)",
                 "individual": "individuele training"}
BASIS_LABELS = {"bron": "Openbare bron", "aanname": "Aanname van de keuzehulp", "team": "In te vullen door het team"}


def months_text(value: float) -> str:
    if math.isinf(value):
        return "nooit"
    n = round(value)
    return "minder dan een maand" if n < 1 else f"{n} {'maand' if n == 1 else 'maanden'}"


def gap_word(gap: float) -> str:
    return "Tekort" if gap > 0.5 else ("Overschot" if gap < -0.5 else "Verschil")


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


def cost_table(result: CostResult) -> Table:
    """Cost per component: per trajectory for each route, and per year when shares are known."""
    header = ["Onderdeel", *(f"{ROUTE_LABELS[r]}, per traject" for r in ROUTE_IDS)]
    if result.complete:
        header.append("Per jaar")
    rows = []
    for key, label in COMPONENTS.items():
        cells = [euro(result.per_route[r].components.get(key)) for r in ROUTE_IDS]
        if key == "breakthrough":
            cells = [DASH] * len(ROUTE_IDS)
            if not result.complete:
                continue
        row = [label, *cells]
        if result.complete:
            row.append(euro(result.per_year[key]))  # type: ignore[index]
        rows.append(row)
    total = ["Totaal kosten", *(euro(result.per_route[r].total) for r in ROUTE_IDS)]
    money = ["Bijdrage van het Rijk", *(euro(result.per_route[r].contribution) for r in ROUTE_IDS)]
    gap = ["Verschil (kosten min bijdrage)", *(euro(result.per_route[r].gap) for r in ROUTE_IDS)]
    if result.complete:
        total.append(euro(result.total_year))
        money.append(euro(result.money_year))
        gap.append(euro(result.gap_year))
    return Table(header, [*rows, total, money, gap])


def money_table(result: CostResult) -> Table | None:
    if not result.complete:
        return None
    rows = [[STREAMS[k], euro(v)] for k, v in result.money_in.items()]  # type: ignore[union-attr]
    rows.append(["Totaal", euro(result.money_year)])
    return Table(["Geld van het Rijk", "Per jaar"], rows)


def volumes_line(result: CostResult) -> str:
    if not result.complete:
        return ""
    parts = [f"{ROUTE_LABELS[r]} {dutch_number(round(result.volumes[r], 1))}" for r in ROUTE_IDS]  # type: ignore[index]
    return f"Trajecten per jaar bij {dutch_number(result.intake)} inburgeraars: " + ", ".join(parts) + "."


def headline(result: CostResult) -> str:
    if not result.complete:
        per = ", ".join(f"{ROUTE_LABELS[r]} {euro(result.per_route[r].total)}" for r in ROUTE_IDS)
        return (f"Kosten per traject: {per}. Vul de verdeling over de leerroutes in om de kosten "
                "per jaar en het verschil met de bijdrage van het Rijk te zien.")
    text = (f"Dit ontwerp kost {euro(result.total_year)} per jaar"
            + (f", gemiddeld {euro(result.per_trajectory)} per traject" if result.per_trajectory else "")
            + f". Van het Rijk komt {euro(result.money_year)} per jaar binnen.")
    gap = result.gap_year or 0.0
    if gap > 0.5:
        text += f" Het tekort is {euro(gap)} per jaar."
    elif gap < -0.5:
        text += f" Er blijft {euro(-gap)} per jaar over."
    else:
        text += " Kosten en bijdrage zijn gelijk."
    return text


def driver_lines(result: CostResult) -> list[str]:
    specs = cost_data().amounts
    lines = []
    for d in result.drivers:
        direction = "groter" if d.change > 0 else "kleiner"
        lines.append(f"Is “{specs[d.field].label}” 10 % hoger, dan wordt het verschil "
                     f"{euro(abs(d.change))} per jaar {direction}.")
    return lines


def training_line(estimate: Estimate) -> str:
    from keuzehulp.costs.estimate import FORMAT_SOURCES

    fmt = FORMAT_LABELS[estimate.training_format]
    extra = ""
    if estimate.training_format == "group":
        extra = f"; een groep van {estimate.costs.group_size} deelt de kosten van de groep"
    return f"Training en scholing: {fmt} ({FORMAT_SOURCES[estimate.format_source]}){extra}."


def timeline_table(timeline: Timeline) -> Table:
    rows = [[m.label, months_text(m.month) if m.key != "housing" else "start"] for m in timeline.milestones]
    if timeline.group_wait is not None:
        rows.insert(3, ["Trainingsgroep vol", months_text(timeline.milestone("pip") + timeline.group_wait)])
    for route in ROUTE_IDS:
        rows.append([f"{ROUTE_LABELS[route]}: uren klaar", months_text(timeline.route_end[route])])
    return Table(["Stap", "Maanden na huisvesting"], rows)


def timeline_headline(timeline: Timeline) -> str:
    lesson = timeline.milestone("first_lesson")
    participation = timeline.milestone("participation")
    return (f"De eerste taalles begint {months_text(lesson)} na de huisvesting, de eerste stap naar "
            f"participatie na {months_text(participation)}. De termijn van drie jaar loopt tot "
            f"{months_text(timeline.term_end)} na de huisvesting.").replace("na nooit", "nooit")


def default_count(settings: CostSettings) -> tuple[int, int]:
    """(assumed amounts still at their starting value, all amounts with an assumed default)."""
    specs = cost_data().amounts
    assumed = [n for n, s in specs.items() if s.basis == "aanname"]
    return sum(1 for n in assumed if n not in settings.amounts), len(assumed)


def amounts_table(settings: CostSettings, source_titles: dict[str, str] | None = None) -> Table:
    """Every amount with its value and whose word it is (for the downloads' appendix)."""
    data = cost_data()
    rows = []
    for group, group_label in GROUPS.items():
        for name, spec in data.amounts.items():
            if spec.group != group:
                continue
            value = settings.amounts.get(name, spec.default)
            if name in settings.amounts:
                basis = "Aangepast door het team"
            elif spec.basis == "bron":
                title = (source_titles or {}).get(spec.source or "", spec.source or "")
                basis = f"Bron: {title}"
            elif spec.basis == "aanname":
                basis = f"Aanname: {base_register().items[spec.assumption or ''].title}"
            else:
                basis = "Nog niet ingevuld door het team"
            rows.append([f"{group_label}: {spec.label}", format_amount(value, spec.unit), basis])
    return Table(["Bedrag", "Waarde", "Herkomst"], rows)


# --- For the downloads (report model) and the comparison -----------------------------------

REPORT_HEADING = "Kosten en doorlooptijd"
REPORT_INTRO = ("Wat het ontwerp kost per traject en per jaar, naast het geld van het Rijk, en hoe lang een "
                "inburgeraar wacht van huisvesting tot de eerste les en de eerste stap naar participatie. "
                "Berekend met de bedragen hieronder; de herkomst van elk bedrag staat in de laatste tabel.")
COST_HEADING = "Kosten"
MONEY_HEADING = "Geld van het Rijk"
DRIVERS_HEADING = "Wat bepaalt het verschil het meest?"
TIMELINE_HEADING = "Doorlooptijd"
AMOUNTS_HEADING = "Bedragen en hun herkomst"


@dataclass(frozen=True)
class CostsSection:
    """Everything the downloads show of the cost model and lead time, as plain Dutch text."""

    headline: str
    volumes: str
    training: str
    cost_table: Table
    money_table: Table | None
    drivers: list[str]
    timeline_headline: str
    timeline_table: Table
    warnings: list[str]
    amounts_table: Table
    note: str


def costs_section(est: Estimate, settings: CostSettings, source_titles: dict[str, str] | None = None) -> CostsSection:
    result = est.costs
    left, total = default_count(settings)
    note = (f"{left} van de {total} bedragen met een aanname als startwaarde staan nog op die startwaarde. "
            "Het bedrag per traject van het Rijk is een gemiddelde over de drie leerroutes, geen bedrag per route.")
    return CostsSection(headline(result), volumes_line(result), training_line(est), cost_table(result),
                        money_table(result), driver_lines(result), timeline_headline(est.timeline),
                        timeline_table(est.timeline), list(est.timeline.warnings),
                        amounts_table(settings, source_titles), note)


def compare_rows(estimates: list[Estimate]) -> list[list[str]]:
    """Rows for a side-by-side comparison (one column per scenario), without a header."""
    def row(label: str, fn) -> list[str]:  # type: ignore[no-untyped-def]
        return [label, *(fn(e) for e in estimates)]

    return [
        row("Kosten per jaar", lambda e: euro(e.costs.total_year)),
        row("Geld van het Rijk per jaar", lambda e: euro(e.costs.money_year)),
        row("Verschil per jaar (tekort +)", lambda e: euro(e.costs.gap_year)),
        row("Gemiddelde kosten per traject", lambda e: euro(e.costs.per_trajectory)),
        row("Training en scholing", lambda e: FORMAT_LABELS[e.training_format]),
        row("Eerste taalles (maanden na huisvesting)", lambda e: months_text(e.timeline.milestone("first_lesson"))),
        row("Eerste stap naar participatie", lambda e: months_text(e.timeline.milestone("participation"))),
        row("Waarschuwingen bij de doorlooptijd", lambda e: str(len(e.timeline.warnings))),
    ]
