"""Word: real heading styles, real tables and list styles, so a team can edit the summary and
paste it into its own beleidsnotitie template. python-docx escapes XML; the report model has
already removed the control characters that XML 1.0 forbids.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from keuzehulp.costs import view as cv
from keuzehulp.knowledge.provenance import texts as basis_texts
from keuzehulp.report.docxparts import (  # noqa: F401
    _AFTER_PBDR,
    CELL_PADDING_MM,
    LANGUAGE,
    MARGIN_MM,
    TABLE_PT,
    TEXT_WIDTH_MM,
    _basis_run,
    _field,
    _footer,
    _labelled,
    _language,
    _list,
    _measure,
    _reasons,
    _team_bar,
    assumption_bookmark,
    bookmark,
    word_table,
)

from .docxrows import docx_bytes
from .model import DecisionPart, ElementPart, QuestionPart, Report


def _decision(doc: DocxDocument, d: DecisionPart, r: Report) -> None:
    t = r.texts
    doc.add_heading(d.title, level=3)
    _labelled(doc, t.advice_label, d.choice)
    _labelled(doc, t.strength_label, d.strength)
    _reasons(doc, t.reasons_for_label, d.reasons_for)
    _reasons(doc, t.reasons_against_label, d.reasons_against)
    _list(doc, t.flips_label, d.flips or [t.no_flips])
    if d.examples:
        _labelled(doc, t.decision_examples_label, "; ".join(d.examples))
    if d.sources:
        _labelled(doc, t.decision_sources_label, "; ".join(d.sources))
    if d.votes is not None:  # the room's votes: apart from the advice and the team's choice
        _labelled(doc, t.votes_label, d.votes.summary)
        doc.add_paragraph(d.votes.spread)
        if d.votes.split:
            doc.add_paragraph().add_run(t.votes_split).bold = True
        _list(doc, t.votes_reasons_label, d.votes.reasons)
    team = [_labelled(doc, t.team_label, d.team.choice or t.team_undecided, italic=not d.team.choice)]
    if d.team.differs:
        team.append(doc.add_paragraph())
        team[-1].add_run(t.team_differs).italic = True
    if d.team.reason:
        team.append(_labelled(doc, t.team_reason_label, d.team.reason[0]))
        team += [doc.add_paragraph(line) for line in d.team.reason[1:]]
    for paragraph in team:
        _team_bar(paragraph)


def _element(doc: DocxDocument, e: ElementPart, r: Report) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    p.add_run(f"☐ {e.title}").bold = True
    p.add_run(f" ({e.priority})")
    if e.votes:
        p.add_run(f" · {e.votes}")
    for label_text, items in ((r.texts.element_reasons_label, e.reasons),
                              (r.texts.element_actions_label, e.actions)):
        if not items:
            continue
        label = doc.add_paragraph()  # "Waarom:" / "Wat kunt u doen:", kept with its first item
        label.paragraph_format.left_indent = Mm(6)
        label.paragraph_format.keep_with_next = True
        label.add_run(f"{label_text}:").italic = True
        _reasons(doc, "", items, style="List Bullet 2")
    if e.team_action:
        a, t = e.team_action, r.texts
        p = doc.add_paragraph()
        p.add_run(f"{t.team_action_label}: ").bold = True
        p.add_run(a.action)
        for label, value in ((t.action_owner_label, a.owner), (t.action_due_label, a.due)):
            if value:
                p.add_run(f" · {label}: {value}")
        _team_bar(p)


def _question(doc: DocxDocument, q: QuestionPart, r: Report) -> None:
    """One question in Bijlage A: group estimate, element checklist, the team's notes."""
    t = r.texts
    doc.add_heading(q.heading, level=3)
    if q.group_formation:
        doc.add_heading(t.group_formation_heading, level=4)
        doc.add_paragraph(t.group_formation_intro)
        doc.add_paragraph(q.group_formation)
    if q.elements:
        doc.add_heading(t.elements_heading, level=4)
        for e in q.elements:
            _element(doc, e, r)
    if q.notes:
        doc.add_heading(t.notes_heading, level=4)
        for note in q.notes:
            _team_bar(doc.add_paragraph(note))


