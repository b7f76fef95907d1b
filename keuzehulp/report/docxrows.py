"""Table rows in Word files that read well on paper: the header row repeats on every page and
no row is cut in two by a page break (shared by the choice summary and the comparison)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Row


def _flag(row: _Row, tag: str) -> None:
    props = row._tr.get_or_add_trPr()  # CT_TrPr is a choice group: any order is valid
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    props.append(flag)


def repeat_header(row: _Row) -> None:
    _flag(row, "w:tblHeader")


def keep_together(row: _Row) -> None:
    _flag(row, "w:cantSplit")
