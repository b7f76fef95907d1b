"""The scenario comparison as Markdown and Word: same content, differences marked twice.

A differing row gets "≠ verschilt" in its own column and its values in bold (Word also shades
it), so the difference does not rest on colour alone. Scenario names, the municipality and the
team's words are user text: escaped in Markdown, cleaned of control characters in Word. The
wording is in texts/comparison.yaml; the formats are in the report registry (`FORMATS[...]
.compare`), beside the choice summary's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from keuzehulp.costs.view import compare_rows
from keuzehulp.dutch.dates import dutch_date
from keuzehulp.dutch.markdown import escape_markdown

from .as_md import table
from .docxrows import docx_bytes, keep_together, repeat_header
from .plain import clean, slug
from .texts import comparison_texts, texts

if TYPE_CHECKING:
    from keuzehulp.report.compare import Comparison

SHADE = "FFF2CC"  # light yellow behind a differing row in Word

Rows = list[tuple[list[str], bool]]  # (cells, differs); cells[0] is the row's title


COSTS_HEADING = "Kosten en doorlooptijd"
COSTS_INTRO = ("Met dezelfde bedragen voor elk scenario (pagina Kosten en doorlooptijd). Zonder verdeling over "
               "de leerroutes staan er streepjes bij de bedragen per jaar.")


@dataclass(frozen=True)
class Marks:
    """How a table says in words whether a row differs: its column head and the two marks."""

    column: str
    differs: str
    same: str


def file_marks() -> Marks:
    t = comparison_texts()
    return Marks(t.differs_column, t.differs, t.same)


def screen_marks() -> Marks:
    """The Vergelijken page's marks: 'differs' on an orange background (Streamlit Markdown)."""
    t = comparison_texts()
    return Marks(t.screen_differs_column, f":orange-background[**{t.screen_differs}**]", t.screen_same)


def marked_table(head: list[str], rows: Rows, marks: Marks, *, escape_values: bool = False,
                 bold: bool = True, esc: Callable[[str], str] | None = None) -> str:
    """A Markdown table with a last column that marks each differing row in words.

    `head` is escaped as user text; cells[0] is passed as is (the tool's own wording); the
    other cells are escaped when `escape_values`, and bold in a differing row when `bold`.
    `esc` replaces both escapes (the screen passes markdown.inert_markdown)."""
    body = []
    value_esc = esc or escape_markdown
    for cells, differs in rows:
        values = [value_esc(v) if escape_values else v for v in cells[1:]]
        if differs and bold:
            values = [f"**{v}**" for v in values]
        body.append([cells[0], *values, marks.differs if differs else marks.same])
    if esc is not None:
        return table([esc(h) for h in head] + [marks.column], body, first=str, rest=str, head=str)
    return table([*head, marks.column], body, first=str, rest=str)


def comparison_filename(comparison: Comparison, today: date, ext: str) -> str:
    """vergelijking-<slug>-<date>.<ext>; the slug is the municipality, else the scenario names."""
    t = comparison_texts()
    name = slug(comparison.municipality) or slug("-".join(comparison.names)) or t.file_fallback
    return f"{t.file_stem}-{name[:60].strip('-')}-{today.isoformat()}.{ext}"


def _title(comparison: Comparison) -> str:
    t = comparison_texts()
    if comparison.municipality.strip():
        return t.title_with_municipality.format(municipality=clean(comparison.municipality))
    return t.title


def _has_team(comparison: Comparison) -> bool:
    return any(d.team_choice for d in comparison.decisions)


def _team_reason(comparison: Comparison, decision: str) -> str:
    chosen = comparison.team.decisions.get(decision) if comparison.team else None  # type: ignore[call-overload]
    return chosen.reason if chosen and chosen.reason.strip() else ""


# --- rows shared by both formats: (cells, differs) ---------------------------------------------


def decision_rows(comparison: Comparison) -> Rows:
    return [([d.title, *[f"{c.choice_label} — {c.strength_label.lower()}" for c in d.cells]], d.differs)
            for d in comparison.decisions]


def element_rows(comparison: Comparison) -> Rows:
    return [([e.title, *e.priority_labels], e.differs) for e in comparison.elements]


def cost_rows(comparison: Comparison) -> Rows:
    """Costs and lead time per scenario (issue 12); a row differs when its figures do."""
    if not comparison.estimates:
        return []
    return [(row, len(set(row[1:])) > 1) for row in compare_rows(comparison.estimates)]


def field_rows(comparison: Comparison) -> Rows:
    return [([f.label, *[clean(v) for v in f.values]], True) for f in comparison.differing_fields]


# --- Markdown ----------------------------------------------------------------------------------


