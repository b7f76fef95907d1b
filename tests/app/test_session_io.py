"""Saving and reading a session file, without Streamlit."""

from __future__ import annotations

from datetime import date

from keuzehulp.contract.schema import Profile, Session
from ui.session.files import read_upload, session_filename, session_json


def test_a_saved_session_reads_back_the_same():
    session = Session(profile=Profile(municipality="Súdwest-Fryslân", annual_intake=44))
    restored, messages = read_upload(session_json(session))
    assert messages == [] and restored == session


def test_the_file_name_names_the_municipality_and_the_day():
    session = Session(profile=Profile(municipality="Súdwest-Fryslân"))
    assert session_filename(session, date(2026, 11, 28)) == "keuzehulp-sessie-sudwest-fryslan-2026-11-28.json"
    day = date(2026, 11, 28)
    assert session_filename(Session(), day) == "keuzehulp-sessie-gemeente-2026-11-28.json"
    dotted = Session(profile=Profile(municipality="../../etc/passwd"))
    assert session_filename(dotted, day) == "keuzehulp-sessie-etc-passwd-2026-11-28.json"
    long = Session(profile=Profile(municipality="Gemeente " * 10))
    assert session_filename(long, day) == f"keuzehulp-sessie-{('gemeente-' * 5)[:40]}-2026-11-28.json"


def test_a_bad_file_gives_dutch_messages_and_no_session():
    restored, messages = read_upload(b"[1, 2]")
    assert restored is None and "JSON-object" in messages[0]
