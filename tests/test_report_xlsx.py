"""The spreadsheet download (issue 24): it opens with openpyxl and holds the workshop's votes,
the reasons as typed, the scenario comparison and the cost table, with the figures the other
downloads show; typed text stays text (no formula), and the facilitator's secret is not in it."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from keuzehulp.contract.schema import Session
from keuzehulp.report.as_xlsx import workshop_xlsx, workshop_xlsx_filename
from keuzehulp.report.build import build_report
from keuzehulp.rules.engine import advise
from keuzehulp.workshop import tally
from keuzehulp.workshop.tally import VoteRow
from tests.filled_session import TAKEN_AT, filled_session


def _book(session: Session, votes=None):  # type: ignore[no-untyped-def]
    return openpyxl.load_workbook(io.BytesIO(workshop_xlsx(session, votes, now=TAKEN_AT)))


def _rows(sheet) -> list[tuple]:  # type: ignore[no-untyped-def]
    rows = [tuple(v for v in row if v not in (None, "")) for row in sheet.iter_rows(values_only=True)]
    return [r for r in rows if r]


@pytest.fixture(scope="module")
def book():  # type: ignore[no-untyped-def]
    return _book(filled_session())


def test_the_sheets_a_team_expects(book) -> None:  # type: ignore[no-untyped-def]
    assert book.sheetnames == ["Over dit bestand", "Stemmen", "Toelichtingen", "Vergelijking", "Kosten"]
    about = _rows(book["Over dit bestand"])
    assert ("Gemaakt op 6 december 2026 om 00:54",) in about  # Dutch local time, no UTC
    assert ("Gemeente: Lochem",) in about


def test_the_votes_per_option_beside_the_advice(book) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(book["Stemmen"])
    assert ("9 deelnemers, stand van 6 december 2026 om 00:54.",) in rows
    assert ("Zelf doen of uitbesteden?", "Deels zelf, deels uitbesteden", 6, pytest.approx(0.667, abs=0.001),
            "Deels zelf, deels uitbesteden", "Meerderheid") in rows
    assert ("Aanbodgericht of vraaggericht matchen?", "Vraaggericht: vanuit de vacature van de werkgever", 5,
            pytest.approx(0.556, abs=0.001), "Aanbodgericht: vanuit het profiel van de inburgeraar",
            "Meerderheid") in rows
    elements = {r[0]: r for r in rows if len(r) == 7 and isinstance(r[1], int)}
    essential = [e.id for e in advise(filled_session().profile).elements if e.priority == "essential"]
    assert essential and all(elements[title][1:5] == (6, 3, 0, 9) for title in _titles(essential))
    reasons = _rows(book["Toelichtingen"])
    assert ("Zelf doen of uitbesteden?", "Deels zelf, deels uitbesteden", "zo houden we grip op de begeleiding",
            "Ingrid") in reasons


def _titles(ids: list[str]) -> list[str]:
    from keuzehulp.contract.labels import labels

    return [labels().elements[i] for i in ids]


def test_the_comparison_and_the_costs_read_as_in_the_other_downloads(book) -> None:  # type: ignore[no-untyped-def]
    comparison = _rows(book["Vergelijking"])
    assert ("Keuze", "Met de regio", "Alleen", "Verschilt") in comparison
    training = next(r for r in comparison if r[0] == "Groepsgewijs of individueel?")
    assert training[-1] == "≠ verschilt"
    assert any(r[0] == "Kosten per jaar" for r in comparison)
    session = filled_session()
    costs = build_report(advise(session.profile), session).costs
    assert costs is not None
    rows = _rows(book["Kosten"])
    assert (f"In het kort: {costs.summary}",) in rows
    def cells(row: list[str]) -> tuple:  # an empty cell reads back as nothing (_rows)
        return tuple(c for c in row if c)

    assert cells(costs.cost_table.header) in rows, [r for r in rows if "Onderdeel" in r]
    assert all(cells(r) in rows for r in costs.cost_table.rows), [r for r in costs.cost_table.rows if cells(r) not in rows]


def test_typed_text_stays_text_and_the_secret_stays_out() -> None:
    rows = [VoteRow("decision:delivery", "in_house", "=HYPERLINK(\"http://evil.example\",\"klik\")", "=1+1")]
    votes = tally.snapshot(rows, code="KM7R4XHC", secret="geheim-van-de-begeleider", mode="priority",
                           closed=False, participants=1, now=TAKEN_AT)
    session = Session(workshop=votes)
    data = workshop_xlsx(session, now=TAKEN_AT)
    assert b"geheim-van-de-begeleider" not in data
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for row in book["Toelichtingen"].iter_rows() for c in row if c.value]
    typed = [c for c in cells if str(c.value).startswith("=")]
    assert typed and all(c.data_type == "s" for c in typed)  # shown as typed, never run
    assert ("De stemming loopt nog.",) in _rows(book["Stemmen"])
    # without scenarios and votes the sheets say so instead of being empty
    empty = _book(Session())
    assert _rows(empty["Stemmen"]) == [("Er is (nog) geen stemming in de workshop.",)]
    assert "minstens twee" in _rows(empty["Vergelijking"])[0][0]


def test_the_live_counts_win_over_the_sessions_snapshot() -> None:
    session = filled_session()
    newer = tally.snapshot([VoteRow("decision:delivery", "outsourced")] * 4, code="KM7R4XHC", secret="x",
                           mode="priority", closed=False, participants=12, now=TAKEN_AT)
    rows = _rows(_book(session, newer)["Stemmen"])
    assert ("12 deelnemers, stand van 6 december 2026 om 00:54.",) in rows


def test_file_name_has_the_municipality_and_the_dutch_date() -> None:
    assert workshop_xlsx_filename(filled_session(), date(2026, 12, 6)) == "workshop-lochem-2026-12-06.xlsx"
