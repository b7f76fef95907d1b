"""Scenarios side by side (keuzehulp.report.compare) and the comparison's Markdown and Word exports."""

from __future__ import annotations

import io
from datetime import date

import keuzehulp.report.compare as compare_module
import pytest
from docx import Document
from keuzehulp.contract.schema import (
    DECISION_OPTIONS,
    ELEMENT_IDS,
    Advice,
    DecisionAdvice,
    ElementAdvice,
    Profile,
    Reason,
    TeamInput,
)
from keuzehulp.dutch.markdown import render_markdown
from keuzehulp.report.compare import compare
from keuzehulp.rules.engine import advise

from keuzehulp.report import comparison_docx, comparison_filename, comparison_markdown
from keuzehulp.report.texts import comparison_texts

TODAY = date(2026, 11, 27)
DIFFERS = comparison_texts().differs
ALONE = Profile(municipality="Lochem", annual_intake=25)
REGION = ALONE.model_copy(update={"regional_cooperation": "existing", "regional_intake": 400})


def _fake_advise(profile: Profile) -> Advice:
    """A controlled advice: training_format and the budget element follow regional cooperation."""
    regional = profile.regional_cooperation == "existing"
    decisions = {
        d: DecisionAdvice(choice=opts[0], strength="moderate", sources=["q2"],
                          reasons_for=[Reason(text="x", basis="aanname", assumption="scoring")])
        for d, opts in DECISION_OPTIONS.items()
    }
    decisions["training_format"] = DecisionAdvice(
        choice="shared_purchase" if regional else "individual", strength="strong", sources=["q2"])
    elements = [ElementAdvice(id=e, priority="recommended", sources=["q1"]) for e in ELEMENT_IDS]
    elements[4] = ElementAdvice(id=ELEMENT_IDS[4], priority="essential" if regional else "consider")
    return Advice(profile=profile, decisions=decisions, elements=elements)


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_module, "advise", _fake_advise)


def _docx_text(data: bytes) -> tuple[list[str], list[list[list[tuple[str, bool]]]], list[str]]:
    """(headings, tables as rows of (cell text, any run bold), paragraphs) of a Word file."""
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    tables = []
    for table in doc.tables:
        rows = []
        for row in table.rows:
            rows.append([(c.text, any(r.bold for p in c.paragraphs for r in p.runs)) for c in row.cells])
        tables.append(rows)
    return headings, tables, [p.text for p in doc.paragraphs]


def test_regional_scenario_differs_in_training_format_only(fake_engine: None) -> None:
    result = compare([("Alleen", ALONE), ("Met de regio", REGION)])
    rows = {d.id: d for d in result.decisions}
    assert rows["training_format"].differs
    assert [c.choice for c in rows["training_format"].cells] == ["individual", "shared_purchase"]
    assert [c.choice_label for c in rows["training_format"].cells][0] == "Individuele aanpak"
    assert not rows["delivery"].differs and not rows["matching"].differs
    assert result.decisions_differ
    assert [e.id for e in result.differing_elements] == [ELEMENT_IDS[4]]
    assert result.differing_elements[0].priority_labels == ["Overweeg", "Essentieel"]


def test_only_the_changed_answers_are_listed_as_differing(fake_engine: None) -> None:
    result = compare([("Alleen", ALONE), ("Met de regio", REGION)])
    assert {f.field for f in result.differing_fields} == {"regional_cooperation", "regional_intake"}
    cooperation = next(f for f in result.fields if f.field == "regional_cooperation")
    assert cooperation.label == "Werkt u samen met buurgemeenten?"
    assert cooperation.values == ["Nee", "Ja, dat doen we al"]
    assert result.municipality == "Lochem"
    assert "schema_version" not in {f.field for f in result.fields}


def test_identical_scenarios_show_no_difference(fake_engine: None) -> None:
    result = compare([("A", ALONE), ("B", ALONE), ("C", ALONE)])
    assert not result.decisions_differ and not result.elements_differ
    assert result.differing_fields == []
    md = comparison_markdown(result, TODAY)
    assert f"| {DIFFERS} |" not in md and "**" not in md.split("## Keuzes")[1]
    assert "De scenario's hebben dezelfde antwoorden." in md


def test_duplicate_names_are_refused() -> None:
    with pytest.raises(ValueError):
        compare([("A", ALONE), ("A", REGION)])