def _choices(doc: DocxDocument, r: Report) -> None:
    """Main body after page 1: every decision explained."""
    t = r.texts
    doc.add_heading(t.choices_heading, level=2)
    doc.add_paragraph(t.choices_intro)
    for d in r.decisions:
        _decision(doc, d, r)


def _elements_annex(doc: DocxDocument, r: Report) -> None:
    t = r.texts
    doc.add_heading(t.appendices_heading, level=1)
    doc.add_paragraph(t.appendices_intro)
    doc.add_heading(r.annex("elements"), level=2)
    doc.add_paragraph(t.elements_annex_intro)
    for q in r.questions:
        if q.elements or q.group_formation or q.notes:
            _question(doc, q, r)


def _decision_points(doc: DocxDocument, r: Report) -> None:
    """Page 1: per decision advice, team choice and reason (≠ where they differ); the actions."""
    t = r.texts
    doc.add_heading(t.decisions_heading, level=2)
    doc.add_paragraph(t.decisions_intro)
    word_table(doc, t.decisions_columns, r.decision_rows())
    doc.add_heading(t.actions_heading, level=3)
    if r.actions:
        word_table(doc, t.actions_columns, r.action_rows())
    else:
        doc.add_paragraph(t.no_actions)
    doc.add_heading(t.participants_heading, level=3)
    if r.participants:
        word_table(doc, t.participants_columns, r.participants)
    else:
        doc.add_paragraph(t.no_participants)
    if r.workshop:
        doc.add_heading(t.votes_heading, level=3)
        for line in r.workshop:
            doc.add_paragraph(line)


def _comparison(doc: DocxDocument, r: Report) -> None:
    t = r.texts
    doc.add_heading(r.annex("scenarios"), level=2)
    doc.add_paragraph(t.scenarios_intro)
    word_table(doc, r.scenario_table[0], r.scenario_table[1:])
    for s in r.scenarios:
        doc.add_heading(t.scenario_heading.format(name=s.name), level=3)
        _list(doc, t.scenario_differences_label, s.differences)
        if not s.differences:
            doc.add_paragraph(t.scenario_no_differences)
        _list(doc, t.advice_label, s.choices)
        doc.add_paragraph(s.group_formation)
        _list(doc, t.scenario_essential_label, s.essential)


def _costs(doc: DocxDocument, r: Report) -> None:
    """Kosten en doorlooptijd (issue 12)."""
    c = r.costs
    assert c is not None
    doc.add_heading(r.annex("costs"), level=2)
    doc.add_paragraph(cv.REPORT_INTRO)
    doc.add_heading(cv.COST_HEADING, level=3)
    for line in (c.headline, c.volumes, c.training):
        if line:
            doc.add_paragraph(line)
    if c.money_table is not None:  # per funding stream first: what the headline speaks of (issue 23)
        doc.add_heading(cv.MONEY_HEADING, level=3)
        word_table(doc, c.money_table.header, c.money_table.rows)
        doc.add_heading(cv.COMPONENTS_HEADING, level=3)
    word_table(doc, c.cost_table.header, c.cost_table.rows)
    if c.drivers:
        doc.add_heading(cv.DRIVERS_HEADING, level=3)
        for line in c.drivers:
            doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(cv.TIMELINE_HEADING, level=3)
    doc.add_paragraph(c.timeline_headline)
    for warning in c.warnings:
        doc.add_paragraph(f"Let op: {warning}", style="List Bullet")
    word_table(doc, c.timeline_table.header, c.timeline_table.rows)
    doc.add_heading(cv.AMOUNTS_HEADING, level=3)
    doc.add_paragraph(c.note)
    word_table(doc, c.amounts_table.header, c.amounts_table.rows)


def _procurement(doc: DocxDocument, r: Report) -> None:
    """Bouwstenen voor de inkoop (issue 26): the price check and every block with its basis."""
    p = r.procurement
    assert p is not None
    doc.add_heading(r.annex("procurement"), level=2)
    for line in p.intro:
        doc.add_paragraph(line)
    for line in p.price_lines:
        doc.add_paragraph(line, style="List Bullet")
    for title, rows in p.groups:
        doc.add_heading(title, level=3)
        if title in p.buying:
            doc.add_paragraph(p.buying[title])
        word_table(doc, p.columns, rows)


