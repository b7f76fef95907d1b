"""The scenario comparison as PDF (issue 24), beside Word and Markdown: the same tables as
comparison.py's Word file, with the same marks ("≠ verschilt" in its own column and the values
in bold on a light yellow row, so a difference does not rest on colour alone), landscape from
three scenarios on. Column widths come from each table's words (layout.py); the font, the
page numbers and the footer are the choice summary's (as_pdf.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from fpdf.fonts import FontFace

from keuzehulp.dutch.dates import dutch_date

from .as_pdf import FAMILY, GREY, _Pdf
from .comparison import (
    COSTS_HEADING,
    COSTS_INTRO,
    Rows,
    _has_team,
    _team_reason,
    _title,
    cost_rows,
    decision_rows,
    element_rows,
    field_rows,
    file_marks,
)
from .layout import column_widths
from .plain import clean
from .texts import comparison_texts, texts
from .typography import curly

if TYPE_CHECKING:
    from keuzehulp.report.compare import Comparison

SHADE = (255, 242, 204)  # the Word file's FFF2CC behind a differing row
HEAD = (217, 226, 243)  # the Word file's D9E2F3 behind the header


@dataclass(frozen=True)
class _Footer:
    """What _Pdf's footer reads from a report: the footer line and the page label's wording."""

    texts: object
    footer: str


class _ComparisonPdf(_Pdf):
    def __init__(self, footer: str, landscape: bool) -> None:
        super().__init__(_Footer(texts(), footer), "L" if landscape else "P")  # type: ignore[arg-type]

    def marked_table(self, head: list[str], rows: Rows) -> None:
        """The comparison table: header repeated on each page, a differing row marked twice."""
        marks = file_marks()
        marks = type(marks)(marks.column, curly(marks.differs), curly(marks.same))
        header = [clean(h) for h in [*head, marks.column]]
        # our own words (the first column) in the summary's quote style; the answers as typed
        body = [([curly(clean(cells[0])), *(clean(c) for c in cells[1:])] + [marks.differs if differs else marks.same],
                 differs) for cells, differs in rows]
        self.set_font(FAMILY, "B", 9.5)
        widths = column_widths([header, *[cells for cells, _ in body]], self.epw, self.get_string_width, padding=3.5)
        self.set_font(FAMILY, "", 9.5)
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        heading = FontFace(emphasis="BOLD", fill_color=HEAD)
        marked = FontFace(emphasis="BOLD", fill_color=SHADE)
        shaded = FontFace(fill_color=SHADE)
        with self.table(col_widths=tuple(widths), text_align="LEFT", v_align="TOP", line_height=4.8,
                        headings_style=heading, padding=1.5, repeat_headings=1) as table:
            cells_row = table.row()
            for text in header:
                cells_row.cell(text)
            for cells, differs in body:
                row = table.row()
                for i, text in enumerate(cells):
                    row.cell(text, style=(marked if i > 0 else shaded) if differs else None)
        self.ln(3)


def comparison_pdf(comparison: Comparison, today: date | None = None) -> bytes:
    """The comparison as PDF: title, date, the scenarios, then one table per part."""
    t = comparison_texts()
    rt = texts()
    names = [clean(n) for n in comparison.names]
    landscape = len(names) >= 3
    pdf = _ComparisonPdf(f"{rt.tool_name} · {t.title}", landscape)
    title = _title(comparison)
    pdf.set_title(title)
    pdf.set_lang("nl-NL")
    pdf.set_author(rt.tool_name)
    pdf.set_creator(rt.tool_name)
    pdf.add_page()
    pdf.heading(title, 0)
    if today is not None:
        pdf.para(t.date_line.format(date=dutch_date(today)), muted=True)
    pdf.para(f"{t.compared} " + ", ".join(names) + ".")
    pdf.para(curly(t.intro))
    pdf.heading(t.decisions_heading, 1)
    pdf.marked_table([t.decision_column, *names], decision_rows(comparison))
    pdf.heading(t.elements_heading, 1)
    pdf.marked_table([t.element_column, *names], element_rows(comparison))
    pdf.heading(t.fields_heading, 1)
    if comparison.differing_fields:
        pdf.marked_table([t.field_column, *names], field_rows(comparison))
    else:
        pdf.para(t.no_field_differences)
    if _has_team(comparison):
        pdf.heading(t.team_heading, 1)
        pdf.para(t.team_intro)
        for d in comparison.decisions:
            reason = _team_reason(comparison, d.id)
            text = d.team_choice or t.team_undecided
            pdf.set_font(FAMILY, "", 10)
            pdf.bullet(f"{d.title} {text}" + (f" — {t.team_reason} {clean(reason)}" if reason else ""), 0, "•")
    if comparison.estimates:
        pdf.heading(COSTS_HEADING, 1)
        pdf.para(COSTS_INTRO)
        pdf.marked_table(["Kosten en doorlooptijd", *names], cost_rows(comparison))
    return bytes(pdf.output())
