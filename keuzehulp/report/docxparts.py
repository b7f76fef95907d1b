"""The Word primitives the choice summary is built from: Dutch proofing language, page-number
fields, the one-line footer, labelled paragraphs, the team's bar, lists, reasons with their
basis line and tables with column widths from their words. as_docx.py writes the sections."""

from __future__ import annotations

import itertools
import re

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .docxrows import keep_together, repeat_header, set_widths
from .layout import column_widths
from .model import AssumptionPart, ReasonPart, Report

LANGUAGE = "nl-NL"
MARGIN_MM = 22
TEXT_WIDTH_MM = 210 - 2 * MARGIN_MM
TABLE_PT = 9  # table text: small enough that the longest words of a column fit beside the others
CELL_PADDING_MM = 4.5  # Word's and LibreOffice's default cell margins (1.9 mm a side), and some air
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
    # One line (issue 24): the Footer style's centre and right tab stops pushed "Pagina 1 van"
    # past the margin, so that it wrapped; the text is short enough to fit without them.
    paragraph.paragraph_format.tab_stops.clear_all()
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


def _basis_run(paragraph: Paragraph, line: str, assumption: str = "") -> None:
    """What a reason rests on, on its own line in the same list item: small, grey, italic; an
    assumption's line is a link to its entry in the annex (`bookmark`)."""
    if not line:
        return
    paragraph.add_run().add_break()
    run = paragraph.add_run(line)
    run.italic = True
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)
    if assumption:
        link_to_assumption(run, assumption)


def link_to_assumption(run: Run, assumption: str) -> None:
    """Make `run` a link to the assumption's entry in the annex (`bookmark`), underlined."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), assumption_bookmark(assumption))
    run._r.addprevious(link)
    link.append(run._r)
    run.underline = True


def assumption_bookmark(assumption: str) -> str:
    """The bookmark of an assumption's entry in the annex: a letter first, at most 40 characters."""
    return ("aanname_" + re.sub(r"[^A-Za-z0-9]", "_", assumption))[:40]


_bookmark_ids = itertools.count(1)


def bookmark(paragraph: Paragraph, name: str) -> None:
    """Mark the paragraph as the target `name` of internal links."""
    number = str(next(_bookmark_ids))
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), number)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def assumption_entry(doc: DocxDocument, part: AssumptionPart, level: int = 2) -> None:
    """One assumption's entry in a plain download (the regional summary, the building blocks):
    its heading the target of the links, what it says, and why (italic)."""
    bookmark(doc.add_heading(f"{part.title} ({part.id})", level=level), assumption_bookmark(part.id))
    doc.add_paragraph(part.says)
    doc.add_paragraph().add_run(part.why).italic = True


def _reasons(doc: DocxDocument, label: str, items: list[ReasonPart], style: str = "List Bullet") -> None:
    if not items:
        return
    if label:
        heading = doc.add_paragraph()
        heading.add_run(label).bold = True
        heading.paragraph_format.keep_with_next = True
    for item in items:
        p = doc.add_paragraph(item.text, style=style)
        _basis_run(p, item.basis_line, item.assumption)


def _measure(bold: bool = True):  # type: ignore[no-untyped-def]
    """A word's width in mm at the table size, measured in DejaVu Sans (wider than Calibri, and
    what LibreOffice uses where Calibri is missing): a column fits its longest word in both."""
    from .as_pdf import text_width

    return lambda text: text_width(text, TABLE_PT, bold)


def word_table(doc: DocxDocument, header: list[str], rows: list[list[str]] | list[tuple[str, str]],
           width_mm: float = TEXT_WIDTH_MM) -> None:
    """A table with its widths set from its own text, so that no word breaks (issue 24);
    `width_mm` is the page's text width (the regional summary has narrower margins)."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(TABLE_PT)
    repeat_header(table.rows[0])
    for row in rows:
        added = table.add_row()
        keep_together(added)
        cells = added.cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = Pt(TABLE_PT)
    widths = column_widths([header, *[list(r) for r in rows]], width_mm, _measure(), CELL_PADDING_MM)
    set_widths(table, [Mm(w) for w in widths])
    doc.add_paragraph()
