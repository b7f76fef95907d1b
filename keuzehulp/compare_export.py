"""The scenario comparison as Markdown and Word: same content, differences marked twice.

A differing row gets "≠ verschilt" in its own column and its values in bold (Word also shades
it), so the difference does not rest on colour alone. Scenario names, the municipality and the
team's words are user text: escaped in Markdown, cleaned of control characters in Word.
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .compare import Comparison
from .docxrows import keep_together, repeat_header
from .markdown import escape_markdown
from .report.plain import clean as _clean
from .report.plain import dutch_date, slug

DIFFERS = "≠ verschilt"
SAME = "gelijk"
SHADE = "FFF2CC"  # light yellow behind a differing row in Word

TITLE = "Scenario's vergeleken"
INTRO = ("Deze vergelijking zet het advies van de keuzehulp voor elk scenario naast elkaar. "
         "Een rij met '≠ verschilt' is anders in de scenario's; de antwoorden daarin staan vet.")
H_DECISIONS = "Keuzes: advies van de keuzehulp"
H_ELEMENTS = "Werkzame elementen: prioriteit"
H_FIELDS = "Antwoorden die verschillen"
H_TEAM = "Keuze van het team"
NO_FIELD_DIFFERENCES = "De scenario's hebben dezelfde antwoorden."
TEAM_INTRO = ("Wat het team zelf heeft gekozen, los van het advies van de keuzehulp. "
              "Het team kiest één keer, voor alle scenario's.")


def comparison_filename(comparison: Comparison, today: date, ext: str) -> str:
    """vergelijking-<slug>-<date>.<ext>; the slug is the municipality, else the scenario names."""
    name = slug(comparison.municipality) or slug("-".join(comparison.names)) or "scenarios"
    return f"vergelijking-{name[:60].strip('-')}-{today.isoformat()}.{ext}"


def _title(comparison: Comparison) -> str:
    return f"{TITLE} — {_clean(comparison.municipality)}" if comparison.municipality.strip() else TITLE


def _has_team(comparison: Comparison) -> bool:
    return any(d.team_choice for d in comparison.decisions)


# --- rows shared by both formats: (cells, differs) ---------------------------------------------


def _decision_rows(comparison: Comparison) -> list[tuple[list[str], bool]]:
    return [([d.title, *[f"{c.choice_label} ({c.strength_label.lower()})" for c in d.cells]], d.differs)
            for d in comparison.decisions]


def _element_rows(comparison: Comparison) -> list[tuple[list[str], bool]]:
    return [([e.title, *e.priority_labels], e.differs) for e in comparison.elements]


def _field_rows(comparison: Comparison) -> list[tuple[list[str], bool]]:
    return [([f.label, *[_clean(v) for v in f.values]], True) for f in comparison.differing_fields]


# --- Markdown ----------------------------------------------------------------------------------


def _md_table(head: list[str], rows: list[tuple[list[str], bool]], user_columns: bool) -> list[str]:
    out = ["| " + " | ".join([*head, "Verschilt"]) + " |", "|" + "---|" * (len(head) + 1)]
    for cells, differs in rows:
        first, values = cells[0], cells[1:]
        shown = [escape_markdown(v) if user_columns else v for v in values]
        if differs:
            shown = [f"**{v}**" for v in shown]
        out.append("| " + " | ".join([first, *shown, DIFFERS if differs else SAME]) + " |")
    return out


def comparison_markdown(comparison: Comparison, today: date | None = None) -> str:
    """The comparison as CommonMark with tables; user text escaped."""
    names = [escape_markdown(_clean(n)) for n in comparison.names]
    title = TITLE
    if comparison.municipality.strip():
        title += f" — {escape_markdown(_clean(comparison.municipality))}"
    lines = [f"# {title}", ""]
    if today is not None:
        lines += [f"Gemaakt op {dutch_date(today)}.", ""]
    lines += ["Vergeleken: " + ", ".join(f"**{n}**" for n in names) + ".", "", INTRO, ""]
    lines += [f"## {H_DECISIONS}", "", *_md_table(["Keuze", *names], _decision_rows(comparison), False), ""]
    lines += [f"## {H_ELEMENTS}", "", *_md_table(["Element", *names], _element_rows(comparison), False), ""]
    lines += [f"## {H_FIELDS}", ""]
    if comparison.differing_fields:
        # Answers can be user text (the municipality): escape every answer cell.
        lines += [*_md_table(["Vraag", *names], _field_rows(comparison), True), ""]
    else:
        lines += [NO_FIELD_DIFFERENCES, ""]
    if _has_team(comparison):
        lines += [f"## {H_TEAM}", "", TEAM_INTRO, ""]
        for d in comparison.decisions:
            lines.append(f"- **{d.title}** {d.team_choice or 'Nog niet gekozen'}")
            reason = comparison.team.decisions.get(d.id) if comparison.team else None  # type: ignore[call-overload]
            if reason and reason.reason.strip():
                lines.append(f"  Reden: {escape_markdown(_clean(reason.reason))}")
        lines.append("")
    return "\n".join(lines)


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


def _docx_table(doc, head: list[str], rows: list[tuple[list[str], bool]]) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=1, cols=len(head) + 1)
    table.style = "Table Grid"
    table.autofit = False
    widths = _widths(doc, len(head) + 1)
    for cell, text in zip(table.rows[0].cells, [*head, "Verschilt"], strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(text)).bold = True
        _shade(cell, "D9E2F3")
    repeat_header(table.rows[0])
    for cells, differs in rows:
        added = table.add_row()
        keep_together(added)
        row = added.cells
        for i, text in enumerate([*cells, DIFFERS if differs else SAME]):
            run = row[i].paragraphs[0].add_run(_clean(text))
            run.bold = differs and i > 0
            if differs:
                _shade(row[i], SHADE)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width  # Word reads the cell widths, LibreOffice the grid


def comparison_docx(comparison: Comparison, today: date | None = None) -> bytes:
    """The comparison as a Word document with real headings and tables."""
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
    names = [_clean(n) for n in comparison.names]

    doc.add_heading(_title(comparison), level=0)
    if today is not None:
        doc.add_paragraph(f"Gemaakt op {dutch_date(today)}.")
    intro = doc.add_paragraph("Vergeleken: ")
    for i, name in enumerate(names):
        intro.add_run(name).bold = True
        intro.add_run(", " if i < len(names) - 1 else ".")
    doc.add_paragraph(INTRO)

    doc.add_heading(H_DECISIONS, level=1)
    _docx_table(doc, ["Keuze", *names], _decision_rows(comparison))
    doc.add_heading(H_ELEMENTS, level=1)
    _docx_table(doc, ["Element", *names], _element_rows(comparison))
    doc.add_heading(H_FIELDS, level=1)
    if comparison.differing_fields:
        _docx_table(doc, ["Vraag", *names], _field_rows(comparison))
    else:
        doc.add_paragraph(NO_FIELD_DIFFERENCES)
    if _has_team(comparison):
        doc.add_heading(H_TEAM, level=1)
        doc.add_paragraph(TEAM_INTRO)
        for d in comparison.decisions:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(f"{d.title} ").bold = True
            item.add_run(d.team_choice or "Nog niet gekozen")
            chosen = comparison.team.decisions.get(d.id) if comparison.team else None  # type: ignore[call-overload]
            if chosen and chosen.reason.strip():
                item.add_run(f" — Reden: {_clean(chosen.reason)}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
