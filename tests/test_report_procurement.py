"""The choice summary's section on procurement (issue 26): page 1 says the price check and
where the building blocks are; an annex holds every block with its basis; the JSON holds the
Procurement itself. The same figures as the page Inkoop (keuzehulp/procurement)."""

from __future__ import annotations

import io
import json
from datetime import date

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from keuzehulp.contract.schema import CostSettings, Profile, RouteShares, Session, TeamDecision, TeamInput
from keuzehulp.procurement.derive import procurement
from keuzehulp.report import render
from keuzehulp.report.build import build_report
from keuzehulp.rules.engine import advise
from tests.test_report_formats import text_of

TODAY = date(2026, 12, 6)
SESSION = Session(
    profile=Profile(municipality="Roermond", annual_intake=40, route_shares=RouteShares(b1=40, onderwijs=40, z=20)),
    team=TeamInput(decisions={"training_format": TeamDecision(choice="shared_purchase")}),
    costs=CostSettings(amounts={"language_price_onderwijs": 12000}))
WARNING = "Let op: uw prijs voor de onderwijsroute (€ 12.000) ligt onder de referentieprijs (€ 17.000)."


def in_order(fmt: str, data: bytes) -> str:
    """The file's text in reading order (Word: paragraphs and tables as they stand)."""
    if fmt != "docx":
        return text_of(fmt, data)
    document = docx.Document(io.BytesIO(data))
    parts = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            parts.append(Paragraph(child, document).text)
        elif child.tag.endswith("}tbl"):
            parts += [cell.text for row in Table(child, document).rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    advice = advise(SESSION.profile)
    return {fmt: render(fmt, advice, SESSION, TODAY) for fmt in ("md", "html", "docx", "pdf", "json")}


def test_page_one_says_the_price_check_and_the_annex(files: dict[str, bytes]) -> None:
    report = build_report(advise(SESSION.profile), SESSION, TODAY)
    p = procurement(SESSION)
    assert report.procurement is not None
    line = report.procurement_line()
    assert line == f"{WARNING} De {len(p.blocks)} bouwstenen voor het programma van eisen staan in bijlage C."
    assert report.annex("procurement") == "Bijlage C. Bouwstenen voor de inkoop"
    for fmt in ("md", "html", "docx", "pdf"):
        text = in_order(fmt, files[fmt])
        first = text.index(WARNING)
        assert first < text.index("Besluitpunten"), fmt  # on page 1, above the decisions
        assert text.index("Bijlage C. Bouwstenen voor de inkoop", first) > text.index("Bijlage B."), fmt


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_annex_holds_every_block_with_its_basis(fmt: str, files: dict[str, bytes]) -> None:
    text = in_order(fmt, files[fmt])
    annex = text[text.index("Bijlage C. Bouwstenen voor de inkoop"):text.index("Bijlage D.")]
    p = procurement(SESSION)
    for block in p.blocks:
        assert " ".join(block.text.split())[:70] in annex, (fmt, block.id)
    assert "Samen met andere gemeenten" in annex or "samen met andere gemeenten" in annex  # the team's choice
    assert "Volgens de handreiking" in annex and "Aanname van de keuzehulp" in annex and "Bron:" in annex
    assert "geen juridisch advies" in annex
    sources = text[text.rindex("Bronnen"):]
    assert "Grip op inkoop en contractmanagement" in sources  # the blocks' sources are in the sources annex


def test_the_json_holds_the_procurement_itself(files: dict[str, bytes]) -> None:
    data = json.loads(files["json"])
    assert data["procurement"] == json.loads(procurement(SESSION).model_dump_json())
    assert any(c["below"] and c["id"] == "onderwijsroute" for c in data["procurement"]["prices"])
