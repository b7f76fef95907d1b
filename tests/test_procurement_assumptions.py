"""The download 'Bouwstenen programma van eisen' (issue 26) points a block that rests on an
assumption to 'Aannames van de keuzehulp': that section is now in the download itself, with
every assumption its blocks cite, and in Word and PDF the block's line links to the entry.
Before, the section the line named was not in the file at all."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document

from keuzehulp.procurement.derive import procurement
from keuzehulp.report import procurement as writer
from keuzehulp.report.docxparts import assumption_bookmark
from keuzehulp.rules.engine import advise
from tests.pdfpages import linked_ids, pages
from tests.test_report_procurement import SESSION, in_order

TODAY = date(2026, 12, 6)
HEADING = "Aannames van de keuzehulp"


@pytest.fixture(scope="module")
def blocks():  # type: ignore[no-untyped-def]
    return procurement(SESSION, advise(SESSION.profile))


def _cited(p) -> set[str]:  # type: ignore[no-untyped-def]
    return {b.assumption for b in p.blocks if b.assumption}


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_every_cited_assumption_has_its_entry_in_the_download(blocks, fmt) -> None:
    cited = _cited(blocks)
    assert cited, "the case has blocks that rest on an assumption"
    data = writer.render(fmt, blocks, TODAY)
    if fmt == "md":
        text = data.decode("utf-8")
    elif fmt == "docx":
        text = in_order("docx", data)  # paragraphs and table cells as they stand
    else:
        text = " ".join(" ".join(pages(data)).split())
    assert f"zie ‘{HEADING}’" in text  # the pointer ...
    assert HEADING in text.replace(f"zie ‘{HEADING}’", "")  # ... and what it points to
    for a in cited:
        assert f"({a})" in text, a


def test_word_links_each_assumption_line_to_its_entry(blocks) -> None:
    body = Document(io.BytesIO(writer.render("docx", blocks, TODAY))).element.body.xml
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)">', body))
    marks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', body))
    assert {assumption_bookmark(a) for a in _cited(blocks)} == anchors
    assert anchors <= marks


def test_pdf_links_land_on_the_entry_of_that_assumption(blocks) -> None:
    assert _cited(blocks) <= linked_ids(writer.render("pdf", blocks, TODAY))
