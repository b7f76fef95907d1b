"""The cost model and lead time in Dutch words and tables: one phrasing for the page, the
slides, the comparison and every download (issue 12). Plain strings only; each output escapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from keuzehulp.contract.costdata import GROUPS, cost_data, format_amount, texts
from keuzehulp.contract.schema import ROUTE_IDS, CostSettings
from keuzehulp.costs.estimate import Estimate
from keuzehulp.costs.leadtime import Timeline
from keuzehulp.costs.model import (
    ROUTE_LABELS,
    CostResult,
    assumed_defaults,
    component_labels,
)
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
    """Cost per component and the stream that pays it: per trajectory of an asylum status holder
    for each route, and per year (everyone) when the route mix is known."""
    t = texts()
    streams = cost_data().streams
    specs = cost_data().components
    header = [t["component"], t["paid_by"], *(f"{ROUTE_LABELS[r]}, per traject" for r in ROUTE_IDS)]
    if result.complete:
        header.append(t["per_year"])
    rows = []
    for key, label in component_labels().items():
        cells = [euro(result.per_route[r].components.get(key)) for r in ROUTE_IDS]
        if key in ("breakthrough", "pvt"):  # a pot per year; the PVT of family migrants (below)
            cells = [DASH] * len(ROUTE_IDS)
            if not result.complete or not result.per_year[key]:  # type: ignore[index]
                continue
        spec = specs[key]
        paid = streams[spec.stream].short + "".join(
            f" ({ROUTE_LABELS[r].lower()}: {streams[s].short})" for r, s in spec.route_streams.items())
        row = [label, paid, *cells]
        if result.complete:
            row.append(euro(result.per_year[key]))  # type: ignore[index]
        rows.append(row)
    total = [t["total_cost"], "", *(euro(result.per_route[r].total) for r in ROUTE_IDS)]
    money = [t["rijk_per_trajectory"], t["both_spuks"], *(euro(result.per_route[r].contribution) for r in ROUTE_IDS)]
    gap = [t["difference_spuk_row"], "", *(euro(result.per_route[r].gap) for r in ROUTE_IDS)]
    if result.complete:
        total.append(euro(result.total_year))
        money.append(DASH)  # the yearly money is per stream (stream_table)
        gap.append(DASH)
    return Table(header, [*rows, total, money, gap])


def money_table(result: CostResult, short: bool = False) -> Table | None:
    """Per funding stream per year: what it pays, what comes in, the difference (issue 23).
    `short`: the streams' short names and no column of what each pays (a slide)."""
    if not result.complete:
        return None
    t = texts()
    streams = cost_data().streams
    labels = component_labels()
    if short:
        full = money_table(result)
        names = {spec.label: spec.short for spec in streams.values()}
        return Table([full.header[0], *full.header[2:]],  # type: ignore[union-attr]
                     [[names[row[0]], *row[2:]] for row in full.rows])  # type: ignore[union-attr]
    rows = []
    for key, part in result.streams.items():
        if not part.cost and not part.money and streams[key].team and not part.filled:
            continue
        money = euro(part.money) if part.filled else t["not_filled"]
        diff = part.difference
        diff_text = t["not_counted"] if diff is None else difference_text(diff)
        pays = ", ".join(lower_first(labels[c]) for c in part.components) or DASH
        rows.append([streams[key].label, pays, euro(part.cost), money, diff_text])
    return Table([t["stream"], t["pays"], t["cost_year"], t["money_year"], t["difference"]], rows)


