"""Number questions read the Dutch way in the app: 1.000 is duizend; an unclear number gets a
Dutch line beside its box and the previous answer stays (AppTest, driven by field key)."""

from __future__ import annotations

import re

import pytest
from ui.session.state import SESSION_KEY
from wizard_helpers import fresh_app, open_page

Q2 = "pages/q2_organisatie.py"


@pytest.fixture()
def q2():
    at = fresh_app()
    at.run()
    open_page(at, Q2)
    return at


def _type(at, name: str, text: str):
    at.text_input(key=name).input(text)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _read(markdown: str) -> str:
    """What the reader sees of escaped Markdown source (backslash escapes, word joiners)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def _intake(at) -> int:
    return at.session_state[SESSION_KEY].profile.annual_intake


@pytest.mark.parametrize(("typed", "stored", "shown"), [
    ("1.000", 1000, "1.000"), ("1.500", 1500, "1.500"), ("1000", 1000, "1.000"), ("12", 12, "12"),
    ("1 000", 1000, "1.000"),
])
def test_a_dutch_number_is_stored_as_meant(q2, typed: str, stored: int, shown: str) -> None:
    _type(q2, "annual_intake", typed)
    assert _intake(q2) == stored
    assert q2.text_input(key="annual_intake").value == shown
    assert not q2.error


@pytest.mark.parametrize(("typed", "fragment"), [
    ("3.7", "geen heel getal"), ("3,5", "geen heel getal"), ("1,000", "één of duizend"),
    ("1e3", "voluit"), ("veel", "geen getal"),
    ("10001", "kies een heel getal van 0 tot en met 10.000"),
    ("-1", "kies een heel getal van 0 tot en met 10.000"),
])
def test_an_unclear_number_is_refused_beside_its_box_and_the_answer_stays(q2, typed: str, fragment: str) -> None:
    _type(q2, "annual_intake", "40")
    _type(q2, "annual_intake", typed)
    assert _intake(q2) == 40  # never a silent different number
    assert q2.text_input(key="annual_intake").value == "40"
    errors = [_read(e.value) for e in q2.error]
    assert any(fragment in e and "Het vorige antwoord (40) is bewaard" in e for e in errors), errors


def test_the_message_goes_once_a_good_number_is_typed(q2) -> None:
    _type(q2, "annual_intake", "3.7")
    assert q2.error
    _type(q2, "annual_intake", "2.000")
    assert _intake(q2) == 2000 and not q2.error


def test_each_number_question_says_its_range_and_how_to_write_a_thousand(q2) -> None:
    captions = " ".join(c.value for c in q2.caption)
    assert "Een heel getal van 0 tot en met 10.000. Duizend schrijft u als 1000 of 1.000." in captions
