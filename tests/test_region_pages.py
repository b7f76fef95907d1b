"""The regional summary pastes into a memo like the choice summary (issues 24 and 25): no word in
a table is broken over two lines, in the Word file as LibreOffice lays it out (skipped without
`soffice`) and in the PDF writer's file; a reason's line 'Aanname van de keuzehulp: …' links to
that assumption's entry at the end, in Word and in PDF. Before, the Word tables had equal columns and the votes
table broke "Werkgeversbenadering" and "(participatieverklaringstraject)" mid-word."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document

from keuzehulp.region.costs import region_summary
from keuzehulp.region.model import parse_region
from keuzehulp.report import region as writer
from keuzehulp.report.docxparts import assumption_bookmark
from tests.pdfpages import broken_words, linked_ids, pages

TODAY = date(2026, 12, 6)
REGION = {"region": "Rivierenland",
          "municipalities": [{"municipality": "Gorinchem", "annual_intake": 40},
                             {"municipality": "Molenlanden", "annual_intake": 12},
                             {"municipality": "Vijfheerenlanden", "annual_intake": 25}],
          "scale": {"werkgeversbenadering": "regionaal"},
          "votes": {"werkgeversbenadering": {"Gorinchem": {"regionaal": 3}, "Molenlanden": {"lokaal": 2},
                                             "Vijfheerenlanden": {"regionaal": 1, "lokaal": 1}},
                    "map": {"Gorinchem": {"regionaal": 2, "lokaal": 1}, "Molenlanden": {"lokaal": 2}},
                    "pvt": {"Gorinchem": {"subregionaal": 2}, "Vijfheerenlanden": {"bovenregionaal": 1}}}}


@pytest.fixture(scope="module")
def view():  # type: ignore[no-untyped-def]
    return region_summary(parse_region(json.dumps(REGION)))


def _cells(view) -> list[str]:  # type: ignore[no-untyped-def]
    cells = []
    for kind, content in writer.document(view, TODAY):
        if kind == "table":
            header, rows = content
            cells += [*header, *(cell for row in rows for cell in row)]
    return cells


def test_the_summary_has_tables_with_long_words(view) -> None:  # the check below has something to find
    assert any("Werkgeversbenadering" in c for c in _cells(view))
    assert any("participatieverklaringstraject" in c for c in _cells(view))


def test_no_word_in_a_table_of_the_pdf_is_broken(view) -> None:
    assert broken_words("\n".join(pages(writer.render("pdf", view, TODAY))), _cells(view)) == []


def test_no_word_in_a_table_of_the_word_file_is_broken(view, tmp_path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    (tmp_path / "regio.docx").write_bytes(writer.render("docx", view, TODAY))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "regio.docx")],
                   check=True, capture_output=True, timeout=180)
    assert broken_words("\n".join(pages((tmp_path / "regio.pdf").read_bytes())), _cells(view)) == []


def _cited(view) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.assumption for d in view.deelproducten for r in d.reasons if r.assumption}


def test_word_links_each_assumption_line_to_its_entry(view) -> None:
    cited = _cited(view)
    assert cited, "the region's reasons rest on assumptions"
    body = Document(io.BytesIO(writer.render("docx", view, TODAY))).element.body.xml
    anchors = dict(re.findall(r'<w:hyperlink w:anchor="([^"]+)">.*?<w:t[^>]*>([^<]*)</w:t>', body, re.S))
    marks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', body))
    assert {assumption_bookmark(a) for a in cited} <= set(anchors), (cited, anchors.keys())
    assert set(anchors) <= marks  # every link has its target
    assert all(text.startswith("Aanname van de keuzehulp") for text in anchors.values()), anchors


def test_pdf_links_land_on_the_entry_of_that_assumption(view) -> None:
    assert _cited(view) <= linked_ids(writer.render("pdf", view, TODAY))
