"""build_report: Advice (+ the workshop's Session) -> the one Report every format renders."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from typing import Any

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    DECISION_IDS,
    ELEMENT_SECTIONS,
    EXAMPLE_IDS,
    EXAMPLE_MUNICIPALITIES,
    SECTION_IDS,
    Advice,
    CostSettings,
    Profile,
    Session,
)
from keuzehulp.costs import view as cv
from keuzehulp.costs.estimate import estimate as cost_estimate
from keuzehulp.costs.view import CostsSection, costs_section
from keuzehulp.dutch.dates import dutch_date, dutch_moment, local_today
from keuzehulp.knowledge.abbreviations import FirstUse
from keuzehulp.knowledge.provenance import strength_label
from keuzehulp.knowledge.provenance import texts as basis_texts
from keuzehulp.region.model import Region
from keuzehulp.rules.engine import advise
from keuzehulp.rules.groups import estimate

from ..workshop.tally import decision_agreement, element_comparisons, spread_line, value_names
from .basis import assumption_parts, reason_part
from .model import (
    ActionPart,
    DecisionPart,
    ElementPart,
    ExamplePart,
    QuestionPart,
    Report,
    ScenarioPart,
    TeamChoice,
    VotesPart,
)
from .plain import clean, lines
from .procurement_part import procurement_part
from .sources import build_sources, knowledge_or_none, readable
from .texts import ReportTexts, texts
from .typography import curly_all


def _example(example_id: str) -> str:
    places = ", ".join(EXAMPLE_MUNICIPALITIES.get(example_id, ()))
    title = labels().examples.get(example_id, example_id)
    return f"{title} ({places})" if places else title


def _profile_rows(profile: Profile, t: ReportTexts) -> list[tuple[str, str]]:
    rows = []
    for name in labels().answer_fields():
        value = getattr(profile, name)
        if name == "municipality":
            shown = clean(value) or t.not_filled_in
        else:
            shown = labels().value(name, value)
        rows.append((labels().field(name), shown))
    return rows


def _group_text(advice: Advice) -> str:
    formation = advice.group_formation or estimate(advice.profile)
    return clean(f"{formation.text} {formation.dependence}".strip())


def _votes(session: Session | None, decision: str) -> VotesPart | None:
    """The room's votes on one decision, when this session ran a live workshop."""
    votes = session.workshop if session is not None else None
    if votes is None:
        return None
    question = f"decision:{decision}"
    agree = decision_agreement(votes, decision)
    names = value_names(question)
    reasons = []
    for r in votes.questions[question].reasons if question in votes.questions else []:
        who = f" ({clean(r.author)})" if clean(r.author) else ""
        reasons.append(f"{names.get(r.value, r.value)}: {clean(r.text)}{who}")
    summary = f"{agree.sentence} ({agree.label})" if agree.total else agree.label
    return VotesPart(summary=summary, spread=spread_line(votes, question), split=agree.split,
                     reasons=reasons)


def _element_votes(session: Session | None, advice: Advice) -> dict[str, str]:
    if session is None or session.workshop is None or session.workshop.element_mode != "priority":
        return {}
    return {c.element: c.sentence.partition(" · ")[0] for c in element_comparisons(session.workshop, advice)}


def _workshop_lines(session: Session | None, advice: Advice, t: ReportTexts) -> list[str]:
    """The 'Stemming in de workshop' paragraph: who voted, when, and the top 5 if asked."""
    votes = session.workshop if session is not None else None
    if votes is None:
        return []
    when = dutch_moment(votes.taken_at) if votes.taken_at else "-"  # Dutch local time, no "UTC"
    out = [t.votes_about.format(participants=votes.participants, time=when)]
    if votes.closed:
        out.append(t.votes_closed)
    if votes.element_mode == "top5":
        ranked = [c for c in element_comparisons(votes, advice) if c.agreement.top_count]
        items = "; ".join(f"{c.title} ({c.agreement.top_count})" for c in ranked[:5]) or "-"
        out.append(t.votes_top5.format(items=items))
    return out


def _decision(advice: Advice, decision: str, session: Session | None, kb: Any) -> DecisionPart:
    d = advice.decisions[decision]
    lab = labels()
    team = session.team.decisions.get(decision) if session is not None else None  # type: ignore[call-overload]
    team_choice = lab.option(decision, team.choice) if team and team.choice else ""
    return DecisionPart(
        id=decision,
        title=lab.decisions[decision].title,
        choice=lab.option(decision, d.choice),
        strength=strength_label(d.strength, d.basis),
        reasons_for=[reason_part(r, kb) for r in d.reasons_for],
        reasons_against=[reason_part(r, kb) for r in d.reasons_against],
        flips=[clean(f.text) for f in d.flips],
        examples=[_example(e) for e in d.examples],
        sources=readable(d.sources, kb),
        team=TeamChoice(
            choice=team_choice,
            reason=lines(team.reason) if team else [],
            differs=bool(team and team.choice and team.choice != d.choice),
        ),
        votes=_votes(session, decision),
    )


