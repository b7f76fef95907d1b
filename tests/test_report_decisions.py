"""What a wethouder reads first: every download opens with "Besluitpunten" (per decision the
keuzehulp's advice, the team's choice and reason, marked where they differ) and the team's
actions with owners and dates; the answers, pilot examples and sources follow as appendices.

Read back the way a person opens the file: page 1 of the PDF (pypdf), Word up to its first
page break (python-docx), the Markdown as text.
"""

from __future__ import annotations

import io
import json
from datetime import date

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.schema import Scenario, TeamAction, TeamDecision
from keuzehulp.dutch.markdown import render_markdown
from keuzehulp.report import render
from tests.test_report_formats import TODAY, sample_advice, sample_session, text_of

DIFFERS = "≠ wijkt af"


@pytest.fixture(scope="module", autouse=True)
def hand_made_engine():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("keuzehulp.report.build.advise", sample_advice)
        yield


def workshop_session():
    """Lochem: the team picks shared purchase where the keuzehulp advises individual, and
    notes two actions (one with an owner and date, one with an owner only)."""
    session = sample_session()
    session.team.decisions["delivery"] = TeamDecision(choice="mixed", reason="Zoals geadviseerd.")
    session.team.actions["dual-from-start"] = TeamAction(
        action="Werkgevers bellen voor 5 plekken; zie https://www.example.nl/a_b?x=1&y=2",
        owner="Fatima (sw-bedrijf)", due=date(2027, 1, 15))
    session.team.actions["breakthrough-budget"] = TeamAction(owner="Kees")
    session.team.actions["specialised-coach"] = TeamAction()  # nothing filled in: not listed
    return session


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    session = workshop_session()
    advice = sample_advice(session.profile)
    return {fmt: render(fmt, advice, session, TODAY) for fmt in ("pdf", "docx", "md", "html", "json")}


def _pdf_page(data: bytes, number: int) -> str:
    return " ".join(pypdf.PdfReader(io.BytesIO(data)).pages[number].extract_text().split())


def _word_first_page(data: bytes) -> str:
    """The paragraphs and tables of a Word file up to its first hard page break."""
    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            if block.findall(".//" + qn("w:br")) and any(
                br.get(qn("w:type")) == "page" for br in block.iter(qn("w:br"))
            ):
                break
            parts.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            parts += ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in block.iter(qn("w:tc"))]
    return " ".join(" ".join(parts).split())


def _first_page(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return _pdf_page(data, 0)
    if fmt == "docx":
        return _word_first_page(data)
    text = text_of(fmt, data)
    return text[: text.index("Leeswijzer")]


PAGE_ONE = [
    "Besluitpunten",
    # the decision the team took differently, its reason and the mark
    "Groepsgewijs of individueel?", "Individuele aanpak", "Scholing extern inkopen", DIFFERS,
    "Samen inkopen met Brummen.",
    # a decision the team followed, and one it has not taken yet
    "Deels zelf, deels uitbesteden", "Zoals geadviseerd.", "nog niet gekozen",
    # the actions, with owner and date
    "Acties", "Werkgevers bellen voor 5 plekken", "Fatima (sw-bedrijf)", "15 januari 2027", "Kees",
]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "html"])
def test_page_one_holds_the_decisions_the_differences_and_the_actions(fmt: str, files: dict[str, bytes]) -> None:
    page = _first_page(fmt, files[fmt])
    missing = [want for want in PAGE_ONE if want not in page]
    assert not missing, f"{fmt} page 1 lacks {missing}"
    # the answers and the sources are appendices, not page 1
    assert "Uw antwoorden" not in page and "Bronnen" not in page
    assert page.count(DIFFERS) == 2  # the intro explains the mark; only training_format has it


def test_pdf_puts_answers_examples_and_sources_after_the_questions(files: dict[str, bytes]) -> None:
    text = text_of("pdf", files["pdf"])
    # issue 24: the choices in the main body, everything else lettered appendices after "Bijlagen"
    order = ["Besluitpunten", "Leeswijzer", "De keuzes toegelicht", "Bijlagen", "Bijlage A. Werkzame elementen",
             "Vraag 1.", "Vraag 5.", "Bijlage B. Kosten en doorlooptijd", "Bijlage C. Bouwstenen voor de inkoop",
             "Bijlage D. Scenario's vergeleken", "Bijlage E. Uw antwoorden", "Bijlage F. Voorbeelden uit de pilots",
             "Bijlage H. Bronnen", "Colofon"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "versie van de regels: 1 december 2026" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "html"])
def test_an_action_is_also_under_its_element(fmt: str, files: dict[str, bytes]) -> None:
    text = text_of(fmt, files[fmt])
    rest = text[text.index("Leeswijzer"):]
    assert "Actie van het team" in rest and "Fatima (sw-bedrijf)" in rest and "15 januari 2027" in rest


def test_actions_survive_saving_and_loading_and_older_files_still_load(files: dict[str, bytes]) -> None:
    back = parse_session(files["json"])
    action = back.team.actions["dual-from-start"]
    assert (action.owner, action.due) == ("Fatima (sw-bedrijf)", date(2027, 1, 15))
    older = json.loads(workshop_session().model_dump_json())
    del older["team"]["actions"]  # a session saved before actions existed
    assert parse_session(json.dumps(older).encode()).team.actions == {}


def test_an_action_for_an_unknown_element_is_refused_in_dutch() -> None:
    data = json.loads(workshop_session().model_dump_json())
    data["team"]["actions"]["geen-element"] = {"action": "x"}
    from keuzehulp.contract.inputs import InputError

    with pytest.raises(InputError) as exc:
        parse_session(json.dumps(data).encode())
    assert "werkzame element" in " ".join(exc.value.messages)


def test_markdown_keeps_user_text_and_web_addresses_without_stray_backslashes(files: dict[str, bytes]) -> None:
    """Few backslashes in a text editor; a web address a user typed gets just enough that no
    viewer makes it a link (issue 22: before ':' of '://' and a host name's dots), and reads as
    typed once rendered."""
    md = files["md"].decode()
    assert "Fatima (sw-bedrijf)" in md and "sw\\-bedrijf" not in md
    assert "https\\://www\\.example\\.nl/a_b?x=1&y=2" in md
    assert "https://www.example.nl/a_b?x=1&amp;y=2" in render_markdown(md)
    assert "Actie\\:" not in md


def test_comparison_names_the_chosen_scenario_and_has_no_duplicate_column() -> None:
    session = sample_session()
    session.scenarios.insert(0, Scenario(name="Alleen", profile=session.profile))
    session.active_scenario = "Alleen"
    md = render("md", sample_advice(session.profile), session, TODAY).decode()
    header = next(line for line in md.splitlines() if line.startswith("| Keuze | Alleen"))
    assert header == "| Keuze | Alleen (dit overzicht) | Samen met Brummen | Groei naar 40 |"
    assert "Dit overzicht |" not in md
