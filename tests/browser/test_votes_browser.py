"""The live workshop in real browsers: one facilitator at a projector's 1280x800 and three
participants (one on a 390x844 phone) vote; the results update live, the Word download holds
the votes, and the participant page passes axe. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from playwright.sync_api import expect

from .server import Server, free_port, wait_idle

pytestmark = pytest.mark.browser
BASELINE = Path(__file__).with_name("axe_baseline.yaml")
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}


@pytest.fixture(scope="module")
def votes_server(tmp_path_factory):
    """An app server with its own empty store (a SQLite file in a temporary directory)."""
    import os

    saved = dict(os.environ)
    os.environ.pop("KEUZEHULP_DATABASE_URL", None)
    os.environ["KEUZEHULP_DATA_DIR"] = str(tmp_path_factory.mktemp("store"))
    port = free_port()
    # As `make workshop` does: the address phones open (here this machine's), so the QR code shows.
    os.environ["KEUZEHULP_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    try:
        server = Server("app.py", port=port)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    yield server
    server.stop()


def new_page(browser, requests_seen, viewport, **extra):
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale="nl-NL", **extra)
    context.on("request", requests_seen.record)
    return context, context.new_page()


def vote(page, form: int, option: str, reason: str = "") -> None:
    block = page.get_by_test_id("stForm").nth(form)
    block.get_by_text(option, exact=True).click()
    if reason:
        block.get_by_role("textbox", name="Waarom? (niet verplicht, één regel)").fill(reason)
    block.get_by_role("button", name="Stem opslaan").click()
    expect(block.get_by_text(f"Opgeslagen: {option}")).to_be_visible(timeout=20_000)


def test_three_phones_vote_and_the_room_sees_it_live(browser, votes_server, requests_seen, screenshots):
    from axe_playwright_python.sync_playwright import Axe

    url = votes_server.url
    host_context, host = new_page(browser, requests_seen, {"width": 1280, "height": 800})
    host.goto(f"{url}/workshop?municipality=Lochem")
    wait_idle(host)
    host.get_by_role("button", name="Workshop starten").click()
    wait_idle(host)
    shown_code = host.locator(".st-key-join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", shown_code), shown_code
    code = shown_code.replace("-", "")
    expect(host.get_by_role("img", name="QR-code naar de stempagina")).to_be_visible()
    host.screenshot(path=str(screenshots / "workshop-facilitator-start.png"), full_page=True)

    phones = []
    for viewport in ({"width": 1280, "height": 800}, TABLET, PHONE):
        extra = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if viewport == PHONE else {}
        context, page = new_page(browser, requests_seen, viewport, **extra)
        page.goto(f"{url}/stemmen?code={code}")
        wait_idle(page)
        expect(page.get_by_role("heading", name="Stemmen in de workshop")).to_be_visible()
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        phones.append((context, page))

    (_, first), (_, second), (_, phone) = phones
    vote(first, 0, "Zelf uitvoeren", "Wij hebben de klantmanagers al")
    vote(second, 0, "Zelf uitvoeren")
    name = phone.get_by_role("textbox", name="Uw naam of rol (niet verplicht)")
    name.fill("<b>Kim</b>, teamleider")
    name.press("Enter")
    wait_idle(phone)
    vote(phone, 0, "Deels zelf, deels uitbesteden", "<script>alert(1)</script> **liever** gemengd")
    vote(phone, 2, "Vraaggericht: vanuit de vacature van de werkgever")

    main = host.get_by_test_id("stMain")
    expect(main.get_by_text("3 deelnemers")).to_be_visible(timeout=15_000)  # the fragment refreshed
    expect(main.get_by_text("De uitslag is verborgen", exact=False)).to_be_visible()  # while open
    host.get_by_role("button", name="Uitslag nu tonen").click()
    expect(main.get_by_text("2 van 3 kiezen Zelf uitvoeren")).to_be_visible()
    expect(main.get_by_text("<script>alert(1)</script> **liever** gemengd", exact=False)).to_be_visible()
    assert host.locator("script", has_text="alert(1)").count() == 0
    host.screenshot(path=str(screenshots / "workshop-facilitator-results.png"), full_page=True)

    phone.reload()  # a reload keeps this participant and shows the votes already cast
    wait_idle(phone)
    expect(phone.get_by_role("radio", name="Deels zelf, deels uitbesteden")).to_be_checked()
    phone.screenshot(path=str(screenshots / "workshop-participant-phone.png"))
    baseline = {entry["rule"] for entry in yaml.safe_load(BASELINE.read_text(encoding="utf-8"))}
    results = Axe().run(phone).response
    serious = [f"{v['id']}: {v['help']} — {v['nodes'][0]['target']}" for v in results["violations"]
               if v["impact"] in ("serious", "critical") and v["id"] not in baseline]
    assert serious == []
    assert phone.evaluate("document.documentElement.lang") == "nl"

    host.get_by_test_id("stSidebar").get_by_role("link", name="Advies").first.click()
    wait_idle(host)
    with host.expect_download() as info:
        host.get_by_role("button", name="Word").click()
    document = Document(info.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Stemming in de workshop: 2 van 3 kiezen Zelf uitvoeren (Meerderheid)" in text
    assert "Stemming in de workshop: 1 van 1 kiest Vraaggericht: vanuit de vacature van de werkgever" in text
    assert "Deels zelf, deels uitbesteden: <script>alert(1)</script> **liever** gemengd (<b>Kim</b>, teamleider)" in text
    assert "3 deelnemers stemden met hun telefoon" in text

    # Presentation mode: the join slide (second) holds the code and the QR code, the last the live results.
    host.get_by_test_id("stSidebar").get_by_role("link", name="Presenteren").first.click()
    wait_idle(host)
    host.keyboard.press("ArrowRight")
    wait_idle(host)
    expect(host.get_by_test_id("stMain").get_by_role("heading", name="Doe mee met de stemming")).to_be_visible()
    expect(host.get_by_role("img", name="QR-code naar de stempagina")).to_be_visible()
    slide_title = host.get_by_test_id("stMain").get_by_role("heading", name="Uitslag van de stemming")
    for _ in range(30):
        if slide_title.count():
            break
        host.keyboard.press("ArrowRight")
        wait_idle(host)
    expect(slide_title).to_be_visible()
    vote(first, 2, "Beide, per groep inburgeraars")  # a vote while the slide is up
    expect(host.get_by_text("1 van 2 Beide, per groep inburgeraars", exact=False)).to_be_visible(timeout=15_000)
    host.screenshot(path=str(screenshots / "workshop-presentation-slide.png"))

    for context, _ in phones:
        context.close()
    host_context.close()
    assert requests_seen.outside() == []
