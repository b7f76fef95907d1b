"""PDF with fpdf2 (pure Python): A4, DejaVu Sans for every Dutch character, page numbers,
headings with bookmarks, real tables. A question starts on a new page unless most of the
page is still free (short questions such as q1 would otherwise leave empty pages).

The font ships with the package (keuzehulp/report/fonts/, Bitstream Vera licence), so the
PDF looks the same on a Windows laptop as on a Debian server; see docs/REPORTS.md. Characters
DejaVu lacks: Ethiopic from a bundled Noto subset, the rest a visible "[teken]" (pdftext.py).
"""

from __future__ import annotations

from datetime import datetime, time

from fpdf.enums import XPos, YPos

from keuzehulp.costs import view as cv
from keuzehulp.dutch.dates import LOCAL_TIME
from keuzehulp.knowledge.provenance import texts as basis_texts
from keuzehulp.report.pdfdoc import (  # noqa: F401
    BLUE,
    FALLBACK_FAMILY,
    FALLBACK_FILE,
    FAMILY,
    FONT_DIRS,
    FONT_FILES,
    GREY,
    NB_ALIAS,
    FontMissingError,
    _measurer,
    _Pdf,
    font_paths,
    text_width,
)

from .model import DecisionPart, ElementPart, QuestionPart, Report


def _decision(pdf: _Pdf, d: DecisionPart, r: Report) -> None:
    t = r.texts
    pdf.heading(d.title, 2)
    pdf.para(d.choice, label=t.advice_label)
    pdf.para(d.strength, label=t.strength_label)
    pdf.labelled_reasons(t.reasons_for_label, d.reasons_for)
    pdf.labelled_reasons(t.reasons_against_label, d.reasons_against)
    pdf.labelled_list(t.flips_label, d.flips or [t.no_flips])
    if d.examples:
        pdf.para("; ".join(d.examples), label=t.decision_examples_label)
    if d.sources:
        pdf.para("; ".join(d.sources), label=t.decision_sources_label)
    if d.votes is not None:  # the room's votes: apart from the advice and the team's choice
        pdf.para(d.votes.summary, label=t.votes_label)
        pdf.para(d.votes.spread, indent=3)
        if d.votes.split:
            pdf.para(t.votes_split, indent=3)
        pdf.labelled_list(t.votes_reasons_label, d.votes.reasons)
    # The team's own choice beside a gold bar, so it never reads as the tool's advice.
    if pdf.will_page_break(16):
        pdf.add_page()
    y, page = pdf.get_y(), pdf.page
    pdf.ln(1)
    pdf.para(d.team.choice or t.team_undecided, label=t.team_label, muted=not d.team.choice, indent=3)
    if d.team.differs:
        pdf.para(t.team_differs, muted=True, indent=3)
    for i, line in enumerate(d.team.reason):
        pdf.para(line, label=t.team_reason_label if i == 0 else "", indent=3)
    _team_bar(pdf, y, page)
    pdf.ln(2)


def _team_bar(pdf: _Pdf, y: float, page: int | None = None, x: float = 0) -> None:
    """A gold bar left of the team's own input (from y down), on the current page."""
    if page is not None and page != pdf.page:
        y = pdf.t_margin  # a long text ran onto a new page: mark at least its last part
    if pdf.get_y() > y:
        pdf.set_draw_color(176, 141, 60)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin + x + 0.5, y + 0.5, pdf.l_margin + x + 0.5, pdf.get_y() - 1)