def test_markdown_holds_both_choices_and_marks_the_difference(fake_engine: None) -> None:
    md = comparison_markdown(compare([("Alleen", ALONE), ("Met de regio", REGION)]), TODAY)
    assert "27 november 2026" in md
    line = next(x for x in md.splitlines() if x.startswith("| Groepsgewijs of individueel?"))
    assert "**Individuele aanpak — duidelijk advies (handreiking en aannames van de keuzehulp)**" in line
    assert "**Scholing extern inkopen (eventueel samen met andere gemeenten) — duidelijk advies (handreiking en aannames van de keuzehulp)**" in line
    assert line.endswith(f"| {DIFFERS} |")
    same = next(x for x in md.splitlines() if x.startswith("| Zelf doen of uitbesteden?"))
    assert same.endswith("| gelijk |") and "**" not in same
    html = render_markdown(md)
    assert "<table>" in html and "<strong>Individuele aanpak — duidelijk advies (handreiking en aannames van de keuzehulp)</strong>" in html


def test_user_text_stays_inert_in_markdown(fake_engine: None) -> None:
    evil = Profile(municipality="<script>alert(1)</script> | [x](http://e.vil)")
    result = compare([("**vet** | kolom", evil), ("# kop", evil.model_copy(update={"annual_intake": 5}))])
    html = render_markdown(comparison_markdown(result, TODAY))
    assert "<script>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html
    assert "<strong>vet</strong>" not in html
    assert "<h1>kop" not in html
    # The table still has its four columns: the | in a name did not split a cell.
    header = next(x for x in comparison_markdown(result).splitlines() if x.startswith("| Keuze"))
    assert header.count(" | ") == 3


def test_word_has_headings_tables_and_bold_differences(fake_engine: None) -> None:
    result = compare([("Alleen", ALONE), ("Met de regio", REGION)])
    headings, tables, paragraphs = _docx_text(comparison_docx(result, TODAY))
    assert headings[0] == "Scenario's vergeleken — Lochem"
    assert "Keuzes: advies van de keuzehulp" in headings and "Antwoorden die verschillen" in headings
    decisions = tables[0]
    assert [text for text, _ in decisions[0]] == ["Keuze", "Alleen", "Met de regio", "Verschilt"]
    training = next(row for row in decisions if row[0][0] == "Groepsgewijs of individueel?")
    assert training[1] == ("Individuele aanpak — duidelijk advies (handreiking en aannames van de keuzehulp)", True)
    assert training[2][0].startswith("Scholing extern inkopen") and training[2][1]
    assert training[3][0] == DIFFERS
    delivery = next(row for row in decisions if row[0][0] == "Zelf doen of uitbesteden?")
    assert delivery[3][0] == "gelijk" and not delivery[1][1]
    fields = tables[2]
    assert [row[0][0] for row in fields[1:]] == [
        "Werkt u samen met buurgemeenten?",
        "Hoeveel inburgeraars per jaar hebben de samenwerkende gemeenten samen (zonder uw gemeente)?",
    ]
    assert any("Gemaakt op 27 november 2026" in p for p in paragraphs)


def test_team_choice_travels_with_the_comparison(fake_engine: None) -> None:
    team = TeamInput.model_validate(
        {"decisions": {"training_format": {"choice": "group", "reason": "Wij starten <b>zelf</b> groepen."}}})
    result = compare([("Alleen", ALONE), ("Met de regio", REGION)], team=team)
    md = comparison_markdown(result)
    assert "## Keuze van het team" in md
    assert "Groepsgewijze training en scholing" in md
    assert "<b>" not in render_markdown(md) and "Wij starten" in md
    _, _, paragraphs = _docx_text(comparison_docx(result))
    team_line = next(p for p in paragraphs if p.startswith("Groepsgewijs of individueel?"))
    assert "Groepsgewijze training en scholing" in team_line and "Wij starten <b>zelf</b> groepen." in team_line


def test_three_scenarios_and_control_characters_still_make_a_word_file(fake_engine: None) -> None:
    odd = ALONE.model_copy(update={"municipality": "Ber\x07gen\x00"})
    result = compare([("Een\x0b", ALONE), ("Twee", REGION), ("Drie", odd)])
    headings, tables, _ = _docx_text(comparison_docx(result))
    assert [text for text, _ in tables[0][0]] == ["Keuze", "Een", "Twee", "Drie", "Verschilt"]
    assert any(row[0][0] == "Naam van de gemeente (of regio)" for row in tables[2])


