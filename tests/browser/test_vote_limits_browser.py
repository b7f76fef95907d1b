"""Fair vote limits in real browsers (issue 22): a room behind one address is not locked out by
wrong codes, and one device is one participant. Every browser here comes from 127.0.0.1, as a
room behind one office NAT does. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from .server import Server, wait_idle
from .test_votes_browser import new_page, vote

pytestmark = pytest.mark.browser


@pytest.fixture
def limits_server(tmp_path):
    """An app server with its own empty store, so no earlier test's wrong codes count."""
    server = Server("app.py", env={"KEUZEHULP_DATA_DIR": str(tmp_path), "KEUZEHULP_DATABASE_URL": ""})
    yield server
    server.stop()


def start_workshop(browser, requests_seen, url):
    context, host = new_page(browser, requests_seen, {"width": 1280, "height": 800})
    host.goto(f"{url}/workshop?municipality=Lochem")
    wait_idle(host)
    host.get_by_role("button", name="Workshop starten").click()
    wait_idle(host)
    code = host.locator(".st-key-join-code").inner_text().strip().replace("-", "")
    return context, host, code


def wait_of(message: str) -> int:
    found = re.search(r"Wacht (\d+) seconde", message)
    return int(found.group(1)) if found else 0


def try_code(page, code: str) -> str:
    """Type a code in the participant page's form; the Dutch message it gets ('' when none)."""
    page.get_by_role("textbox", name="Code van de workshop").fill(code)
    page.get_by_role("button", name="Meedoen").click()
    wait_idle(page)
    alerts = page.get_by_test_id("stAlertContentError")
    return alerts.first.inner_text() if alerts.count() else ""


def test_wrong_codes_slow_a_room_for_seconds_and_never_stop_those_voting(
        browser, limits_server, requests_seen, screenshots):
    url = limits_server.url
    host_context, host, code = start_workshop(browser, requests_seen, url)
    joined_context, joined = new_page(browser, requests_seen, {"width": 390, "height": 844})
    joined.goto(f"{url}/stemmen?code={code}")
    wait_idle(joined)
    vote(joined, 0, "Zelf uitvoeren")

    guesser_context, guesser = new_page(browser, requests_seen, {"width": 390, "height": 844})
    guesser.goto(f"{url}/stemmen")
    wait_idle(guesser)
    wrong = "CCCCCCCC" if code != "CCCCCCCC" else "DDDDDDDD"
    messages = [try_code(guesser, wrong) for _ in range(10)]  # many wrong codes from one address
    assert "Deze code kennen we niet" in messages[0], messages
    waits = [wait_of(m) for m in messages if "Vanaf dit netwerk zijn te veel verkeerde codes ingevuld" in m]
    assert waits and max(waits) <= 8, messages  # seconds, not ten minutes
    # each wrong code after a wait makes the next wait longer, for the right code too
    seen = []
    for _ in range(2):
        while wait_of(message := try_code(guesser, wrong)):  # wait it out, then a counted wrong code
            time.sleep(wait_of(message) + 0.3)
        assert "kennen we niet" in message
        refused = try_code(guesser, code)
        assert "Wie al meedoet, kan gewoon verder stemmen." in refused
        seen.append(wait_of(refused))
    assert seen[0] < seen[1] <= 60, seen
    grown = seen[1]
    guesser.screenshot(path=str(screenshots / "workshop-wrong-codes-wait.png"))
    refused_at = time.monotonic()

    # the participant who had joined still votes, during the wait
    vote(joined, 0, "Uitbesteden aan externe partners")
    vote(joined, 2, "Vraaggericht: vanuit de vacature van de werkgever")

    # a new participant with the right code is let in once the wait is over: seconds, not minutes
    newcomer_context, newcomer = new_page(browser, requests_seen, {"width": 390, "height": 844})
    time.sleep(max(0.0, grown + 0.5 - (time.monotonic() - refused_at)))
    newcomer.goto(f"{url}/stemmen?code={code}")
    wait_idle(newcomer)
    vote(newcomer, 0, "Deels zelf, deels uitbesteden")
    assert time.monotonic() - refused_at < 60

    main = host.get_by_test_id("stMain")
    expect(main.get_by_text("2 deelnemers")).to_be_visible(timeout=15_000)
    for context in (host_context, joined_context, guesser_context, newcomer_context):
        context.close()
    assert requests_seen.outside() == []


