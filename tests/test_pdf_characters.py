"""Every character a Dutch user may type reaches the PDF: drawn with a bundled font, or
replaced by a visible "[teken]"; never dropped with an English warning on the console
(tests/hostile/pdf_texts.yaml)."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pypdf
import pytest
from keuzehulp.contract.schema import (
    DECISION_IDS,
    SECTION_IDS,
    Participant,
    Profile,
    Session,
    TeamDecision,
    TeamInput,
)
from keuzehulp.contract.yamlio import load_yaml_file

from keuzehulp import advise
from keuzehulp.report import render
from keuzehulp.report.pdftext import REPLACEMENT

ROOT = Path(__file__).resolve().parent.parent
CASES, _problems = load_yaml_file(ROOT / "tests" / "hostile" / "pdf_texts.yaml")
assert not _problems, _problems


def _session(text: str) -> Session:
    team = TeamInput(participants=[Participant(name=text, role="beleid")],
                     decisions={d: TeamDecision(reason=f"Reden: {text}") for d in DECISION_IDS},
                     notes={s: f"Notitie: {text}" for s in SECTION_IDS})
    return Session(profile=Profile(municipality=text[:100]), team=team)


def _pdf(text: str, caplog: pytest.LogCaptureFixture) -> bytes:
    session = _session(text)
    caplog.clear()
    with caplog.at_level(logging.DEBUG), warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        data = render("pdf", advise(session.profile), session=session)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert said == [], said
    return data


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_character_is_drawn_or_visibly_replaced(case: dict[str, Any], caplog) -> None:
    data = _pdf(case["text"], caplog)
    text = _text(data)
    if "shown" in case:
        assert case["shown"] in " ".join(text.split()), case["shown"]
    if "replaced" in case:
        # once per field: title, participant, three reasons, five notes (the count per field)
        per_field = text.count(REPLACEMENT) / max(1, text.count("Notitie:"))
        assert text.count(REPLACEMENT) == 0 if case["replaced"] == 0 else per_field >= case["replaced"]
    if "font" in case:
        assert case["font"].encode() in data, "the bundled font that has these letters is embedded"
        assert case["text"] in text, "and the letters are in the PDF's text"


def test_ordinary_text_needs_no_replacement(caplog) -> None:
    data = _pdf("Lochem", caplog)
    assert REPLACEMENT not in _text(data) and "Lochem" in _text(data)


def test_the_command_line_says_nothing_on_stderr(tmp_path: Path) -> None:
    profile = tmp_path / "profiel.json"
    profile.write_text('{"municipality": "Fryslân 😀 محمد ተስፋይ \\u200f 👍🏽 🇳🇱 中文"}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "keuzehulp", "advise", str(profile), "--format", "pdf",
                           "-o", str(tmp_path / "advies.pdf")], capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr.decode()[:500]
    assert "Fryslân" in _text((tmp_path / "advies.pdf").read_bytes())