def _element(pdf: _Pdf, e: ElementPart, r: Report) -> None:
    if pdf.will_page_break(22):
        pdf.add_page()
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(6, 5, "☐")
    pdf.multi_cell(pdf.epw - 6, 5, f"{e.title} ({e.priority})", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    if e.votes:
        pdf.para(e.votes, indent=6)
    for label, items in ((r.texts.element_reasons_label, e.reasons), (r.texts.element_actions_label, e.actions)):
        if not items:
            continue
        if pdf.will_page_break(5 + pdf.reason_height(items[0], 8)):
            pdf.add_page()  # "Waarom:" / "Wat kunt u doen:" stays with its first item
        pdf.set_x(pdf.l_margin + 6)
        pdf.set_font(FAMILY, "B", 10)
        pdf.cell(0, 5, f"{label}:", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.reasons(items, indent=8, mark="–")
    if e.team_action:
        a, t = e.team_action, r.texts
        extra = " · ".join(f"{label}: {value}" for label, value in
                           ((t.action_owner_label, a.owner), (t.action_due_label, a.due)) if value)
        y, page = pdf.get_y(), pdf.page
        pdf.para(" · ".join(x for x in (a.action, extra) if x), label=t.team_action_label, indent=9)
        _team_bar(pdf, y, page, x=6)
    pdf.ln(1.5)


def _new_part(pdf: _Pdf) -> None:
    """A question starts on a new page unless most of this page is still free."""
    if pdf.will_page_break(pdf.eph * 0.45):
        pdf.add_page()
    else:
        pdf.ln(8)


def _question(pdf: _Pdf, q: QuestionPart, r: Report) -> None:
    """One question in Bijlage A: group estimate, element checklist, the team's notes."""
    t = r.texts
    pdf.heading(q.heading, 2)
    if q.group_formation:
        pdf.heading(t.group_formation_heading, 3)
        pdf.para(t.group_formation_intro)
        pdf.para(q.group_formation)
    if q.elements:
        pdf.heading(t.elements_heading, 3)
        for e in q.elements:
            _element(pdf, e, r)
    if q.notes:
        pdf.heading(t.notes_heading, 3)
        y, page = pdf.get_y(), pdf.page
        for note in q.notes:
            if pdf.will_page_break(7):
                _team_bar(pdf, y, page)
                pdf.add_page()
                y, page = pdf.get_y(), pdf.page
            pdf.para(note, indent=3)
        _team_bar(pdf, y, page)


def _choices(pdf: _Pdf, r: Report) -> None:
    """Main body after page 1: every decision explained."""
    t = r.texts
    pdf.heading(t.choices_heading, 1)
    pdf.para(t.choices_intro)
    for d in r.decisions:
        _decision(pdf, d, r)


def _elements_annex(pdf: _Pdf, r: Report) -> None:
    t = r.texts
    pdf.add_page()  # the appendices start on a page of their own
    pdf.heading(t.appendices_heading, 0)
    pdf.para(t.appendices_intro)
    pdf.heading(r.annex("elements"), 1)
    pdf.para(t.elements_annex_intro)
    for q in r.questions:
        if q.elements or q.group_formation or q.notes:
            _question(pdf, q, r)


def _decision_points(pdf: _Pdf, r: Report) -> None:
    """Page 1: per decision advice, team choice and reason (≠ where they differ); the actions."""
    t = r.texts
    pdf.heading(t.decisions_heading, 1)
    pdf.para(t.decisions_intro)
    pdf.grid(t.decisions_columns, r.decision_rows())
    pdf.heading(t.actions_heading, 2)
    if r.actions:
        pdf.grid(t.actions_columns, r.action_rows())
    else:
        pdf.para(t.no_actions)
    pdf.heading(t.participants_heading, 2)
    if r.participants:
        pdf.grid(t.participants_columns, r.participants, keep=8 * (len(r.participants) + 1))
    else:
        pdf.para(t.no_participants)
    if r.workshop:
        pdf.heading(t.votes_heading, 2)
        for line in r.workshop:
            pdf.para(line)


def _costs(pdf: _Pdf, r: Report) -> None:
    """Kosten en doorlooptijd (issue 12)."""
    c = r.costs
    assert c is not None
    _new_part(pdf)
    pdf.heading(r.annex("costs"), 1)
    pdf.para(cv.REPORT_INTRO)
    pdf.heading(cv.COST_HEADING, 2)
    for line in (c.headline, c.volumes, c.training):
        if line:
            pdf.para(line)
    if c.money_table is not None:  # per funding stream first: what the headline speaks of (issue 23)
        pdf.heading(cv.MONEY_HEADING, 2)
        pdf.grid(c.money_table.header, c.money_table.rows, keep=6 * len(c.money_table.rows) + 12)
        pdf.heading(cv.COMPONENTS_HEADING, 2)
    pdf.grid(c.cost_table.header, c.cost_table.rows, keep=6 * len(c.cost_table.rows) + 12)
    if c.drivers:
        pdf.heading(cv.DRIVERS_HEADING, 2)
        pdf.bullets(c.drivers)
    pdf.heading(cv.TIMELINE_HEADING, 2)
    pdf.para(c.timeline_headline)
    if c.warnings:
        pdf.bullets([f"Let op: {w}" for w in c.warnings])
    pdf.grid(c.timeline_table.header, c.timeline_table.rows, keep=6 * len(c.timeline_table.rows) + 12)
    pdf.heading(cv.AMOUNTS_HEADING, 2)
    pdf.para(c.note)
    pdf.grid(c.amounts_table.header, c.amounts_table.rows)


def _procurement(pdf: _Pdf, r: Report) -> None:
    """Bouwstenen voor de inkoop (issue 26): the price check and every block with its basis."""
    p = r.procurement
    assert p is not None
    _new_part(pdf)
    pdf.heading(r.annex("procurement"), 1)
    for line in p.intro:
        pdf.para(line)
    pdf.bullets(p.price_lines)
    for title, rows in p.groups:
        pdf.heading(title, 2)
        if title in p.buying:
            pdf.para(p.buying[title])
        pdf.grid(p.columns, rows)


def _comparison(pdf: _Pdf, r: Report) -> None:
    t = r.texts
    _new_part(pdf)
    if pdf.will_page_break(16 * len(r.scenario_table) + 30):
        pdf.add_page()  # heading, intro and comparison table together
    pdf.heading(r.annex("scenarios"), 1)
    pdf.para(t.scenarios_intro)
    pdf.grid(r.scenario_table[0], r.scenario_table[1:], keep=16 * len(r.scenario_table))
    for s in r.scenarios:
        pdf.heading(t.scenario_heading.format(name=s.name), 2)
        pdf.labelled_list(t.scenario_differences_label, s.differences)
        if not s.differences:
            pdf.para(t.scenario_no_differences)
        pdf.labelled_list(t.advice_label, s.choices)
        pdf.para(s.group_formation)
        pdf.labelled_list(t.scenario_essential_label, s.essential)


def _back(pdf: _Pdf, r: Report) -> None:
    """Appendices: the answers, the pilot examples, the sources, the abbreviations; then the colophon."""
    t = r.texts
    _new_part(pdf)
    pdf.heading(r.annex("profile"), 1)
    pdf.grid(t.profile_columns, r.profile)
    pdf.heading(r.annex("examples"), 1)
    if r.examples:
        pdf.para(t.examples_intro)
        pdf.bullets([f"{x.title} ({', '.join(x.municipalities)}): {'; '.join(x.relates_to)}"
                     for x in r.examples])
    else:
        pdf.para(t.no_examples)
    if r.assumptions:
        bt = basis_texts()
        pdf.heading(r.annex("assumptions"), 1)
        pdf.para(bt.assumptions_intro)
        for a in r.assumptions:
            pdf.label(f"{a.title} ({a.id})", keep=20, assumption=a.id)
            pdf.para(a.says, label=bt.assumption_says_label, indent=2)
            if a.why:
                pdf.para(a.why, label=bt.assumption_why_label, indent=2)
            if a.numbers:
                pdf.para("; ".join(a.numbers), label=bt.assumption_numbers_label, indent=2)
            pdf.para("; ".join(a.changed_by), label=bt.assumption_changed_by_label, indent=2)
            if a.rules:
                pdf.para(", ".join(a.rules), label=bt.assumption_used_by_label, indent=2, muted=True)
    pdf.heading(r.annex("sources"), 1)
    pdf.para(t.sources_intro)
    for group in r.sources:
        if group.heading:
            pdf.label(group.heading)
        for s in group.items:
            text = s.title
            pdf.bullets([text])
            if s.details:
                pdf.bullets(s.details, indent=6, mark="–")
    if r.abbreviations:
        pdf.heading(r.annex("abbreviations"), 1)
        pdf.para(t.abbreviations_intro)
        pdf.grid(t.abbreviations_columns, r.abbreviations)
    pdf.heading(t.colophon_heading, 2)
    pdf.para(r.colophon, muted=True)


def render_pdf(r: Report) -> bytes:
    t = r.texts
    pdf = _Pdf(r)
    pdf.set_title(r.title)
    pdf.set_lang("nl-NL")
    pdf.set_author(t.tool_name)
    pdf.set_creator(t.tool_name)
    pdf.set_subject(t.title)
    pdf.set_keywords(t.metadata_keywords.format(rules_date=r.rules_date, rules_version=r.rules_version))
    pdf.set_creation_date(datetime.combine(r.date, time(12), tzinfo=LOCAL_TIME))
    pdf.add_page()
    pdf.heading(r.title, 0)
    pdf.para(t.date_line.format(date=r.date_text), muted=True)
    if r.scenario:
        pdf.label(r.scenario)
    if r.costs is not None and r.costs.summary:
        pdf.para(r.costs.summary, label=t.costs_line_label)
    if r.procurement is not None:
        pdf.para(r.procurement_line(), label=r.procurement.label)
    _decision_points(pdf, r)
    pdf.add_page()
    pdf.heading(t.reading_guide_heading, 1)
    for paragraph in r.reading_guide:
        pdf.para(paragraph)
    _choices(pdf, r)
    _elements_annex(pdf, r)
    if r.costs is not None:
        _costs(pdf, r)
    if r.procurement is not None:
        _procurement(pdf, r)
    if r.scenario_table:
        _comparison(pdf, r)
    _back(pdf, r)
    return bytes(pdf.output())
