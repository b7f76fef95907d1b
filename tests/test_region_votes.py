"""The spread of a regional workshop's votes (issue 25): data-driven cases in
tests/cases/region_votes/spread.yaml (agreement within, disagreement between, split, one representative
each), and the recorded votes in the regional summary in every format."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from keuzehulp.contract.inputs import InputError
from keuzehulp.region.costs import region_summary
from keuzehulp.region.model import parse_region
from keuzehulp.region.view import DeelproductView
from keuzehulp.region.votes import count_votes, spread
from keuzehulp.report import region as writer

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "region_votes" / "spread.yaml").read_text(encoding="utf-8"))
TODAY = date(2026, 12, 6)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_spread_case(case: dict) -> None:
    d = DeelproductView(id="map", grouped=True, advised_scale=case["advised"], chosen_scale=None, reasons=[])
    got = spread(d, case["names"], case["counts"])
    assert {m.municipality: m.within for m in got.municipalities} == case["within"]
    assert {m.municipality: m.majority for m in got.municipalities} == case["majority"]
    assert got.between == case["between"]
    assert got.majorities == case["majorities"]
    assert got.split_within == case["split_within"]
    assert got.against_advice == case["against_advice"]
    assert got.votes == sum(sum(c.values()) for c in case["counts"].values())
    region = {"region": "R", "municipalities": [{"municipality": n, "annual_intake": 10} for n in case["names"]],
              "votes": {"map": {n: c for n, c in case["counts"].items() if c}}}
    md = writer.render("md", region_summary(parse_region(json.dumps(region))), TODAY).decode("utf-8")
    for text in case["summary_contains"]:
        assert text in md


def region_with_votes() -> dict:
    return {"region": "Rivierenland",
            "municipalities": [{"municipality": "Gorinchem", "annual_intake": 40},
                               {"municipality": "Molenlanden", "annual_intake": 12}],
            "scale": {"werkgeversbenadering": "regionaal"},
            "votes": {"werkgeversbenadering": {"Gorinchem": {"regionaal": 3}, "Molenlanden": {"lokaal": 2}}}}


def test_the_summary_shows_the_votes_beside_advice_and_choice_in_every_format() -> None:
    view = region_summary(parse_region(json.dumps(region_with_votes())))
    row = "| Werkgeversbenadering | regionaal | regionaal | Gorinchem: regionaal (3 van 3), eensgezind; " \
          "Molenlanden: lokaal (2 van 2), eensgezind | ≠ verschilt: lokaal: Molenlanden; regionaal: Gorinchem |"
    md = writer.render("md", view, TODAY).decode("utf-8")
    assert "## Stemmen in de regionale workshop" in md and row in md
    assert md.index("Stemmen in de regionale workshop") > md.index("Per gemeente: afwijkingen")  # page 1 stays
    doc = Document(io.BytesIO(writer.render("docx", view, TODAY)))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "≠ verschilt: lokaal: Molenlanden; regionaal: Gorinchem" in cells
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(writer.render("pdf", view, TODAY))).pages)
    assert "Stemmen in de regionale workshop" in pdf and "Molenlanden: lokaal" in " ".join(pdf.split())
    data = json.loads(writer.render("json", view, TODAY))
    (spread_json,) = [v for v in data["votes"] if v["id"] == "werkgeversbenadering"]
    assert spread_json["between"] == "differ" and spread_json["chosen_scale"] == "regionaal"
    assert "Regio: eens of oneens in de regionale workshop" in md  # the assumption the marks rest on


def test_without_votes_the_summary_has_no_vote_section() -> None:
    region = region_with_votes()
    del region["votes"]
    md = writer.render("md", region_summary(parse_region(json.dumps(region))), TODAY).decode("utf-8")
    assert "Stemmen in de regionale workshop" not in md


def test_votes_for_an_unknown_municipality_or_scale_are_refused_in_dutch() -> None:
    region = region_with_votes()
    region["votes"]["map"] = {"Utrecht": {"regionaal": 1}}
    with pytest.raises(InputError, match="Utrecht' is geen gemeente van deze regio"):
        parse_region(json.dumps(region))
    region = region_with_votes()
    region["votes"]["map"] = {"Gorinchem": {"wereldwijd": 1}}
    with pytest.raises(InputError):
        parse_region(json.dumps(region))


def test_count_votes_counts_per_deelproduct_municipality_and_scale() -> None:
    assert count_votes([("A", "map", "lokaal"), ("A", "map", "lokaal"), ("B", "map", "regionaal"),
                        ("A", "pvt", "geclusterd")]) == {
        "map": {"A": {"lokaal": 2}, "B": {"regionaal": 1}}, "pvt": {"A": {"geclusterd": 1}}}


def test_a_municipality_renamed_in_the_table_drops_its_recorded_votes_and_the_region_still_reads() -> None:
    from keuzehulp.region.rows import region_from_rows, rows_of

    doc = region_with_votes()
    rows = rows_of(doc)
    rows[1]["municipality"] = "Molenlanden-Zuid"
    region = region_from_rows("Rivierenland", rows, [dict(p) for p in doc["municipalities"]], doc["scale"],
                              {"votes": doc["votes"]})
    assert region.votes == {"werkgeversbenadering": {"Gorinchem": {"regionaal": 3}}}
