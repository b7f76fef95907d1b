"""The report model: what the choice summary says, before any format draws it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_report_formats import TODAY, sample_advice

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ELEMENT_SECTIONS, Profile, Session, TeamDecision, TeamInput
from keuzehulp.contract.yamlio import ContentError
from keuzehulp.dutch.dates import MONTHS_NL, dutch_date
from keuzehulp.report import FORMATS, as_pdf, build_report, filename, pdfdoc, render
from keuzehulp.report.texts import load_texts


@pytest.fixture(autouse=True)
def hand_made_engine(monkeypatch):
    monkeypatch.setattr("keuzehulp.report.build.advise", sample_advice)


def test_dates_are_written_in_dutch_whatever_the_locale() -> None:
    assert dutch_date(date(2026, 11, 27)) == "27 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"
    assert [dutch_date(date(2026, m, 1)).split()[1] for m in range(1, 13)] == list(MONTHS_NL)


@pytest.mark.parametrize(
    ("municipality", "fmt", "expected"),
    [
        ("Lochem", "docx", "keuzeoverzicht-lochem-2026-11-27.docx"),
        ("Súdwest-Fryslân", "pdf", "keuzeoverzicht-sudwest-fryslan-2026-11-27.pdf"),
        ("'s-Hertogenbosch", "html", "keuzeoverzicht-s-hertogenbosch-2026-11-27.html"),
        ("Regio  Gorinchem & Molenlanden!", "md", "keuzeoverzicht-regio-gorinchem-molenlanden-2026-11-27.md"),
        ("<script>alert(1)</script>", "json", "keuzeoverzicht-script-alert-1-script-2026-11-27.json"),
        ("", "docx", "keuzeoverzicht-2026-11-27.docx"),
        ("???", "pdf", "keuzeoverzicht-2026-11-27.pdf"),
    ],
)
def test_file_name_names_the_municipality_and_date(municipality: str, fmt: str, expected: str) -> None:
    assert filename(fmt, Profile(municipality=municipality), TODAY) == expected


def test_registry_knows_extension_and_mime_type_of_every_format() -> None:
    assert set(FORMATS) == {"md", "html", "docx", "pdf", "json"}
    assert FORMATS["docx"].mime.endswith("wordprocessingml.document")
    assert FORMATS["pdf"].mime == "application/pdf"
    with pytest.raises(KeyError):
        render("odt", sample_advice(Profile()))


def test_title_without_a_municipality_has_no_dash() -> None:
    report = build_report(sample_advice(Profile()), today=TODAY)
    assert report.title == "Keuzeoverzicht duale trajecten"
    assert ("Naam van de gemeente (of regio)", "(niet ingevuld)") in report.profile


def test_profile_table_uses_dutch_labels_and_values_without_schema_version() -> None:
    report = build_report(sample_advice(Profile(level_mix="similar", partners=["vocational_college"])), today=TODAY)
    rows = dict(report.profile)
    assert rows[labels().field("level_mix")] == "Ja, ongeveer hetzelfde niveau"
    assert rows[labels().field("partners")] == "Mbo-instelling (ROC)"
    assert rows[labels().field("flexible_budget")] == "Nee"
    assert labels().field("schema_version") not in rows
    assert len(rows) == len(Profile.model_fields) - 1


def test_decisions_and_elements_sit_under_their_handreiking_question() -> None:
    report = build_report(sample_advice(Profile()), today=TODAY)
    by_question = {q.id: q for q in report.questions}
    assert [d.id for d in by_question["q2"].decisions] == ["delivery", "training_format"]
    assert [d.id for d in by_question["q5"].decisions] == ["matching"]
    assert by_question["q2"].group_formation.startswith("Bij 30 inburgeraars per jaar")
    assert not by_question["q5"].group_formation
    for q in report.questions:
        assert all(ELEMENT_SECTIONS[e.id] == q.id for e in q.elements)
    assert sum(len(q.elements) for q in report.questions) == 15


def test_without_a_session_the_team_has_not_chosen_and_there_are_no_scenarios() -> None:
    report = build_report(sample_advice(Profile()), today=TODAY)
    decisions = [d for q in report.questions for d in q.decisions]
    assert all(d.team.choice == "" and not d.team.differs for d in decisions)
    assert report.scenarios == [] and report.participants == []
    assert "Scenario" not in render("md", sample_advice(Profile()), today=TODAY).decode()


def test_team_choice_is_kept_apart_from_the_advice_and_flags_a_difference() -> None:
    session = Session(team=TeamInput(decisions={
        "training_format": TeamDecision(choice="group", reason="De raad wil groepen.\nNu al."),
        "matching": TeamDecision(choice="supply_led"),
    }))
    report = build_report(sample_advice(session.profile), session, TODAY)
    decisions = {d.id: d for q in report.questions for d in q.decisions}
    training = decisions["training_format"]
    assert training.choice == "Individuele aanpak"  # the tool's advice is untouched
    assert training.team.choice == "Groepsgewijze training en scholing"
    assert training.team.reason == ["De raad wil groepen.", "Nu al."]
    assert training.team.differs
    assert decisions["matching"].team.choice and not decisions["matching"].team.differs


def test_examples_are_those_the_advice_names_with_their_municipalities() -> None:
    report = build_report(sample_advice(Profile()), today=TODAY)
    assert [x.id for x in report.examples] == [
        "individual-placement", "breakthrough-budget-dordrecht", "sector-practice-lessons"]
    assert report.examples[0].municipalities == ["Lochem", "Brummen"]
    assert report.examples[0].relates_to == ["Groepsgewijs of individueel?"]


def test_scenarios_list_what_differs_and_their_advice() -> None:
    from test_report_formats import sample_session

    report = build_report(sample_advice(Profile(municipality="Lochem")), sample_session(), TODAY)
    assert [s.name for s in report.scenarios] == ["Samen met Brummen", "Groei naar 40"]
    assert report.scenario_table[0] == ["Keuze", "Dit overzicht", "Samen met Brummen", "Groei naar 40"]
    assert any("Nee → Ja, dat doen we al" in d for d in report.scenarios[0].differences)
    assert any(c.startswith("Groepsgewijs of individueel? Individuele aanpak") for c in report.scenarios[1].choices)


def test_footer_and_colophon_name_the_rules_version_in_words() -> None:
    advice = sample_advice(Profile())
    report = build_report(advice, today=TODAY)
    assert "versie van de regels: 1 december 2026" in report.footer
    assert "abc123def456" not in report.footer  # no bare hash where a reader looks
    assert "Versie van de regels: 1 december 2026 (kenmerk abc123def456)" in report.colophon
    unknown = advice.model_copy(update={"rules_version": ""})
    assert "(kenmerk onbekend)" in build_report(unknown, today=TODAY).colophon


def test_sources_name_the_handreiking_sections_used_and_its_references() -> None:
    report = build_report(sample_advice(Profile()), today=TODAY)
    handreiking = report.sources[0].items[0]
    assert handreiking.title.startswith("Allemaal dual")
    assert handreiking.details[0] == "Gebruikte onderdelen: vraag 1, 2, 3, 4 en 5"
    assert len(report.sources[1].items) == 3


def test_missing_pdf_font_gives_a_dutch_message(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdfdoc, "FONT_DIRS", (tmp_path,))
    with pytest.raises(as_pdf.FontMissingError, match="lettertype DejaVu Sans ontbreekt"):
        render("pdf", sample_advice(Profile()), today=TODAY)


def test_a_broken_report_text_file_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "report.yaml"
    broken.write_text('tool_name: "x"\ntitel: "typo"\n', encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_texts(broken)
    assert any(p.line == 2 and "titel" in p.message for p in info.value.problems)


def test_cli_writes_every_format_from_a_saved_advice_with_the_team_input(tmp_path: Path, capsys) -> None:
    """python -m keuzehulp advise FILE --format F -o OUT, for all five formats."""
    import docx
    from test_report_formats import sample_session

    from keuzehulp.cli import main

    session = sample_session()
    exported = tmp_path / "advies.json"
    exported.write_bytes(render("json", sample_advice(session.profile), session, TODAY))
    for fmt in FORMATS:
        out = tmp_path / f"uit.{fmt}"
        assert main(["advise", str(exported), "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert (tmp_path / "uit.pdf").read_bytes().startswith(b"%PDF")
    team = [p.text for p in docx.Document(str(tmp_path / "uit.docx")).paragraphs if "Keuze van het team:" in p.text]
    assert "Keuze van het team: Scholing extern inkopen (eventueel samen met andere gemeenten)" in team


def test_cli_says_in_dutch_when_the_pdf_font_is_missing(monkeypatch, tmp_path: Path, capsys) -> None:
    from keuzehulp.cli import main

    monkeypatch.setattr(pdfdoc, "FONT_DIRS", (tmp_path,))
    profile = tmp_path / "profiel.json"
    profile.write_text('{"municipality": "Lochem"}', encoding="utf-8")
    assert main(["advise", str(profile), "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "lettertype DejaVu Sans ontbreekt" in err and "Traceback" not in err