def comparison_markdown(comparison: Comparison, today: date | None = None) -> str:
    """The comparison as CommonMark with tables; user text escaped."""
    t = comparison_texts()
    marks = file_marks()
    names = [clean(n) for n in comparison.names]
    title = t.title
    if comparison.municipality.strip():
        title = t.title_with_municipality.format(municipality=escape_markdown(clean(comparison.municipality)))
    lines = [f"# {title}", ""]
    if today is not None:
        lines += [t.date_line.format(date=dutch_date(today)), ""]
    lines += [f"{t.compared} " + ", ".join(f"**{escape_markdown(n)}**" for n in names) + ".", "", t.intro, ""]
    lines += [f"## {t.decisions_heading}", "",
              marked_table([t.decision_column, *names], decision_rows(comparison), marks), ""]
    lines += [f"## {t.elements_heading}", "",
              marked_table([t.element_column, *names], element_rows(comparison), marks), ""]
    lines += [f"## {t.fields_heading}", ""]
    if comparison.differing_fields:
        # Answers can be user text (the municipality): escape every answer cell.
        lines += [marked_table([t.field_column, *names], field_rows(comparison), marks, escape_values=True), ""]
    else:
        lines += [t.no_field_differences, ""]
    if _has_team(comparison):
        lines += [f"## {t.team_heading}", "", t.team_intro, ""]
        for d in comparison.decisions:
            lines.append(f"- **{d.title}** {d.team_choice or t.team_undecided}")
            reason = _team_reason(comparison, d.id)
            if reason:
                lines.append(f"  {t.team_reason} {escape_markdown(clean(reason))}")
        lines.append("")
    if comparison.estimates:
        lines += [f"## {COSTS_HEADING}", "", COSTS_INTRO, "",
                  marked_table(["Kosten en doorlooptijd", *names], cost_rows(comparison), marks), ""]
    return "\n".join(lines)


def render_comparison_md(comparison: Comparison, today: date | None = None) -> bytes:
    return comparison_markdown(comparison, today).encode("utf-8")


# --- Word --------------------------------------------------------------------------------------


def _shade(cell, fill: str) -> None:  # type: ignore[no-untyped-def]
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _widths(doc, columns: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The table across the whole text width (portrait or landscape): the first column (the
    question or element) 30 percent, 'Verschilt' narrow, the scenarios share the rest."""
    section = doc.sections[-1]
    total = section.page_width - section.left_margin - section.right_margin
    first, last = int(total * 0.3), int(Cm(3))
    scenario = (total - first - last) // (columns - 2)
    return [first, *[scenario] * (columns - 2), last]


def _docx_table(doc, head: list[str], rows: Rows, marks: Marks) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=1, cols=len(head) + 1)
    table.style = "Table Grid"
    table.autofit = False
    widths = _widths(doc, len(head) + 1)
    for cell, text in zip(table.rows[0].cells, [*head, marks.column], strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(clean(text)).bold = True
        _shade(cell, "D9E2F3")
    repeat_header(table.rows[0])
    for cells, differs in rows:
        added = table.add_row()
        keep_together(added)
        row = added.cells
        for i, text in enumerate([*cells, marks.differs if differs else marks.same]):
            run = row[i].paragraphs[0].add_run(clean(text))
            run.bold = differs and i > 0
            if differs:
                _shade(row[i], SHADE)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width  # Word reads the cell widths, LibreOffice the grid


def comparison_docx(comparison: Comparison, today: date | None = None) -> bytes:
    """The comparison as a Word document with real headings and tables."""
    t = comparison_texts()
    marks = file_marks()
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    if len(comparison.names) >= 3:
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
    doc.core_properties.title = _title(comparison)
    doc.core_properties.language = "nl-NL"
    report_texts = texts()
    doc.core_properties.author = report_texts.tool_name
    doc.core_properties.comments = report_texts.metadata_comments.format(tool=report_texts.tool_name)
    names = [clean(n) for n in comparison.names]

    doc.add_heading(_title(comparison), level=0)
    if today is not None:
        doc.add_paragraph(t.date_line.format(date=dutch_date(today)))
    intro = doc.add_paragraph(f"{t.compared} ")
    for i, name in enumerate(names):
        intro.add_run(name).bold = True
        intro.add_run(", " if i < len(names) - 1 else ".")
    doc.add_paragraph(t.intro)

    doc.add_heading(t.decisions_heading, level=1)
    _docx_table(doc, [t.decision_column, *names], decision_rows(comparison), marks)
    doc.add_heading(t.elements_heading, level=1)
    _docx_table(doc, [t.element_column, *names], element_rows(comparison), marks)
    doc.add_heading(t.fields_heading, level=1)
    if comparison.differing_fields:
        _docx_table(doc, [t.field_column, *names], field_rows(comparison), marks)
    else:
        doc.add_paragraph(t.no_field_differences)
    if _has_team(comparison):
        doc.add_heading(t.team_heading, level=1)
        doc.add_paragraph(t.team_intro)
        for d in comparison.decisions:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(f"{d.title} ").bold = True
            item.add_run(d.team_choice or t.team_undecided)
            reason = _team_reason(comparison, d.id)
            if reason:
                item.add_run(f" — {t.team_reason} {clean(reason)}")
    if comparison.estimates:
        doc.add_heading(COSTS_HEADING, level=1)
        doc.add_paragraph(COSTS_INTRO)
        _docx_table(doc, ["Kosten en doorlooptijd", *names], cost_rows(comparison), marks)
    return docx_bytes(doc)
