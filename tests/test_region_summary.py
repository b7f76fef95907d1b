"""The regional summary (issue 25) and `python -m keuzehulp regio`: page 1 the shared
arrangements, then each municipality's deviations and actions with owners; the same figures in
JSON, Markdown, Word and PDF; exit codes as for `advise`, Dutch on stderr, no traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from keuzehulp.region.costs import region_summary
from keuzehulp.region.model import parse_region
from keuzehulp.report import region as writer

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 6)
REGION = {
    "schema_version": 1, "kind": "keuzehulp-regio", "region": "Vijf dorpen",
    "municipalities": [
        {"municipality": "Aa", "annual_intake": 8, "route_shares": {"b1": 60, "onderwijs": 10, "z": 30}},
        {"municipality": "Bb", "annual_intake": 12, "level_mix": "similar"},
        {"municipality": "Cc", "annual_intake": 15},
        {"municipality": "Dd", "annual_intake": 20},
        {"municipality": "Ee", "annual_intake": 250, "own_capacity": "high"},
    ],
    "scale": {"training": "regionaal"}, "joins": {"training": ["Aa", "Bb", "Cc", "Ee"]},
    "actions": [{"municipality": "Aa", "action": "Marktconsultatie <b>voorbereiden</b>", "owner": "Jan | de Vries",
                 "due": "2027-02-01"},
                {"action": "Convenant opstellen", "owner": "Regiocoördinator", "deelproduct": "training"}],
}


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "keuzehulp", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def view():
    return region_summary(parse_region(json.dumps(REGION)))


def _pdf_text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_page_one_holds_the_shared_arrangements_and_nothing_per_municipality(view) -> None:
    pages = _pdf_text(writer.render("pdf", view, TODAY))
    first = pages[0]
    assert "Gedeelde afspraken per deelproduct" in first and "Financieel ontzorgen lokaal" in first
    assert "regionaal (gekozen door de regio)" in first and "Aa, Bb, Cc, Ee" in first
    assert "Per gemeente" not in first
    assert "Per gemeente: afwijkingen en acties" in pages[1]
    rest = " ".join(pages[1:])
    assert "Training en scholing: doet niet mee met de gedeelde afspraak (regionaal)" in rest  # Dd
    assert "Marktconsultatie <b>voorbereiden</b>" in rest and "Jan | de Vries" in rest and "1 februari 2027" in rest


def test_every_format_shows_the_same_figures(view) -> None:
    md = writer.render("md", view, TODAY).decode()
    doc = Document(io.BytesIO(writer.render("docx", view, TODAY)))
    word = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "€ " not in word and "€\xa0" in word  # an amount never breaks after the euro sign in Word
    word = word.replace("\xa0", " ")
    pdf = " ".join(_pdf_text(writer.render("pdf", view, TODAY)))
    data = json.loads(writer.render("json", view, TODAY))
    shared = view.costs.shared[0]
    from keuzehulp.dutch.numbers import euro
    for text in (md, word, pdf):
        assert euro(shared.cost_per_year) in text
        for m in view.costs.municipalities:
            assert euro(m.rijk_per_year) in text
        assert "Regio: op welke schaal vult een groep op tijd?" in text  # the assumption annex
    assert data["costs"]["shared"][0]["cost_per_year"] == shared.cost_per_year
    # user text is inert in Markdown: no raw HTML, the table cell's bar escaped
    assert "\\<b>voorbereiden\\</b>" in md and "Jan \\| de Vries" in md


def test_cli_writes_each_format(tmp_path: Path) -> None:
    src = tmp_path / "regio.json"
    src.write_text(json.dumps(REGION), encoding="utf-8")
    out = run("regio", str(src))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["region"] == "Vijf dorpen" and data["intake_per_year"] == 305
    assert [m["municipality"] for m in data["municipalities"]] == ["Aa", "Bb", "Cc", "Dd", "Ee"]
    for fmt in ("md", "docx", "pdf"):
        target = tmp_path / f"regio.{fmt}"
        done = run("regio", str(src), "--format", fmt, "-o", str(target))
        assert done.returncode == 0 and target.stat().st_size > 1000, done.stderr
    assert run("regio", "-", stdin=json.dumps(REGION).encode()).returncode == 0


@pytest.mark.parametrize(("data", "says"), [
    (b"{", "geen geldige JSON"),
    (json.dumps({**REGION, "municipalities": REGION["municipalities"][:1]}).encode(), "2 tot en met 15 gemeenten"),
    (json.dumps({**REGION, "scale": {"map": "heel-europa"}}).encode(), "'heel-europa' kan niet"),
])
def test_cli_bad_input_exits_2_in_dutch_without_traceback(data: bytes, says: str) -> None:
    out = run("regio", "-", stdin=data)
    err = out.stderr.decode()
    assert out.returncode == 2 and says in err and "Traceback" not in err
    assert err.startswith("Fout: ")


def test_cli_missing_file_and_binary_format_to_screen() -> None:
    missing = run("regio", "bestaat-niet.json")
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr.decode()
    screen = run("regio", "-", "--format", "pdf", stdin=json.dumps(REGION).encode())
    assert screen.returncode == 2 and "-o BESTAND" in screen.stderr.decode()
