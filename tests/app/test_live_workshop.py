"""The live workshop in the app: the facilitator's page and the participant's phone page
(AppTest, against a real SQLite store in a temporary directory)."""

from __future__ import annotations

import re

import pytest
from wizard_helpers import fresh_app, open_page, page_text

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Session
from keuzehulp.rules.engine import advise
from keuzehulp.workshop import repo
from ui.session.state import SESSION_KEY
from ui.workshop import store as workshop_store

PARTICIPANT = "deelnemer-token-0123456789"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))
    workshop_store.engine.clear()
    yield workshop_store.engine()
    workshop_store.engine().dispose()
    workshop_store.engine.clear()


def facilitator():
    return open_page(fresh_app().run(), "pages/workshop.py")


def participant(code: str, token: str = PARTICIPANT):
    at = fresh_app()
    at.query_params["code"] = code
    at.query_params["p"] = token
    at.run()
    return open_page(at, "pages/stemmen.py")


def start(at):
    at.button(key="workshop_start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    votes = at.session_state[SESSION_KEY].workshop
    assert votes is not None and votes.secret and votes.code
    return votes


def test_starting_a_workshop_shows_code_link_and_qr_and_keeps_the_secret(store, monkeypatch):
    monkeypatch.setenv("KEUZEHULP_PUBLIC_URL", "http://192.0.2.44:8501")  # as `make workshop` sets it
    at = facilitator()
    assert "Workshop starten" in [b.label for b in at.button]
    votes = start(at)
    text = page_text(at)
    assert f"{votes.code[:4]}-{votes.code[4:]}" in text
    assert [c.value for c in at.code] == [f"http://192.0.2.44:8501/stemmen?code={votes.code}"]
    assert any(m.value.startswith("![QR-code naar de stempagina](data:image/png;base64,") for m in at.markdown)
    assert "make workshop" not in text and not at.warning
    info, _, _ = repo.facilitator_view(store, votes.code, votes.secret)
    assert info.code == votes.code
    assert votes.secret not in text  # the secret is never on screen


def test_behind_the_proxy_the_link_is_the_public_name(store, monkeypatch):
    """deploy/serve.py listens on 127.0.0.1 behind nginx; phones open https://<public name>."""
    monkeypatch.delenv("KEUZEHULP_PUBLIC_URL", raising=False)
    monkeypatch.setenv("KEUZEHULP_PUBLIC_NAME", "keuzehulp.gemeente.nl")
    at = facilitator()
    votes = start(at)
    assert [c.value for c in at.code] == [f"https://keuzehulp.gemeente.nl/stemmen?code={votes.code}"]
    assert any(m.value.startswith("![QR-code naar de stempagina]") for m in at.markdown)
    assert not at.warning


def test_on_this_computer_only_the_facilitator_gets_the_command_instead_of_a_qr_code(store, monkeypatch):
    """`make run` listens on localhost (.streamlit/config.toml): no phone can open the link."""
    monkeypatch.delenv("KEUZEHULP_PUBLIC_URL", raising=False)
    monkeypatch.delenv("KEUZEHULP_PUBLIC_NAME", raising=False)
    at = facilitator()
    votes = start(at)
    assert any("Telefoons in de zaal kunnen nog niet meedoen" in w.value for w in at.warning)
    assert at.code[0].value == "make workshop"
    assert at.code[1].value.endswith(f"/stemmen?code={votes.code}")  # still there, to try it out here
    assert not any(m.value.startswith("![QR-code") for m in at.markdown)
    phone = participant(votes.code)
    assert not re.search(r"\bmake\b", page_text(phone))  # a participant never reads a command


def test_during_a_workshop_each_page_shows_its_own_content(store):
    """The facilitator's screen: code, QR, per decision the vote's options, its tally and the
    keuzehulp's advice; the phone: the workshop's code and one question per decision with its
    options in Dutch. A page that fell back to another would show none of it."""
    host = facilitator()
    votes = start(host)
    code = f"{votes.code[:4]}-{votes.code[4:]}"
    text = page_text(host)
    assert [t.value for t in host.title][:1] == ["Workshop: stemmen met de telefoon"]
    assert code in text and "**0 deelnemers** · stemming open" in text
    assert "De uitslag is verborgen zolang de stemming open is" in text  # the default
    host.button(key="workshop_show").click().run()
    text = page_text(host)
    advice = advise(host.session_state[SESSION_KEY].profile)
    for decision, label in labels().decisions.items():
        assert label.title in [h.value for h in host.subheader]  # level 3, under "Uitslag van de stemming"
        for option in label.options.values():
            assert f"0 · {option}" in text
        chosen = labels().option(decision, advice.decisions[decision].choice)
        assert f"Advies van de keuzehulp: **{chosen}**" in text
    assert "Stemming sluiten" in [b.label for b in host.button]

    phone = participant(votes.code)
    assert [t.value for t in phone.title][:1] == ["Stemmen in de workshop"]
    assert f"Workshop {code}" in page_text(phone)
    questions = {r.key: (r.label, list(r.options)) for r in phone.radio}
    for decision, label in labels().decisions.items():
        assert questions[f"vote_{decision}"] == (label.title, list(label.options.values()))
    assert "Hoe belangrijk is elk element voor uw gemeente?" in page_text(phone)


def test_a_participant_votes_and_the_facilitator_sees_it_beside_the_advice(store):
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    assert not phone.sidebar.markdown, "the participant page has no sidebar route"
    phone.radio(key="vote_delivery").set_value("in_house")
    phone.text_input(key="reason_delivery").input("Wij kennen onze klanten")
    phone.button(key="FormSubmitter:form_delivery-Stem opslaan").click().run()
    assert not phone.exception
    assert any("Opgeslagen: Zelf uitvoeren" in s.value for s in phone.success)
    host.run()
    text = page_text(host)
    assert "1 deelnemer**" in text
    assert "Wij kennen onze klanten" not in text  # hidden while voting is open
    host.button(key="workshop_close").click().run()  # closing shows the results
    text = page_text(host)
    assert "Wij kennen onze klanten" in text
    saved = host.session_state[SESSION_KEY].workshop
    assert saved.questions["decision:delivery"].counts == {"in_house": 1}


def test_a_wrong_code_gets_a_dutch_message_and_the_code_field(store):
    phone = participant("CCCC-CCCC")
    assert any("Deze code kennen we niet" in e.value for e in phone.error)
    assert phone.text_input(key="join_code")


def test_no_code_asks_for_one(store):
    at = open_page(fresh_app().run(), "pages/stemmen.py")
    assert "Vul de code in" in page_text(at)


def test_a_closed_vote_tells_the_participant(store):
    host = facilitator()
    votes = start(host)
    host.button(key="workshop_close").click().run()
    phone = participant(votes.code)
    assert any("De stemming is gesloten" in i.value for i in phone.info)
    assert not phone.radio


def test_a_vote_cast_before_closing_is_refused_after_with_a_dutch_message(store):
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    host.button(key="workshop_close").click().run()
    phone.radio(key="vote_matching").set_value("demand_led")
    phone.button(key="FormSubmitter:form_matching-Stem opslaan").click().run()
    assert any("De stemming is gesloten" in i.value for i in phone.info)
    assert not any("Opgeslagen" in s.value for s in phone.success)
    _, rows, _ = repo.facilitator_view(store, votes.code, votes.secret)
    assert rows == []


def test_markup_in_a_reason_and_name_is_shown_as_text(store):
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    phone.text_input(key="vote_author").input("<b>Bob</b>")
    phone.radio(key="vote_delivery").set_value("mixed")
    phone.text_input(key="reason_delivery").input("**vet** <script>x</script>")
    phone.button(key="FormSubmitter:form_delivery-Stem opslaan").click().run()
    host.button(key="workshop_show").click().run()
    sources = [m.value for m in host.markdown]
    line = next(s for s in sources if "vet" in s and "script" in s)
    assert "\\*\\*vet\\*\\*" in line and "\\<script\\>" in line and "\\<b\\>Bob\\<\\/b\\>" in line


def test_a_reload_keeps_the_participants_earlier_vote(store):
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    phone.radio(key="vote_training_format").set_value("group")
    phone.button(key="FormSubmitter:form_training_format-Stem opslaan").click().run()
    again = participant(votes.code)  # a new browser session, same address
    assert again.radio(key="vote_training_format").value == "group"


def test_element_priorities_and_reset_and_delete(store):
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    phone.radio(key="prio_aftercare").set_value("essential")
    phone.button(key="FormSubmitter:form_elements-Prioriteiten opslaan").click().run()
    assert any("Opgeslagen: 1 van 15" in s.value for s in phone.success)
    host.run()
    assert host.session_state[SESSION_KEY].workshop.questions["element:aftercare"].counts == {"essential": 1}
    host.selectbox(key="workshop_reset_question").set_value("element:aftercare").run()
    host.button(key="workshop_reset").click().run()
    assert "element:aftercare" not in host.session_state[SESSION_KEY].workshop.questions
    host.checkbox(key="workshop_delete_sure").check().run()
    host.button(key="workshop_delete").click().run()
    assert host.session_state[SESSION_KEY].workshop is None
    with pytest.raises(repo.JoinError):
        repo.join(store, votes.code, "test")


def test_top5_mode_refuses_more_than_five(store):
    host = facilitator()
    host.radio(key="workshop_mode_new").set_value("top5").run()
    votes = start(host)
    phone = participant(votes.code)
    for element in list(labels().elements)[:6]:
        phone.checkbox(key=f"top_{element}").check()
    phone.button(key="FormSubmitter:form_top5-Top 5 opslaan").click().run()
    assert any("hoogstens 5" in e.value for e in phone.error)


def test_a_saved_session_brings_the_facilitator_back_to_the_workshop(store):
    host = facilitator()
    votes = start(host)
    other = fresh_app()
    other.session_state[SESSION_KEY] = Session(workshop=votes)
    other.run()
    open_page(other, "pages/workshop.py")
    assert f"{votes.code[:4]}-{votes.code[4:]}" in page_text(other)
    assert other.button(key="workshop_close")


def forge(radio, text: str) -> None:
    """Make the radio send `text` as its value, as a hand-made WebSocket message can (the
    browser sends a radio's choice as its shown text; Streamlit 1.67 passes an unknown one
    through to session state as it is)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    class Forged(type(radio)):
        @property
        def _widget_state(self):
            return WidgetState(id=self.id, string_value=text)

    radio.__class__ = Forged


@pytest.mark.parametrize("form, key, forged", [
    ("elements", "prio_aftercare", "heel-belangrijk"),
    ("delivery", "vote_delivery", "<b>anders</b>"),
])
def test_a_forged_value_gets_a_dutch_message_not_an_error_page(store, form, key, forged):
    """A value no radio offers (sent by a hand-made WebSocket message; Streamlit 1.67 passes a
    radio's unknown string through) is refused in Dutch beside the form; nothing is stored."""
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    forge(phone.radio(key=key), forged)
    button = "Prioriteiten opslaan" if form == "elements" else "Stem opslaan"
    phone.button(key=f"FormSubmitter:form_{form}-{button}").click().run()
    assert not phone.exception, [e.value for e in phone.exception]
    assert any(e.value.startswith("Kies ") for e in phone.error), [e.value for e in phone.error]
    _, rows, _ = repo.facilitator_view(store, votes.code, votes.secret)
    assert rows == []


def test_invisible_characters_in_a_name_and_reason_never_reach_the_facilitators_screen(store):
    """A right-to-left override (U+202E) or a zero-width space typed on a phone is removed as
    the vote is stored: the facilitator reads the name and reason as they look (issue 22)."""
    host = facilitator()
    votes = start(host)
    phone = participant(votes.code)
    phone.text_input(key="vote_author").input("Ann\u202ea\u200b")
    phone.radio(key="vote_delivery").set_value("mixed")
    phone.text_input(key="reason_delivery").input("Om\u2066dat\u2069 gnp.exe\u202e")
    phone.button(key="FormSubmitter:form_delivery-Stem opslaan").click().run()
    host.button(key="workshop_show").click().run()  # results are hidden while voting is open
    screen = "\n".join(m.value for m in host.markdown)
    assert "Omdat gnp\\.exe" in screen and "Anna" in screen
    assert not re.search("[\u200b\u202e\u2066\u2069]", screen)
    saved = host.session_state[SESSION_KEY].workshop.questions["decision:delivery"].reasons
    assert [(r.text, r.author) for r in saved] == [("Omdat gnp.exe", "Anna")]


def test_the_facilitator_sees_the_participants_and_removes_doubles(store):
    """Issue 22: the Workshop page lists who joined (never a token or address), marks possible
    doubles (same network, within seconds) and removes them with their votes."""
    from wizard_helpers import open_expander

    host = facilitator()
    votes = start(host)
    for i in range(3):  # one person joining three times (no device cookie), each time as Kim
        phone = participant(votes.code, token=f"dubbel-token-{i:010d}")
        phone.text_input(key="vote_author").input("Kim")
        phone.radio(key="vote_delivery").set_value("outsourced")
        phone.button(key="FormSubmitter:form_delivery-Stem opslaan").click().run()
    open_expander(host, "workshop_roster")
    text = page_text(host)
    assert "⚠ mogelijk dubbel" in text
    assert "dubbel-token" not in text
    host.button(key="workshop_pick_doubles").click().run()
    assert len(host.multiselect(key="workshop_remove").value) == 2
    host.button(key="workshop_remove_go").click().run()
    assert any("2 deelnemers zijn verwijderd, met hun stemmen." in s.value for s in host.success)
    _, rows, participants = repo.facilitator_view(store, votes.code, votes.secret)
    assert participants == 1 and [r.value for r in rows] == ["outsourced"]