def lower_first(label: str) -> str:
    """'Brede intake en PIP' -> 'brede intake en PIP'; 'MAP' and 'PVT voor ...' stay."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def difference_text(diff: float) -> str:
    if diff < -0.5:
        return f"{euro(-diff)} tekort"
    if diff > 0.5:
        return f"{euro(diff)} over"
    return "gelijk"


def volumes_line(result: CostResult) -> str:
    if not result.complete:
        return ""
    parts = [f"{ROUTE_LABELS[r]} {dutch_number(round(result.volumes[r], 1))}" for r in ROUTE_IDS]  # type: ignore[index]
    return f"Trajecten per jaar bij {dutch_number(result.intake)} inburgeraars: " + ", ".join(parts) + "."


def headline(result: CostResult) -> str:
    """What the design costs and what is counted, in words a wethouder cannot misread: one total
    "tekort" only when every stream that pays costs has its money filled in and most assumed
    amounts are the team's own (CostResult.gap_shown); otherwise per stream, and what is not yet."""
    t = texts()
    if not result.complete:
        per = ", ".join(f"{ROUTE_LABELS[r]} {euro(result.per_route[r].total)}" for r in ROUTE_IDS)
        return t["headline_no_shares"].format(per=per)
    streams = cost_data().streams
    parts = [t["headline_cost"].format(total=euro(result.total_year))]
    spuk = [result.streams[k] for k in ("spuk", "spuk_onderwijs") if result.streams[k].cost or result.streams[k].money]
    money = sum(p.money for p in spuk)
    cost = sum(p.cost for p in spuk)
    parts.append(t["headline_spuk"].format(cost=euro(cost), money=euro(money),
                                           difference=difference_text(money - cost)))
    open_streams = result.open_streams
    if open_streams:
        names = " en ".join(streams[k].named for k in open_streams)
        open_cost = sum(result.streams[k].cost for k in open_streams)
        parts.append(t["headline_open"].format(names=names, cost=euro(open_cost)))
    if result.mostly_defaults:
        parts.append(t["headline_defaults"].format(left=result.defaults_left, total=result.defaults_total))
    if result.family_share is None:
        parts.append(t["headline_family_unknown"])
    if result.gap_shown:
        gap = result.gap_year or 0.0
        parts.append(t["headline_total"].format(difference=difference_text(-gap)))
    else:
        parts.append(t["headline_no_total"])
    return " ".join(parts)


def slide_headline(result: CostResult) -> str:
    """The headline in short, for a slide read from the back of a room: the same figures and the
    same rule (one total only when CostResult.gap_shown)."""
    t = texts()
    if not result.complete:
        return headline(result)
    streams = cost_data().streams
    spuk = [result.streams[k] for k in ("spuk", "spuk_onderwijs")]
    parts = [t["slide_spuk"].format(difference=difference_text(sum(p.money - p.cost for p in spuk)))]
    if result.open_streams:
        names = " en ".join(streams[k].named for k in result.open_streams)
        parts.append(t["slide_open"].format(names=names[:1].upper() + names[1:],
                                            cost=euro(sum(result.streams[k].cost for k in result.open_streams))))
    if result.mostly_defaults:
        parts.append(t["slide_defaults"].format(left=result.defaults_left, total=result.defaults_total))
    if result.family_share is None:
        parts.append(t["slide_family_unknown"])
    if result.gap_shown:
        parts.append(t["headline_total"].format(difference=difference_text(-(result.gap_year or 0.0))))
    else:
        parts.append(t["slide_no_total"])
    return " ".join(parts)


def summary_line(estimate: Estimate) -> str:
    """Costs and lead time in one line, for page 1 of the choice summary (issue 24): the slide's
    short headline (the same figures and the same rule: one total only when CostResult.gap_shown)
    and the two moments a reader asks first."""
    result, tl = estimate.costs, estimate.timeline
    if result.complete:
        costs = slide_headline(result)
    else:
        costs = ("Kosten per traject: " + ", ".join(f"{ROUTE_LABELS[r]} {euro(result.per_route[r].total)}"
                                                    for r in ROUTE_IDS)
                 + " (per jaar: vul eerst bij vraag 2 de verdeling over de leerroutes in).")
    lesson, participation = tl.milestone("first_lesson"), tl.milestone("participation")
    return (f"{costs} Eerste taalles {months_text(lesson)} na de huisvesting, eerste stap naar "
            f"participatie na {months_text(participation)}.").replace("na nooit", "nooit")


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


def timeline_rows(timeline: Timeline) -> list[tuple[str, float]]:
    """Every step of the timeline with its month after housing, in time order (a step that never
    comes last). The training group's row says its wait in the advice's words (leadtime.py)."""
    steps = [(m.label, m.month) for m in timeline.milestones]
    steps.extend((f"{ROUTE_LABELS[route]}: uren klaar", timeline.route_end[route]) for route in ROUTE_IDS)
    return sorted(steps, key=lambda step: step[1])  # stable: equal months keep the milestones' order


