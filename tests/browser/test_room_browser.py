"""A workshop in a real room, in a real browser (issue 24):

- the join link: started on this computer only (as `make run`), the Workshop page and the join
  slide say so and show `make workshop` instead of a QR code; started for the room (as
  `make workshop`, KEUZEHULP_PUBLIC_URL), they show that address and its QR code, and no command;
- the join slide: one key (C) from any slide and back, the QR code at least a third of the
  screen's height, the code in large letters;
- every slide, the join and results slides included, fits at 1920x1080, 1280x800 and 1024x768
  (the main area's scroll height is no more than the screen's), and chart text is at least
  24 px on a 1080p projector;
- F5 keeps the slide (its number is in the address);
- results stay hidden while voting is open until the facilitator shows them.
Screenshots: test-artifacts/screenshots/room-*.png.
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from .room import facilitator_session
from .server import Server, free_port, wait_idle
from .test_slides_browser import ANSWERS, open_slides, press, slide_number
from .test_votes_browser import vote

pytestmark = pytest.mark.browser
ROOM_URL = "http://192.0.2.44:8501"  # what `make workshop` would set (a documentation address)
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}
FIT_SIZES = {"1920x1080": PROJECTOR, "1280x800": {"width": 1280, "height": 800},
             "1024x768": {"width": 1024, "height": 768}}

FIT_JS = """() => { const main = document.querySelector("[data-testid='stMain']");
  return {scroll: main.scrollHeight, client: main.clientHeight,
          document: document.documentElement.scrollHeight, viewport: window.innerHeight,
          bar: document.querySelector(".st-key-slide-nav").getBoundingClientRect().bottom}; }"""
# Each chart text's size as drawn: its font size in the SVG's units times the SVG's scale.
CHART_TEXT_JS = """() => [...document.querySelectorAll(".st-key-slide svg.marks")].flatMap((svg) => {
    const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
    if (!box.width || !view || !view.width) return [];
    const scale = Math.min(box.width / view.width, box.height / view.height);
    return [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim())
      .map((t) => ({text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale}));
  })"""


def overflows(fit: dict) -> bool:
    """The slide scrolls, the page is taller than the screen, or the control bar ends below it."""
    return fit["scroll"] > fit["client"] or fit["document"] > fit["viewport"] or fit["bar"] > fit["viewport"]


def own_server(tmp_path_factory, **env: str) -> Server:
    """An app server with its own empty store and these settings (bound to 127.0.0.1)."""
    saved = dict(os.environ)
    for name in ("KEUZEHULP_DATABASE_URL", "KEUZEHULP_PUBLIC_URL", "KEUZEHULP_PUBLIC_NAME"):
        os.environ.pop(name, None)
    os.environ["KEUZEHULP_DATA_DIR"] = str(tmp_path_factory.mktemp("store"))
    os.environ.update(env)
    try:
        return Server("app.py", port=free_port())
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def room_server(tmp_path_factory):
    server = own_server(tmp_path_factory, KEUZEHULP_PUBLIC_URL=ROOM_URL)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def laptop_server(tmp_path_factory):
    server = own_server(tmp_path_factory)  # listens on 127.0.0.1 only, like `make run`
    yield server
    server.stop()


def start_workshop(page, url: str) -> str:
    page.goto(f"{url}/workshop?{ANSWERS}")
    wait_idle(page)
    page.get_by_role("button", name="Workshop starten").click()
    wait_idle(page)
    return page.locator(".st-key-join-code").inner_text().strip().replace("-", "")


def present(page) -> None:
    page.get_by_test_id("stSidebar").get_by_role("link", name="Presenteren").first.click()
    wait_idle(page)
    page.wait_for_selector(".st-key-slide-nav")
    page.wait_for_function("window.__khSlideKeys === true")


def to_slide(page, title: str) -> None:
    heading = page.locator(".st-key-slide h1", has_text=title)
    for _ in range(30):
        if heading.count():
            return
        press(page, "PageDown")
    raise AssertionError(f"no slide '{title}'")


def test_on_this_computer_only_the_facilitator_reads_how_to_open_it_to_the_room(laptop_server, browser, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        code = start_workshop(page, laptop_server.url)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("Telefoons in de zaal kunnen nog niet meedoen.")).to_be_visible()
        expect(main.get_by_text("De keuzehulp draait nu alleen op deze computer", exact=False)).to_be_visible()
        expect(main.get_by_text("make workshop", exact=True)).to_be_visible()
        expect(page.get_by_role("img", name="QR-code naar de stempagina")).to_have_count(0)
        page.screenshot(path=str(screenshots / "room-workshop-page-laptop-only.png"), full_page=True)
        present(page)
        to_slide(page, "Doe mee met de stemming")
        slide = page.locator(".st-key-slide")
        expect(slide.get_by_text("Telefoons in de zaal kunnen nog niet meedoen.")).to_be_visible()
        expect(slide.get_by_text("make workshop", exact=True)).to_be_visible()
        expect(slide.get_by_role("img", name="QR-code naar de stempagina")).to_have_count(0)
        page.screenshot(path=str(screenshots / "room-join-slide-laptop-only.png"))

        phone = context.new_page()  # a participant never reads a command
        phone.set_viewport_size(PHONE)
        phone.goto(f"{laptop_server.url}/stemmen?code={code}")
        wait_idle(phone)
        expect(phone.get_by_role("heading", name="Stemmen in de workshop")).to_be_visible()
        assert not re.search(r"\bmake\b", phone.inner_text("body"))
    finally:
        context.close()


def test_started_for_the_room_the_join_slide_shows_the_address_phones_open_one_key_away(
        room_server, browser, screenshots):
    context = browser.new_context(viewport=PROJECTOR, locale="nl-NL")
    page = context.new_page()
    try:
        code = start_workshop(page, room_server.url)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text(f"{ROOM_URL}/stemmen?code={code}")).to_be_visible()
        expect(page.get_by_role("img", name="QR-code naar de stempagina")).to_be_visible()
        assert "make workshop" not in main.inner_text()
        present(page)
        for _ in range(4):
            press(page, "PageDown")
        here = slide_number(page)
        press(page, "c")  # one key, from any slide
        expect(page.locator(".st-key-slide h1")).to_have_text("Doe mee met de stemming")
        qr = page.get_by_role("img", name="QR-code naar de stempagina")
        expect(qr).to_be_visible()
        drawn = qr.evaluate("""(img) => {  // the bitmap as drawn: 'scale-down' keeps its natural size
            const box = img.getBoundingClientRect(), fit = getComputedStyle(img).objectFit;
            return fit === "scale-down" || fit === "none" ? Math.min(img.naturalHeight, box.height) : box.height; }""")
        assert drawn >= PROJECTOR["height"] / 3, drawn
        big = page.locator(".st-key-join-big-code p")
        expect(big).to_have_text(re.compile(rf"^{code[:4]}-{code[4:]}$"))
        assert float(big.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)")) >= 80
        expect(page.locator(".st-key-join-link")).to_contain_text(f"{ROOM_URL}/stemmen?code={code}")
        assert "make workshop" not in page.locator(".st-key-slide").inner_text()
        page.screenshot(path=str(screenshots / "room-join-slide-1920x1080.png"))
        press(page, "c")  # and back to where the facilitator was
        assert slide_number(page) == here
    finally:
        context.close()


def test_f5_keeps_the_slide(room_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        open_slides(page, f"{room_server.url}/presentatie?{ANSWERS}")
        for _ in range(5):
            press(page, "PageDown")
        here, title = slide_number(page), page.locator(".st-key-slide h1").inner_text()
        assert re.search(r"[?&]dia=6(&|$)", page.url), page.url
        page.reload()
        wait_idle(page)
        page.wait_for_selector(".st-key-slide-nav")
        assert slide_number(page) == here
        expect(page.locator(".st-key-slide h1")).to_have_text(title)
    finally:
        context.close()


def test_results_stay_hidden_while_voting_is_open_until_the_facilitator_shows_them(room_server, browser, screenshots):
    host_context = browser.new_context(viewport=PROJECTOR, locale="nl-NL")
    host = host_context.new_page()
    phone_context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True, has_touch=True)
    phone = phone_context.new_page()
    try:
        code = start_workshop(host, room_server.url)
        phone.goto(f"{room_server.url}/stemmen?code={code}")
        wait_idle(phone)
        # Said before the name field: the reason goes on the big screen, with the name if typed.
        honest = phone.locator(".st-key-anonymity")
        expect(honest).to_contain_text("Uw toelichting komt op het grote scherm")
        name_field = phone.get_by_role("textbox", name="Uw naam of rol (niet verplicht)")
        assert honest.bounding_box()["y"] < name_field.bounding_box()["y"]
        assert "Uw stem is anoniem" not in phone.inner_text("body")
        vote(phone, 0, "Zelf uitvoeren", "Wij hebben de mensen al")

        present(host)
        to_slide(host, "Uitslag van de stemming")
        slide = host.locator(".st-key-slide")
        expect(slide.get_by_text("1 deelnemer", exact=False)).to_be_visible(timeout=10_000)
        expect(slide.get_by_text("De uitslag is verborgen zolang de stemming open is", exact=False)).to_be_visible()
        assert "Wij hebben de mensen al" not in slide.inner_text()
        assert "1 van 1" not in slide.inner_text()
        host.screenshot(path=str(screenshots / "room-results-hidden-1920x1080.png"))

        host.get_by_role("button", name="Uitslag nu tonen").click()
        expect(slide.get_by_text("Wij hebben de mensen al", exact=False)).to_be_visible(timeout=10_000)
        vote(phone, 2, "Vraaggericht: vanuit de vacature van de werkgever")  # live, while shown
        expect(slide.get_by_text("1 van 1 kiest Vraaggericht", exact=False)).to_be_visible(timeout=10_000)
        host.screenshot(path=str(screenshots / "room-results-shown-1920x1080.png"))

        host.get_by_role("button", name="Uitslag weer verbergen").click()
        expect(slide.get_by_text("De uitslag is verborgen", exact=False)).to_be_visible(timeout=10_000)
        host.get_by_role("button", name="Stemming sluiten").click()  # closed: shown to all
        expect(slide.get_by_text("Wij hebben de mensen al", exact=False)).to_be_visible(timeout=10_000)
        expect(slide.get_by_text("stemming gesloten", exact=False)).to_be_visible()
    finally:
        phone_context.close()
        host_context.close()


@pytest.mark.parametrize("size", list(FIT_SIZES))
def test_every_slide_fits_the_screen_with_chart_text_a_room_can_read(room, browser, screenshots, size):
    """Every slide a full workshop has (votes and reasons in and shown, two scenarios, the team's
    choices: tests/browser/room.py) fits, the control bar below it included."""
    viewport = FIT_SIZES[size]
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    try:
        open_slides(page, f"{room.url}/presentatie?sessie={facilitator_session(room)}&dia=1")
        too_tall: dict[str, dict] = {}
        small_text: dict[str, list] = {}
        titles = []
        while True:
            page.wait_for_timeout(300)  # a chart's SVG is drawn after the run
            fit = page.evaluate(FIT_JS)
            if overflows(fit):
                page.wait_for_timeout(1000)  # once more: a late re-render is not a layout problem
                fit = page.evaluate(FIT_JS)
            number = slide_number(page)
            title = page.locator(".st-key-slide h1").first.inner_text()
            titles.append(title)
            if overflows(fit):
                too_tall[number] = fit
            if size == "1920x1080":
                small = [t for t in page.evaluate(CHART_TEXT_JS) if t["px"] < 24]
                if small:
                    small_text[number] = small[:3]
            page.screenshot(path=str(screenshots / f"room-slides-{size}-{len(titles):02d}.png"))
            if page.locator(".st-key-slide_next button").is_disabled():
                break
            press(page, "PageDown")
        assert titles[1] == "Doe mee met de stemming", titles
        assert titles[-2:] == ["Uitslag van de stemming", "Uitslag: werkzame elementen"], titles
        assert {"Kunt u groepen vormen?", "Wat kost dit ontwerp?", "Hoe lang wacht een inburgeraar?",
                "Wat koopt u in?"} <= set(titles)
        assert too_tall == {}
        assert small_text == {}
    finally:
        context.close()
