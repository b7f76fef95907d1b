"""Every download format carries the cost table, the lead time and each amount's origin (issue 12),
read back from the file as a user would open it."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.schema import CostSettings, Profile, Session
from pypdf import PdfReader

from keuzehulp import advise
from keuzehulp.report import as_docx, as_html, as_json, as_md, as_pdf
from keuzehulp.report.build import build_report

SESSION = Session(profile=Profile(municipality="Lochem", annual_intake=30),
                  costs=CostSettings(route_shares={"b1": 60, "onderwijs": 10, "z": 30},
                                     amounts={"guidance_rate": 95}))


@pytest.fixture(scope="module")
def report():
    return build_report(advise(SESSION.profile), SESSION)


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


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

    result = compare([("Alleen", Profile(annual_intake=30)), ("Groter", Profile(annual_intake=60))],
                     costs=SESSION.costs)
    text = _docx_text(comparison_docx(result))
    # begeleiding at 95 an hour: 30 -> 18/3/9 trajectories; 60 doubles every yearly figure
    assert "Kosten en doorlooptijd" in text and "Kosten per jaar" in text
    yearly = result.estimates[0].costs.total_year
    assert yearly is not None and result.estimates[1].costs.total_year == pytest.approx(2 * yearly)
    from keuzehulp.dutch.numbers import euro

    assert euro(yearly) in text and euro(2 * yearly) in text
    assert "Eerste stap naar participatie" in comparison_markdown(result)
