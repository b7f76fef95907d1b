"""The room's votes in every download: 'Stemming in de workshop', apart from 'Advies van de
keuzehulp' and 'Keuze van het team'; typed markup stays text; the secret never leaves."""

from __future__ import annotations

import json
import re
from io import BytesIO

import pytest
from docx import Document
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, Session, TeamDecision, TeamInput
from keuzehulp.rules.engine import advise
from pypdf import PdfReader

from keuzehulp.report import render
from keuzehulp.workshop import tally
from keuzehulp.workshop.tally import VoteRow

HOSTILE = "<script>alert(1)</script> **vet** [klik](http://evil.example)"


def session_with_votes(mode: str = "priority") -> Session:
    rows = [VoteRow("decision:delivery", "in_house", "eigen mensen kennen de klanten", "Anna")] * 7
    rows += [VoteRow("decision:delivery", "outsourced", HOSTILE, "<b>Bob</b>")] * 2
    rows += [VoteRow("decision:matching", "supply_led")] * 4 + [VoteRow("decision:matching", "demand_led")] * 4
    if mode == "priority":
        rows += [VoteRow("element:aftercare", "essential")] * 5
    else:
        rows += [VoteRow("top5", "aftercare,pre-teaching")] * 3
    votes = tally.snapshot(rows, code="KM7R4XHC", secret="geheim-van-de-begeleider", mode=mode,
                           closed=True, participants=9)
    team = TeamInput(decisions={"delivery": TeamDecision(choice="mixed", reason="compromis")})
    return Session(profile=Profile(municipality="Lochem"), team=team, workshop=votes)


def word(session: Session) -> str:
    doc = Document(BytesIO(render("docx", advise(session.profile), session)))
    return "\n".join(p.text for p in doc.paragraphs)


def test_word_shows_advice_votes_and_team_choice_side_by_side():
    session = session_with_votes()
    text = word(session)
    delivery = text[text.index("Zelf doen of uitbesteden?"):text.index("Groepsgewijs of individueel?")]
    assert "Advies van de keuzehulp:" in delivery
    assert "Stemming in de workshop: 7 van 9 kiezen Zelf uitvoeren (Ruime meerderheid)" in delivery
    assert "Keuze van het team: Deels zelf, deels uitbesteden" in delivery
    assert delivery.index("Advies van de keuzehulp") < delivery.index("Stemming in de workshop") \
        < delivery.index("Keuze van het team")
    assert "Zelf uitvoeren: eigen mensen kennen de klanten (Anna)" in delivery
    assert "9 deelnemers stemden met hun telefoon" in text
    assert "Verdeeld: geen optie heeft een meerderheid." in text  # matching: 4 against 4


def test_element_votes_stand_beside_the_keuzehulps_priority_in_word():
    text = word(session_with_votes())
    title = labels().elements["aftercare"]
    line = next(x for x in text.splitlines() if x.startswith(f"☐ {title}"))
    assert "Stemming: 5 van 5 kiezen Essentieel" in line


def test_a_dot_vote_is_summed_up_as_the_rooms_top_five():
    text = word(session_with_votes("top5"))
    assert "Top 5 van de deelnemers:" in text and "(3)" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markup_typed_by_a_participant_stays_text(fmt):
    out = render(fmt, advise(Profile()), session_with_votes()).decode("utf-8")
    assert re.search(r"(?<!\\)<(script|b)>", out) is None  # Markdown: every < escaped
    assert 'href="http://evil.example"' not in out
    if fmt == "md":
        assert "\\[klik\\]" in out and "\\*\\*vet\\*\\*" in out
    if fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_pdf_holds_the_votes():
    pdf = PdfReader(BytesIO(render("pdf", advise(Profile()), session_with_votes())))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Stemming in de workshop" in text and "7 van 9 kiezen Zelf uitvoeren" in text


def test_json_export_holds_the_votes_but_never_the_facilitators_secret():
    session = session_with_votes()
    raw = render("json", advise(session.profile), session)
    assert b"geheim-van-de-begeleider" not in raw
    data = json.loads(raw)
    assert data["workshop"]["questions"]["decision:delivery"]["counts"] == {"in_house": 7, "outsourced": 2}
    restored = parse_session(raw)
    assert restored.workshop is not None and restored.workshop.secret == ""
    assert restored.workshop.questions == session.workshop.questions


def test_the_saved_session_keeps_votes_and_secret_for_the_facilitator():
    session = session_with_votes()
    again = parse_session(session.model_dump_json().encode())
    assert again.workshop == session.workshop
    assert again.workshop.secret == "geheim-van-de-begeleider"