def _team_action(session: Session | None, element: str) -> ActionPart | None:
    """The team's action for one element, cleaned; None when the team noted nothing."""
    if session is None:
        return None
    action = session.team.actions.get(element)
    if action is None or action.is_empty():
        return None
    return ActionPart(
        element=labels().elements.get(element, element),
        action=clean(action.action),
        owner=clean(action.owner),
        due=dutch_date(action.due) if action.due else "",
    )


def _questions(advice: Advice, session: Session | None, t: ReportTexts, kb: Any) -> list[QuestionPart]:
    lab = labels()
    notes = session.team.notes if session is not None else {}
    element_votes = _element_votes(session, advice)
    out = []
    for number, q in enumerate(SECTION_IDS, start=1):
        decisions = [
            _decision(advice, d, session, kb)
            for d in DECISION_IDS
            if lab.decisions[d].section == q and d in advice.decisions
        ]
        elements = [
            ElementPart(
                id=e.id,
                title=lab.elements.get(e.id, e.id),
                priority=lab.priorities[e.priority],
                reasons=[reason_part(r, kb, quote=False) for r in e.reasons],
                actions=[reason_part(a, kb, quote=False) for a in e.actions],
                team_action=_team_action(session, e.id),
                votes=element_votes.get(e.id, ""),
            )
            for e in advice.elements
            if ELEMENT_SECTIONS.get(e.id) == q
        ]
        with_groups = any(d.id == "training_format" for d in decisions)
        out.append(
            QuestionPart(
                id=q,
                heading=t.question_heading.format(number=number, title=lab.sections[q].title),
                decisions=decisions,
                group_formation=_group_text(advice) if with_groups else "",
                elements=elements,
                notes=lines(notes.get(q, "")),  # type: ignore[call-overload]
            )
        )
    return out


def _examples(advice: Advice) -> list[ExamplePart]:
    lab = labels()
    related: dict[str, list[str]] = {}
    for decision, d in advice.decisions.items():
        for e in d.examples:
            related.setdefault(e, []).append(lab.decisions[decision].title)
    for element in advice.elements:
        for e in element.examples:
            related.setdefault(e, []).append(lab.elements.get(element.id, element.id))
    return [
        ExamplePart(
            id=e,
            title=lab.examples.get(e, e),
            municipalities=list(EXAMPLE_MUNICIPALITIES.get(e, ())),
            relates_to=related[e],
        )
        for e in (*EXAMPLE_IDS, *sorted(set(related) - set(EXAMPLE_IDS)))
        if e in related
    ]


def _differences(base: Profile, other: Profile) -> list[str]:
    out = []
    for name in labels().answer_fields():
        a, b = getattr(base, name), getattr(other, name)
        if a == b:
            continue
        if name == "municipality":
            out.append(f"{labels().field(name)} {clean(a) or '–'} → {clean(b) or '–'}")
        else:
            out.append(f"{labels().field(name)} {labels().value(name, a)} → {labels().value(name, b)}")
    return out


def _scenarios(advice: Advice, session: Session | None) -> tuple[list[list[str]], list[ScenarioPart]]:
    if session is None or not session.scenarios:
        return [], []
    lab = labels()
    t = texts()
    parts, advices = [], []
    for scenario in session.scenarios:
        other = advise(scenario.profile)
        advices.append(other)
        parts.append(
            ScenarioPart(
                name=clean(scenario.name),
                differences=_differences(advice.profile, scenario.profile),
                choices=[
                    f"{lab.decisions[d].title} {lab.option(d, other.decisions[d].choice)} "
                    f"({strength_label(other.decisions[d].strength, other.decisions[d].basis)})"
                    for d in DECISION_IDS
                    if d in other.decisions
                ],
                group_formation=_group_text(other),
                essential=[lab.elements.get(e.id, e.id) for e in other.elements if e.priority == "essential"],
            )
        )
    # The scenario these answers are (the active one, unchanged) is named in the first column
    # and not repeated: "Dit overzicht" beside an identical "Alleen" said nothing.
    current = t.scenarios_current
    shown = list(range(len(parts)))
    for i, scenario in enumerate(session.scenarios):
        if scenario.name == session.active_scenario and scenario.profile == advice.profile:
            current = t.scenarios_current_named.format(name=parts[i].name)
            shown.remove(i)
            break
    header = [t.scenarios_columns_first, current, *[parts[i].name for i in shown]]
    rows = [
        [lab.decisions[d].title, lab.option(d, advice.decisions[d].choice),
         *[lab.option(d, advices[i].decisions[d].choice) for i in shown]]
        for d in DECISION_IDS
        if d in advice.decisions
    ]
    return [header, *rows], [parts[i] for i in shown]


