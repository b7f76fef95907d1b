"""Word: real heading styles, real tables and list styles, so a team can edit the summary and
paste it into its own beleidsnotitie template. python-docx escapes XML; the report model has
already removed the control characters that XML 1.0 forbids.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from keuzehulp.costs import view as cv
from keuzehulp.knowledge.provenance import texts as basis_texts

from .docxrows import keep_together, repeat_header
from .model import DecisionPart, ElementPart, QuestionPart, ReasonPart, Report

LANGUAGE = "nl-NL"
# The w:pPr children that come after w:pBdr in the OOXML schema (CT_PPrBase order).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _language(doc: DocxDocument) -> None:
    """Default proofing language Dutch, so Word checks the spelling in Dutch."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _footer(doc: DocxDocument, r: Report) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    paragraph.style.font.size = Pt(8)  # the style, so the page-number fields are 8 pt as well
    before, after = r.texts.page_label.split("{page}")
    middle, end = after.split("{pages}")
    paragraph.add_run(f"{r.footer} · {before}")
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(end)


def _labelled(doc: DocxDocument, label: str, text: str, italic: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(text).italic = italic
    return p


def _team_bar(paragraph: Paragraph) -> None:
    """A gold bar left of the team's own input, as in the PDF and HTML: never the tool's advice."""
    paragraph.paragraph_format.left_indent = Mm(4)
    paragraph.paragraph_format.space_after = Pt(2)
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", "B08D3C")):
        left.set(qn(key), value)
    borders.append(left)
    # Word rejects a file whose pPr children are out of schema order: insert pBdr in place.
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)


def _list(doc: DocxDocument, label: str, items: list[str]) -> None:
    if not items:
        return
    heading = doc.add_paragraph()
    heading.add_run(label).bold = True
    heading.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    for item in items:
        doc.add_paragraph(item, style="List Bullet")


def _basis_run(paragraph: Paragraph, line: str) -> None:
    """What a reason rests on, on its own line in the same list item: small, grey, italic."""
    if not line:
        return
    paragraph.add_run().add_break()
    run = paragraph.add_run(line)
    run.italic = True
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)


def _reasons(doc: DocxDocument, label: str, items: list[ReasonPart], style: str = "List Bullet") -> None:
    if not items:
        return
    if label:
        heading = doc.add_paragraph()
        heading.add_run(label).bold = True
        heading.paragraph_format.keep_with_next = True
    for item in items:
        p = doc.add_paragraph(item.text, style=style)
        _basis_run(p, item.basis_line)


def _table(doc: DocxDocument, header: list[str], rows: list[list[str]] | list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    repeat_header(table.rows[0])
    for row in rows:
        added = table.add_row()
        keep_together(added)
        cells = added.cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.add_paragraph()


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
    t = r.texts
    doc.add_heading(q.heading, level=2)
    for d in q.decisions:
        _decision(doc, d, r)
    if q.group_formation:
        doc.add_heading(t.group_formation_heading, level=3)
        doc.add_paragraph(t.group_formation_intro)
        doc.add_paragraph(q.group_formation)
    if q.elements:
        doc.add_heading(t.elements_heading, level=3)
        for e in q.elements:
            _element(doc, e, r)
    if q.notes:
        doc.add_heading(t.notes_heading, level=3)
        for note in q.notes:
            _team_bar(doc.add_paragraph(note))


def _decision_points(doc: DocxDocument, r: Report) -> None:
    """Page 1: per decision advice, team choice and reason (≠ where they differ); the actions."""
    t = r.texts
    doc.add_heading(t.decisions_heading, level=2)
    doc.add_paragraph(t.decisions_intro)
    _table(doc, t.decisions_columns, r.decision_rows())
    doc.add_heading(t.actions_heading, level=3)
    if r.actions:
        _table(doc, t.actions_columns, r.action_rows())
    else:
        doc.add_paragraph(t.no_actions)
    doc.add_heading(t.participants_heading, level=3)
    if r.participants:
        _table(doc, t.participants_columns, r.participants)
    else:
        doc.add_paragraph(t.no_participants)
    if r.workshop:
        doc.add_heading(t.votes_heading, level=3)
        for line in r.workshop:
            doc.add_paragraph(line)


def _comparison(doc: DocxDocument, r: Report) -> None:
    t = r.texts
    doc.add_heading(t.scenarios_heading, level=2)
    doc.add_paragraph(t.scenarios_intro)
    _table(doc, r.scenario_table[0], r.scenario_table[1:])
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
    doc.add_heading(cv.REPORT_HEADING, level=2)
    doc.add_paragraph(cv.REPORT_INTRO)
    doc.add_heading(cv.COST_HEADING, level=3)
    for line in (c.headline, c.volumes, c.training):
        if line:
            doc.add_paragraph(line)
    _table(doc, c.cost_table.header, c.cost_table.rows)
    if c.money_table is not None:
        doc.add_heading(cv.MONEY_HEADING, level=3)
        _table(doc, c.money_table.header, c.money_table.rows)
    if c.drivers:
        doc.add_heading(cv.DRIVERS_HEADING, level=3)
        for line in c.drivers:
            doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(cv.TIMELINE_HEADING, level=3)
    doc.add_paragraph(c.timeline_headline)
    for warning in c.warnings:
        doc.add_paragraph(f"Let op: {warning}", style="List Bullet")
    _table(doc, c.timeline_table.header, c.timeline_table.rows)
    doc.add_heading(cv.AMOUNTS_HEADING, level=3)
    doc.add_paragraph(c.note)
    _table(doc, c.amounts_table.header, c.amounts_table.rows)


def _back(doc: DocxDocument, r: Report) -> None:
    """Appendices: the answers, the pilot examples, the sources, the abbreviations; then the colophon."""
    t = r.texts
    doc.add_heading(t.profile_heading, level=2)
    _table(doc, t.profile_columns, r.profile)
    doc.add_heading(t.examples_heading, level=2)
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
        doc.add_heading(bt.assumptions_heading, level=2)
        doc.add_paragraph(bt.assumptions_intro)
        for a in r.assumptions:
            doc.add_heading(f"{a.title} ({a.id})", level=3)
            _labelled(doc, bt.assumption_says_label, a.says)
            if a.why:
                _labelled(doc, bt.assumption_why_label, a.why)
            if a.numbers:
                _labelled(doc, bt.assumption_numbers_label, "; ".join(a.numbers))
            _labelled(doc, bt.assumption_changed_by_label, "; ".join(a.changed_by))
            if a.rules:
                _labelled(doc, bt.assumption_used_by_label, ", ".join(a.rules))
    doc.add_heading(t.sources_heading, level=2)
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
        doc.add_heading(t.abbreviations_heading, level=2)
        doc.add_paragraph(t.abbreviations_intro)
        _table(doc, t.abbreviations_columns, r.abbreviations)
    doc.add_heading(t.colophon_heading, level=3)
    doc.add_paragraph(r.colophon).runs[0].italic = True


def _page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(r: Report) -> bytes:
    t = r.texts
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(22))
    _language(doc)
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
    _decision_points(doc, r)
    _page_break(doc)
    doc.add_heading(t.reading_guide_heading, level=2)
    for paragraph in r.reading_guide:
        doc.add_paragraph(paragraph)
    for q in r.questions:
        _question(doc, q, r)
    if r.costs is not None:
        _costs(doc, r)
    if r.scenario_table:
        _comparison(doc, r)
    _back(doc, r)

    out = BytesIO()
    doc.save(out)
    return out.getvalue()