def _back(doc: DocxDocument, r: Report) -> None:
    """Appendices: the answers, the pilot examples, the sources, the abbreviations; then the colophon."""
    t = r.texts
    doc.add_heading(r.annex("profile"), level=2)
    word_table(doc, t.profile_columns, r.profile)
    doc.add_heading(r.annex("examples"), level=2)
    if r.examples:
        doc.add_paragraph(t.examples_intro)
        for x in r.examples:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(x.title).bold = True
            p.add_run(f" ({', '.join(x.municipalities)}): {'; '.join(x.relates_to)}")
    else:
        doc.add_paragraph(t.no_examples)
    if r.assumptions:
        bt = basis_texts()
        doc.add_heading(r.annex("assumptions"), level=2)
        doc.add_paragraph(bt.assumptions_intro)
        for a in r.assumptions:
            bookmark(doc.add_heading(f"{a.title} ({a.id})", level=3), assumption_bookmark(a.id))
            _labelled(doc, bt.assumption_says_label, a.says)
            if a.why:
                _labelled(doc, bt.assumption_why_label, a.why)
            if a.numbers:
                _labelled(doc, bt.assumption_numbers_label, "; ".join(a.numbers))
            _labelled(doc, bt.assumption_changed_by_label, "; ".join(a.changed_by))
            if a.rules:
                _labelled(doc, bt.assumption_used_by_label, ", ".join(a.rules))
    doc.add_heading(r.annex("sources"), level=2)
    doc.add_paragraph(t.sources_intro)
    for group in r.sources:
        if group.heading:
            doc.add_paragraph().add_run(group.heading).bold = True
        for s in group.items:
            text = s.title
            doc.add_paragraph(text, style="List Bullet")
            for detail in s.details:
                doc.add_paragraph(detail, style="List Bullet 2")
    if r.abbreviations:
        doc.add_heading(r.annex("abbreviations"), level=2)
        doc.add_paragraph(t.abbreviations_intro)
        word_table(doc, t.abbreviations_columns, r.abbreviations)
    doc.add_heading(t.colophon_heading, level=3)
    doc.add_paragraph(r.colophon).runs[0].italic = True


def _scenario_and_costs(doc: DocxDocument, r: Report) -> None:
    """Page 1 under the title: the scenario, and costs and lead time in one line (issue 24)."""
    if r.scenario:
        doc.add_paragraph().add_run(r.scenario).bold = True
    if r.costs is not None and r.costs.summary:
        _labelled(doc, r.texts.costs_line_label, r.costs.summary)
    if r.procurement is not None:
        _labelled(doc, r.procurement.label, r.procurement_line())


def _page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(r: Report) -> bytes:
    t = r.texts
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    _language(doc)
    normal = doc.styles["Normal"].font
    normal.name = "Calibri"  # python-docx's template reads Cambria; a memo is set in a sans face
    normal.size = Pt(10)  # a memo's size: the main body stays within six pages
    props = doc.core_properties
    props.title = r.title
    props.subject = t.title
    props.author = t.tool_name
    props.language = LANGUAGE
    props.keywords = t.metadata_keywords.format(rules_date=r.rules_date, rules_version=r.rules_version)
    props.comments = t.metadata_comments.format(tool=t.tool_name)  # not python-docx's English default
    _footer(doc, r)

    doc.add_heading(r.title, level=1)
    doc.add_paragraph(t.date_line.format(date=r.date_text))
    _scenario_and_costs(doc, r)
    _decision_points(doc, r)
    _page_break(doc)
    doc.add_heading(t.reading_guide_heading, level=2)
    for paragraph in r.reading_guide:
        doc.add_paragraph(paragraph)
    _choices(doc, r)
    _page_break(doc)  # the appendices start on a page of their own
    _elements_annex(doc, r)
    if r.costs is not None:
        _costs(doc, r)
    if r.procurement is not None:
        _procurement(doc, r)
    if r.scenario_table:
        _comparison(doc, r)
    _back(doc, r)

    return docx_bytes(doc)
