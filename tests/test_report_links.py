"""In the Word and PDF choice summary, the line under a reason that rests on an assumption of
the keuzehulp ('Aanname van de keuzehulp: …') links to that assumption's entry in the annex
'Aannames van de keuzehulp' (a reader of a 30-page memo jumps there and back)."""

from __future__ import annotations

import io
import re

from docx import Document
from pypdf import PdfReader

from keuzehulp.contract.schema import Profile
from keuzehulp.report import render
from keuzehulp.report.build import build_report
from keuzehulp.rules.engine import advise

ADVICE = advise(Profile(annual_intake=12, municipality="Lochem"))  # small: several reasons rest on assumptions


def _assumptions_cited() -> set[str]:
    report = build_report(ADVICE)
    cited = set()
    for q in report.questions:
        for d in q.decisions:
            cited |= {p.assumption for p in (*d.reasons_for, *d.reasons_against) if p.assumption}
    return cited


def test_word_links_each_assumption_line_to_its_entry() -> None:
    cited = _assumptions_cited()
    assert cited, "the case has reasons that rest on an assumption"
    body = Document(io.BytesIO(render("docx", ADVICE))).element.body.xml
    anchors = dict(re.findall(r'<w:hyperlink w:anchor="([^"]+)">.*?<w:t[^>]*>([^<]*)</w:t>', body, re.S))
    marks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', body))
    assert {f"aanname_{a.replace('-', '_')}" for a in cited} <= set(anchors), (cited, anchors.keys())
    assert set(anchors) <= marks  # every link has its target
    assert all(text.startswith("Aanname van de keuzehulp") for text in anchors.values()), anchors


def _first_line_below(page, top: float) -> str:  # type: ignore[no-untyped-def]
    """The first line of text at or below `top` (PDF units from the bottom) on the page."""
    lines: list[tuple[float, str]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, fd, fs: lines.append((tm[5], text.strip())))
    return next(text for y, text in sorted(lines, key=lambda x: -x[0]) if y <= top + 2 and text)


def test_pdf_links_land_on_the_entry_of_that_assumption() -> None:
    reader = PdfReader(io.BytesIO(render("pdf", ADVICE)))
    pages = [p.indirect_reference for p in reader.pages]
    landed = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link" or annot.get("/Dest") is None:
                continue
            dest = annot["/Dest"]
            landed.add(_first_line_below(reader.pages[pages.index(dest[0])], float(dest[3])))
    ids = {m.group(1) for text in landed if (m := re.search(r"\(([a-z0-9-]+)\)$", text))}
    assert _assumptions_cited() <= ids, (landed, _assumptions_cited())
