"""Table rows in Word files that read well on paper: the header row repeats on every page and
no row is cut in two by a page break, and each column as wide as its table needs (shared by the
choice summary and the comparison); and amounts that never break after the euro sign."""

from __future__ import annotations

import io
import re

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Row


def _flag(row: _Row, tag: str) -> None:
    props = row._tr.get_or_add_trPr()  # CT_TrPr is a choice group: any order is valid
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    props.append(flag)


def repeat_header(row: _Row) -> None:
    _flag(row, "w:tblHeader")


def keep_together(row: _Row) -> None:
    _flag(row, "w:cantSplit")


def set_widths(table: Table, widths: list[Length]) -> None:
    """Fixed column widths: Word reads the cells' widths, LibreOffice the table grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


_AMOUNT = re.compile(r"€ (?=[-\d])")  # '€ 11.600': keuzehulp.dutch.numbers.euro


def keep_amounts_together(doc: Document) -> None:
    """Every '€ 11.600' in the document (body, tables, header and footer) with a non-breaking
    space: Word wrapped narrow table cells between the euro sign and the number. The screen and
    the other downloads keep the plain space (a browser's table does not break there)."""
    parts = [doc.element.body] + [s.footer._element for s in doc.sections] + [s.header._element for s in doc.sections]
    for part in parts:
        for text in part.iter(qn("w:t")):
            if text.text and "€ " in text.text:
                text.text = _AMOUNT.sub("€\u00a0", text.text)


def docx_bytes(doc: Document) -> bytes:
    """The finished Word file: every Word download ends here (amounts kept together first)."""
    keep_amounts_together(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