def session_costs(advice: Advice, session: Session | None, kb: Any = None) -> CostsSection:
    """Costs and lead time of the active answers with the session's amounts (defaults without one)."""
    settings = session.costs if session is not None else CostSettings()
    team = session.team.decisions.get("training_format") if session is not None else None  # type: ignore[call-overload]
    est = cost_estimate(advice.profile, settings, advice.decisions["training_format"].choice,
                        team.choice if team else "")
    titles = {} if kb is None else {i.id: i.title for i in kb.items.values()}
    return costs_section(est, settings, titles)


def _strings(value: Any) -> Iterator[str]:
    """Every text of a report part, in field order (the source data and the texts file left out)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in ("advice", "session", "texts"):
                yield from _strings(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _abbreviations(report: Report) -> list[tuple[str, str]]:
    """Bijlage D: the abbreviations and jargon this report uses, with their meaning, A to Z."""
    first = FirstUse()
    for text in _strings(report):
        first.explain(text)
    return sorted(((t.term, t.meaning) for t in first.used()), key=lambda row: row[0].casefold())


# Report fields (at any depth) that hold what a user typed, or the source data: never retouched.
USER_TEXT = frozenset({"advice", "session", "texts", "Report.title", "municipality", "participants", "profile",
                       "team", "DecisionPart.votes", "team_action", "notes", "Report.actions", "name",
                       "differences", "scenario", "scenario_table"})


def _scenario_line(session: Session | None, advice: Advice, t: ReportTexts) -> str:
    """'Scenario: Met de regio' when these answers are a saved scenario (or were, before changes)."""
    if session is None or not session.active_scenario:
        return ""
    saved = next((s for s in session.scenarios if s.name == session.active_scenario), None)
    if saved is None:
        return ""
    template = t.scenario_line if saved.profile == advice.profile else t.scenario_changed
    return template.format(name=clean(saved.name))


def _annexes(report: Report) -> list[tuple[str, str]]:
    """The appendices present in this report, lettered A, B, C... in the order every format uses."""
    t = report.texts
    present = [
        ("elements", t.elements_annex_heading, True),
        ("costs", cv.REPORT_HEADING, report.costs is not None),
        ("procurement", report.procurement.title if report.procurement else "", report.procurement is not None),
        ("scenarios", t.scenarios_heading, bool(report.scenario_table)),
        ("profile", t.profile_heading, True),
        ("examples", t.examples_heading, True),
        ("assumptions", basis_texts().assumptions_heading, bool(report.assumptions)),
        ("sources", t.sources_heading, True),
        ("abbreviations", t.abbreviations_heading, bool(report.abbreviations)),
    ]
    shown = [(key, title) for key, title, here in present if here]
    return [(key, t.annex_heading.format(letter=chr(ord("A") + i), title=title))
            for i, (key, title) in enumerate(shown)]


def build_report(advice: Advice, session: Session | None = None, today: date | None = None,
                 region: Region | None = None) -> Report:
    """The choice summary's content, in Dutch, for one advice and (optionally) its session."""
    t = texts()
    today = today or local_today()  # the Dutch date, also just after midnight
    kb = knowledge_or_none()
    municipality = clean(advice.profile.municipality)
    title = t.title_with_municipality.format(municipality=municipality) if municipality else t.title
    participants = []
    if session is not None:
        for p in session.team.participants:
            name, role = clean(p.name), clean(p.role)
            if name or role:
                participants.append((name, role))
    table, scenarios = _scenarios(advice, session)
    rules_version = clean(advice.rules_version) or t.rules_version_unknown
    rules_date = dutch_date(advice.rules_date) if advice.rules_date else t.rules_version_unknown
    questions = _questions(advice, session, t, kb)
    bought = procurement_part(advice, session, kb, region)
    actions = [e.team_action for q in questions for e in q.elements if e.team_action is not None]
    report = Report(
        texts=t,
        title=title,
        municipality=municipality,
        date=today,
        date_text=dutch_date(today),
        reading_guide=list(t.reading_guide),
        participants=participants,
        profile=_profile_rows(advice.profile, t),
        questions=questions,
        examples=_examples(advice),
        scenario_table=table,
        scenarios=scenarios,
        sources=build_sources(advice, t, kb, also=bought.sources),
        assumptions=assumption_parts(),
        rules_version=rules_version,
        rules_date=rules_date,
        footer=t.footer.format(tool=t.tool_name, rules_date=rules_date, date=dutch_date(today)),
        advice=advice,
        session=session,
        actions=actions,
        colophon=t.colophon.format(tool=t.tool_name, date=dutch_date(today), rules_date=rules_date,
                                   rules_version=rules_version),
        workshop=_workshop_lines(session, advice, t),
        costs=session_costs(advice, session, kb),
        procurement=bought,
        scenario=_scenario_line(session, advice, t),
    )
    # One quote style in every format (issue 24): curly, in our wording, the knowledge and the
    # handreiking's quotes; what a user typed stays exactly as typed.
    report = curly_all(report, skip=USER_TEXT)
    report = dataclasses.replace(report, abbreviations=curly_all(_abbreviations(report)))
    return dataclasses.replace(report, annexes=_annexes(report))
