"""The choice summary pastes into a memo (issue 24), read back the way a reader sees the pages:
the Word file rendered by LibreOffice (skipped without `soffice`) and the PDF writer's own file.

Page 1 names the scenario and carries costs and lead time in one line; the main body
(Besluitpunten, the choices, the actions) is at most six pages and the rest follows under
"Bijlagen"; no word in a table is broken over two lines; the footer is one line; one quote
style; dates and times in Dutch local time, without "UTC"."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from keuzehulp.dutch.dates import dutch_moment
from keuzehulp.report import render
from keuzehulp.report.build import build_report
from keuzehulp.report.model import Report
from keuzehulp.rules.engine import advise
from tests.filled_session import filled_session
from tests.pdfpages import broken_words, first_page_with_line, pages

TODAY = date(2026, 12, 6)
MAIN_BODY_PAGES = 6


@pytest.fixture(scope="module")
def report() -> Report:
    session = filled_session()
    return build_report(advise(session.profile), session, TODAY)


@pytest.fixture(scope="module")
def word_pdf(tmp_path_factory) -> list[str]:
    """The Word download as LibreOffice lays it out (what a reader opening it sees)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("word")
    session = filled_session()
    (folder / "overzicht.docx").write_bytes(render("docx", advise(session.profile), session, TODAY))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                    "pdf", "--outdir", str(folder), str(folder / "overzicht.docx")],
                   check=True, capture_output=True, timeout=180)
    return pages((folder / "overzicht.pdf").read_bytes())


@pytest.fixture(scope="module")
def writer_pdf() -> list[str]:
    session = filled_session()
    return pages(render("pdf", advise(session.profile), session, TODAY))


@pytest.fixture(params=["word", "pdf"])
def rendered(request) -> list[str]:  # type: ignore[no-untyped-def]
    return request.getfixturevalue("word_pdf" if request.param == "word" else "writer_pdf")


def _table_cells(r: Report) -> list[str]:
    rows = [*r.decision_rows(), *r.action_rows(), *r.participants, *r.profile, *r.scenario_table, *r.abbreviations]
    assert r.costs is not None
    for t in (r.costs.cost_table, r.costs.money_table, r.costs.timeline_table, r.costs.amounts_table):
        if t is not None:
            rows += [t.header, *t.rows]
    assert r.procurement is not None
    for _, block_rows in r.procurement.groups:
        rows += [r.procurement.columns, *block_rows]
    return [cell for row in rows for cell in row]


def test_page_one_names_the_scenario_and_costs_and_lead_time_in_one_line(rendered, report) -> None:
    one = " ".join(rendered[0].split())
    assert "Scenario: Met de regio" in one
    assert report.costs is not None
    # the figures as computed once (keuzehulp/costs/estimate.py, worded by costview.summary_line)
    assert f"Kosten en doorlooptijd: {report.costs.summary}" in one
    assert "Eerste taalles 3 maanden na de huisvesting" in one and "per jaar" in one
    assert "Besluitpunten" in one
    # issue 26: the price check and where the building blocks are, in one line; the blocks in an annex
    assert report.procurement is not None
    assert f"Inkoop: {report.procurement_line()}" in one
    assert "staan in bijlage C" in one


def test_main_body_is_at_most_six_pages_and_the_rest_are_appendices(rendered, report) -> None:
    start = first_page_with_line(rendered, "Bijlagen")
    assert start, "no 'Bijlagen' heading"
    assert start - 1 <= MAIN_BODY_PAGES, f"main body is {start - 1} pages"
    main = " ".join(" ".join(rendered[: start - 1]).split())
    for d in report.decisions:  # the choices, each with the team's choice, are in the main body
        assert d.title in main
    assert "Acties" in main and report.actions[0].action[:40] in main
    rest = "\n".join(rendered[start - 1:])
    positions = [rest.index(heading) for _, heading in report.annexes]
    assert positions == sorted(positions)
    assert [h for _, h in report.annexes][:4] == ["Bijlage A. Werkzame elementen per vraag",
                                                  "Bijlage B. Kosten en doorlooptijd",
                                                  "Bijlage C. Bouwstenen voor de inkoop",
                                                  "Bijlage D. Scenario's vergeleken"]


def test_no_word_in_a_table_is_broken_over_two_lines(rendered, report) -> None:
    assert broken_words("\n".join(rendered), _table_cells(report)) == []


def test_the_footer_is_one_line_on_every_page(rendered) -> None:
    total = len(rendered)
    for number, text in enumerate(rendered, start=1):
        lines = [" ".join(x.split()) for x in text.splitlines()]
        assert any("Keuzehulp duaal inburgeren" in x and x.endswith(f"pagina {number} van {total}") for x in lines), \
            f"page {number}: footer not on one line: {lines[-2:]}"


def test_one_quote_style_curly(rendered) -> None:
    text = "\n".join(rendered)
    without_addresses = re.sub(r"https?://\S+", "", text)
    assert not re.search(r"[\"“”]", without_addresses)
    assert not re.search(r"(?<![\w/])'|'(?![\w])", without_addresses), "a straight quote"
    assert "‘Allemaal dual’" in text


def test_times_are_dutch_local_time_without_utc(rendered) -> None:
    text = " ".join("\n".join(rendered).split())
    # the votes were counted at 23:54 UTC on 5 December: in the Netherlands 00:54 on 6 December
    assert "stand van 6 december 2026 om 00:54" in text
    assert "UTC" not in text


def test_a_moment_is_shown_in_dutch_local_time_summer_and_winter() -> None:
    assert dutch_moment("2026-12-05T23:54:00+00:00") == "6 december 2026 om 00:54"
    assert dutch_moment("2027-07-01T22:30:00+00:00") == "2 juli 2027 om 00:30"  # summer time, +2
    assert dutch_moment("2027-07-01T22:30:00") == "2 juli 2027 om 00:30"  # naive: the store's UTC


# --- the scenario comparison as PDF (Vergelijken) ------------------------------------------------


def _comparison(names: int):  # type: ignore[no-untyped-def]
    from keuzehulp.report.compare import compare
    from tests.filled_session import ALONE, REGION

    session = filled_session()
    scenarios = [("Alleen", ALONE), ("Met de regio", REGION),
                 ("Groei naar 80 per jaar", REGION.model_copy(update={"annual_intake": 80}))][:names]
    return compare(scenarios, session.team, session.costs)


@pytest.mark.parametrize("names", [2, 3])
def test_the_comparison_as_pdf_marks_differences_and_breaks_no_word(names: int) -> None:
    import io

    import pypdf

    from keuzehulp.report import render_comparison
    from keuzehulp.report.comparison import cost_rows, decision_rows, element_rows, field_rows

    comparison = _comparison(names)
    data = render_comparison("pdf", comparison, TODAY)
    texts_ = pages(data)
    text = "\n".join(texts_)
    flat = " ".join(text.split())
    assert "Scenario's vergeleken — Lochem" in flat and "Gemaakt op 6 december 2026" in flat
    assert all(name in flat for name in comparison.names)
    assert "≠ verschilt" in flat and "Kosten en doorlooptijd" in flat and "Keuze van het team" in flat
    cells = [c for rows in (decision_rows(comparison), element_rows(comparison), field_rows(comparison),
                            cost_rows(comparison)) for cells, _ in rows for c in cells]
    assert broken_words(text, [*cells, *comparison.names]) == []
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    landscape = page.mediabox.width > page.mediabox.height
    assert landscape == (names >= 3)  # three scenarios side by side need the width
    for number, page_text in enumerate(texts_, start=1):
        assert f"pagina {number} van {len(texts_)}" in " ".join(page_text.split())