def test_file_names_carry_the_municipality_and_date(fake_engine: None) -> None:
    result = compare([("Alleen", ALONE.model_copy(update={"municipality": "Súdwest-Fryslân"})), ("B", REGION)])
    assert comparison_filename("md", result, TODAY).startswith("vergelijking-sudwest-fryslan")
    nameless = compare([("Alleen", Profile()), ("Met de regio", Profile(annual_intake=3))])
    assert comparison_filename("docx", nameless, TODAY) == "vergelijking-alleen-met-de-regio-2026-11-27.docx"


def _row_flags(data: bytes) -> list[list[set[str]]]:
    """Per table, per row: the row properties set (tblHeader, cantSplit)."""
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(data))
    flags = []
    for table in document.tables:
        rows = []
        for row in table.rows:
            props = row._tr.trPr
            rows.append({tag for tag in ("tblHeader", "cantSplit")
                         if props is not None and props.find(qn(f"w:{tag}")) is not None})
        flags.append(rows)
    return flags


def test_word_tables_repeat_their_header_and_never_cut_a_row_across_pages(fake_engine: None) -> None:
    """On paper a long comparison or answers table runs over pages: each page starts with the
    column names, and no scenario's cell is split between two pages."""
    from keuzehulp.rules.engine import advise

    from keuzehulp.report import render

    outputs = {"comparison": comparison_docx(compare([("Alleen", ALONE), ("Met de regio", REGION)]), TODAY),
               "summary": render("docx", advise(REGION))}
    for name, data in outputs.items():
        tables = _row_flags(data)
        assert tables, name
        for rows in tables:
            assert "tblHeader" in rows[0], name
            assert all("cantSplit" in row for row in rows[1:]), name


def test_word_comparison_tables_span_the_text_width(fake_engine: None) -> None:
    """Three scenarios go landscape; the tables then use that width instead of half of it."""
    three = compare([("Alleen", ALONE), ("Met de regio", REGION), ("Nog eens", ALONE)])
    document = Document(io.BytesIO(comparison_docx(three, TODAY)))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert section.page_width > section.page_height
    for table in document.tables:
        widths = [cell.width for cell in table.rows[0].cells]
        assert abs(sum(widths) - text_width) < 1000, widths  # EMU: well under a millimetre
        assert widths[0] > widths[-1]  # the question column is wider than 'Verschilt'


def test_the_report_registry_serves_the_comparison_in_word_and_markdown(fake_engine: None) -> None:
    """The Vergelijken page offers exactly the formats the registry has a comparison for."""
    from keuzehulp.report import COMPARISON_FORMATS, FORMATS, render_comparison

    result = compare([("Alleen", ALONE), ("Met de regio", REGION)])
    assert COMPARISON_FORMATS == ("docx", "md")
    assert render_comparison("md", result, TODAY) == comparison_markdown(result, TODAY).encode("utf-8")
    assert Document(io.BytesIO(render_comparison("docx", result, TODAY))).paragraphs[0].text.startswith(
        "Scenario's vergeleken")
    assert comparison_filename("docx", result, TODAY).endswith(f".{FORMATS['docx'].extension}")
    with pytest.raises(KeyError):
        render_comparison("pdf", result, TODAY)


def test_the_comparison_says_what_each_advice_rests_on() -> None:
    """Issue 10: a strength label never hides whether the advice is the handreiking's or the
    keuzehulp's own estimate - in the comparison too."""
    from keuzehulp.knowledge.provenance import strength_label

    alone = Profile(annual_intake=14)
    comparison = compare([("Alleen", alone), ("Groot", Profile(annual_intake=400))])
    for row in comparison.decisions:
        for cell, profile in zip(row.cells, (alone, Profile(annual_intake=400)), strict=True):
            decision = advise(profile).decisions[row.id]
            assert cell.strength_label == strength_label(decision.strength, decision.basis)
    labels = {cell.strength_label for row in comparison.decisions for cell in row.cells}
    assert any(label.startswith("Inschatting van de keuzehulp") for label in labels)