def test_one_device_is_one_participant_and_the_facilitator_removes_doubles(
        browser, limits_server, requests_seen, screenshots):
    url = limits_server.url
    host_context, host, code = start_workshop(browser, requests_seen, url)

    phone_context, phone = new_page(browser, requests_seen, {"width": 390, "height": 844})
    phone.goto(f"{url}/stemmen?code={code}&p=eerste-token-van-deze-telefoon")
    wait_idle(phone)
    vote(phone, 0, "Zelf uitvoeren")
    cookies = {c["name"]: c["value"] for c in phone_context.cookies()}
    assert cookies.get("keuzehulp_apparaat") == "eerste-token-van-deze-telefoon"
    choice = "Zelf uitvoeren"
    for i in range(3):  # new addresses from the same phone: still the same participant
        phone.goto(f"{url}/stemmen?code={code}&p=nieuw-token-nummer-{i:06d}")
        wait_idle(phone)
        expect(phone.get_by_role("radio", name=choice)).to_be_checked()  # its own earlier vote
        assert "p=eerste-token-van-deze-telefoon" in phone.url
        choice = ("Uitbesteden aan externe partners", "Zelf uitvoeren")[i % 2]
        vote(phone, 0, choice)
    vote(phone, 0, "Uitbesteden aan externe partners")

    other_context, other = new_page(browser, requests_seen, {"width": 390, "height": 844})
    other.goto(f"{url}/stemmen?code={code}")
    wait_idle(other)
    vote(other, 0, "Uitbesteden aan externe partners")
    # one person in two fresh browsers (no cookie yet, as a script that sends none): twice
    for i in range(2):
        bare_context, bare = new_page(browser, requests_seen, {"width": 390, "height": 844})
        bare.goto(f"{url}/stemmen?code={code}&p=script-token-nummer-{i:06d}")
        wait_idle(bare)
        name = bare.get_by_role("textbox", name="Uw naam of rol (niet verplicht)")
        name.fill("Kim")
        name.press("Enter")
        wait_idle(bare)
        vote(bare, 0, "Uitbesteden aan externe partners")
        bare_context.close()

    main = host.get_by_test_id("stMain")
    expect(main.get_by_text("4 deelnemers")).to_be_visible(timeout=15_000)
    main.get_by_role("button", name="Uitslag nu tonen").first.click()  # hidden while voting is open
    wait_idle(host)
    expect(main.get_by_text("4 van 4 kiezen Uitbesteden aan externe partners")).to_be_visible()
    host.get_by_text("Deelnemers en dubbele deelnemers").click()
    wait_idle(host)
    expect(main.get_by_text("⚠ mogelijk dubbel").first).to_be_visible()
    assert "script-token" not in main.inner_text() and "eerste-token" not in main.inner_text()
    host.get_by_role("button", name="Kies de 1 mogelijk dubbele").click()  # the second Kim
    wait_idle(host)
    picker = host.get_by_test_id("stMultiSelect").filter(has_text="Deelnemers verwijderen")
    expect(picker.get_by_text("Deelnemer 4 (Kim), netwerk 1")).to_be_visible()
    host.get_by_text("Deelnemers en dubbele deelnemers").scroll_into_view_if_needed()
    host.screenshot(path=str(screenshots / "workshop-roster-doubles.png"))
    host.get_by_role("button", name="Verwijderen, met hun stemmen").click()
    wait_idle(host)
    expect(main.get_by_text("1 deelnemer is verwijderd, met hun stemmen.")).to_be_visible()
    expect(main.get_by_text("3 deelnemers")).to_be_visible(timeout=15_000)
    expect(main.get_by_text("3 van 3 kiezen Uitbesteden aan externe partners")).to_be_visible()
    for context in (host_context, phone_context, other_context):
        context.close()
    assert requests_seen.outside() == []