def timeline_table(timeline: Timeline) -> Table:
    rows = [[label, months_text(month) if month > 0 else "start"] for label, month in timeline_rows(timeline)]
    return Table(["Stap", "Maanden na huisvesting"], rows)


def timeline_headline(timeline: Timeline) -> str:
    """The first steps in time order: the first participation step, at the PIP when the design is
    dual from the start, comes before or beside the first language lesson."""
    lesson = timeline.milestone("first_lesson")
    participation = timeline.milestone("participation")
    pip = timeline.milestone("pip")
    if participation <= pip + 1e-9:
        first = (f"Na de huisvesting komt de eerste stap naar participatie bij het PIP, na "
                 f"{months_text(participation)}; de eerste taalles na {months_text(lesson)}.")
    elif participation < lesson:
        first = (f"De eerste stap naar participatie komt {months_text(participation)} na de huisvesting, de "
                 f"eerste taalles na {months_text(lesson)}.")
    else:
        first = (f"De eerste taalles begint {months_text(lesson)} na de huisvesting, de eerste stap naar "
                 f"participatie na {months_text(participation)}.")
    return (f"{first} De termijn van drie jaar loopt tot {months_text(timeline.term_end)} na de "
            "huisvesting.").replace("na nooit", "nooit").replace("na minder dan", "binnen")


def default_count(settings: CostSettings) -> tuple[int, int]:
    """(assumed amounts still at their starting value, all amounts with an assumed default)."""
    return assumed_defaults(frozenset(settings.amounts))


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
MONEY_HEADING = "Per geldstroom: kosten, geld dat binnenkomt en verschil"
COMPONENTS_HEADING = "Per onderdeel: kosten en wie ze betaalt"
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
    summary: str = ""  # the one line on page 1 (summary_line)


def costs_section(est: Estimate, settings: CostSettings, source_titles: dict[str, str] | None = None) -> CostsSection:
    result = est.costs
    left, total = default_count(settings)
    note = (f"{left} van de {total} bedragen met een aanname als startwaarde staan nog op die startwaarde. "
            + texts()["note_rijk"])
    return CostsSection(headline(result), volumes_line(result), training_line(est), cost_table(result),
                        money_table(result), driver_lines(result), timeline_headline(est.timeline),
                        timeline_table(est.timeline), list(est.timeline.warnings),
                        amounts_table(settings, source_titles), note, summary_line(est))


def _spuk_difference(result: CostResult) -> str:
    if not result.complete:
        return DASH
    parts = [result.streams[k] for k in ("spuk", "spuk_onderwijs")]
    return difference_text(sum(p.money - p.cost for p in parts))


def compare_rows(estimates: list[Estimate]) -> list[list[str]]:
    """Rows for a side-by-side comparison (one column per scenario), without a header."""
    def row(label: str, fn) -> list[str]:  # type: ignore[no-untyped-def]
        return [label, *(fn(e) for e in estimates)]

    return [
        row("Kosten per jaar", lambda e: euro(e.costs.total_year)),
        row("Geld van het Rijk (twee SPUK's) per jaar",
            lambda e: euro(e.costs.money_in["spuk"] + e.costs.money_in["spuk_onderwijs"]) if e.costs.complete else DASH),
        row("Verschil bij de SPUK's per jaar", lambda e: _spuk_difference(e.costs)),
        row("Kosten zonder ingevuld budget (gemeentefonds, participatiebudget)",
            lambda e: euro(sum(e.costs.streams[k].cost for k in e.costs.open_streams)) if e.costs.complete else DASH),
        row("Verschil per jaar, alle geldstromen",
            lambda e: difference_text(-(e.costs.gap_year or 0.0)) if e.costs.gap_shown else texts()["not_yet"]),
        row("Gemiddelde kosten per traject", lambda e: euro(e.costs.per_trajectory)),
        row("Training en scholing", lambda e: FORMAT_LABELS[e.training_format]),
        row("Eerste taalles (maanden na huisvesting)", lambda e: months_text(e.timeline.milestone("first_lesson"))),
        row("Eerste stap naar participatie", lambda e: months_text(e.timeline.milestone("participation"))),
        row("Waarschuwingen bij de doorlooptijd", lambda e: str(len(e.timeline.warnings))),
    ]
