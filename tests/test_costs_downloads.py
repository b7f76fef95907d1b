"""Every download format carries the cost table, the lead time and each amount's origin (issue 12),
read back from the file as a user would open it."""

from __future__ import annotations

import io
import json
import re

import pytest
from docx import Document
from pypdf import PdfReader

from keuzehulp import advise
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.schema import CostSettings, Profile, Session
from keuzehulp.report import as_docx, as_html, as_json, as_md, as_pdf
from keuzehulp.report.build import build_report

SHARES = {"b1": 60, "onderwijs": 10, "z": 30}
SESSION = Session(profile=Profile(municipality="Lochem", annual_intake=30, route_shares=SHARES),
                  costs=CostSettings(amounts={"guidance_rate": 95}))


@pytest.fixture(scope="module")
def report():
    return build_report(advise(SESSION.profile), SESSION)


def _docx_text(data: bytes) -> str:
    """The text as a reader sees it: an amount's non-breaking space reads as a space."""
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs]
                      + [c.text for t in doc.tables for r in t.rows for c in r.cells]).replace("\xa0", " ")


def _breakable_amounts(data: bytes) -> list[str]:
    """Amounts in a Word file that Word may break after the euro sign (a plain space there)."""
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return [t for t in texts if re.search(r"€ [-\d]", t)]


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_summary_holds_the_cost_table_lead_time_and_origins(report, fmt: str) -> None:
    render = {"md": as_md.render_md, "html": as_html.render_html, "docx": as_docx.render_docx,
              "pdf": as_pdf.render_pdf}[fmt]
    data = render(report)
    text = {"docx": _docx_text, "pdf": _pdf_text}.get(fmt, lambda b: b.decode())(data)
    # 18 B1, 3 onderwijs, 9 Z; begeleiding 60 uur x 95 = 5.700 per traject, 171.000 per jaar
    for expected in ("Kosten en doorlooptijd", "Totaal kosten", "€ 5.700", "€ 171.000", "€ 364.200",
                     "Eerste stap naar participatie", "Aangepast door het team",
                     "Aanname: Uren begeleiding per traject", "Bron: Hoe wordt de inburgering betaald?"):
        assert expected in text, (fmt, expected)
    # Issue 23: per funding stream, what it pays, and no single "tekort" while the gemeentefonds
    # and the participatiebudget are empty. SPUK voorzieningen: 27 x 11.600 + 30 x 1.500 +
    # 27 x 1.000 = 385.200 against 27 x 11.600 + 30 x 2.500 = 388.200.
    for expected in ("Betaald uit", "SPUK inburgeringsvoorzieningen", "SPUK onderwijsroute",
                     "Participatiebudget (re-integratie, Participatiewet)", "€ 385.200", "€ 388.200",
                     "€ 3.000 over", "nog niet ingevuld", "geen totaal tekort"):
        # the PDF's narrow table columns break a long word inside a cell
        squeezed = "".join(text.split()) if fmt == "pdf" else text
        assert ("".join(expected.split()) if fmt == "pdf" else expected) in squeezed, (fmt, expected)
    assert "Het tekort is" not in text


def test_the_json_export_carries_the_amounts_and_resumes_them(report) -> None:
    data = json.loads(as_json.render_json(report))
    assert data["costs"]["amounts"] == {"guidance_rate": 95.0}
    header = data["cost_summary"]["cost_table"]["header"]
    assert header[0] == "Onderdeel" and header[-1] == "Per jaar"
    resumed = parse_session(as_json.render_json(report))
    assert resumed.costs == SESSION.costs


def test_the_comparison_word_file_holds_costs_and_lead_time_per_scenario() -> None:
    from keuzehulp.report.compare import compare
    from keuzehulp.report.comparison import comparison_docx, comparison_markdown

    result = compare([("Alleen", Profile(annual_intake=30, route_shares=SHARES)),
                      ("Groter", Profile(annual_intake=60, route_shares=SHARES))], costs=SESSION.costs)
    text = _docx_text(comparison_docx(result))
    # begeleiding at 95 an hour: 30 -> 18/3/9 trajectories; 60 doubles every yearly figure
    assert "Kosten en doorlooptijd" in text and "Kosten per jaar" in text
    yearly = result.estimates[0].costs.total_year
    assert yearly is not None and result.estimates[1].costs.total_year == pytest.approx(2 * yearly)
    from keuzehulp.dutch.numbers import euro

    assert euro(yearly) in text and euro(2 * yearly) in text
    assert "Eerste stap naar participatie" in comparison_markdown(result)


def test_in_word_no_amount_breaks_after_the_euro_sign(report) -> None:
    """A narrow cost cell in Word wrapped '€' and '11.600' onto two lines: the space between them
    is a non-breaking one in the summary and in the comparison."""
    from keuzehulp.report.compare import compare
    from keuzehulp.report.comparison import comparison_docx

    summary = as_docx.render_docx(report)
    comparison = comparison_docx(compare([("Alleen", Profile(annual_intake=30, route_shares=SHARES)),
                                          ("Groter", Profile(annual_intake=60, route_shares=SHARES))],
                                         costs=SESSION.costs))
    for data in (summary, comparison):
        assert "€\xa0" in "".join(Document(io.BytesIO(data)).element.body.itertext())
        assert _breakable_amounts(data) == []
