"""The slides as the facilitator's cockpit, in a real browser.

- Every slide at a projector (1920x1080), an old beamer (1024x768), a laptop at 200 % zoom
  (1280x800 seen as 640x400 CSS pixels) and a phone (390x844): no content under the controls
  (bounding boxes), nothing wider than the screen, "Stop presenteren" on screen.
- Type a room can read at 6 m on 1080p: body text at least 30 px, titles at least 50 px.
- A presenter remote's PageDown/PageUp turn slides, but never while the team's reason is typed;
  the team's choice is recorded on the slide and the closing slide shows it beside the advice.
Screenshots go to test-artifacts/screenshots/slides-*.png for a person to look at.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from keuzehulp.contract.schema import Profile, Session, TeamAction, TeamDecision, TeamInput
from playwright.sync_api import expect

from keuzehulp import advise
from keuzehulp.report import render

from .server import wait_idle

pytestmark = pytest.mark.browser
ANSWERS = "municipality=Lochem&annual_intake=25&regional_cooperation=existing&regional_intake=40"
SIZES = {
    "1920x1080": ({"width": 1920, "height": 1080}, 1),
    "1024x768": ({"width": 1024, "height": 768}, 1),
    "zoom200": ({"width": 640, "height": 400}, 2),  # 1280x800 at 200 % zoom
    "390x844": ({"width": 390, "height": 844}, 2),  # a phone
}
SHOOT = {1, 2, 4, 12, 13, 15}  # decision, its follow-up, the chart, costs, lead time, the close

# Bounding boxes of everything a slide shows, and of the controls, in page coordinates.
LAYOUT_JS = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const box = (el) => { const r = el.getBoundingClientRect();
    return {top: r.top + main.scrollTop, bottom: r.bottom + main.scrollTop, left: r.left, right: r.right,
            width: r.width, height: r.height}; };
  const content = [...document.querySelectorAll(
      ".st-key-slide :is(h1, h2, h3, p, li, td, th, svg.marks, input, textarea)")]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
    .map((el) => ({what: el.tagName + ": " + (el.textContent || "").trim().slice(0, 40), ...box(el)}));
  const nav = document.querySelector(".st-key-slide-nav");
  const stop = [...nav.querySelectorAll("a")].find((a) => a.textContent.includes("Stop presenteren"));
  return {content, nav: box(nav), stop: stop ? box(stop) : null, viewport: window.innerWidth,
          overflow: main.scrollWidth - main.clientWidth};
}"""


def open_slides(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector(".st-key-slide-nav")
    page.wait_for_function("window.__khSlideKeys === true")


def slide_number(page) -> str:
    return page.locator(".st-key-slide-nav input").first.input_value()


def press(page, key: str) -> None:
    """Press a key and wait until another slide is on screen."""
    before = slide_number(page)
    page.keyboard.press(key)
    page.wait_for_function(
        "(t) => { const i = document.querySelector('.st-key-slide-nav input'); return i && i.value !== t; }",
        arg=before)
    wait_idle(page)


def covered(layout: dict) -> list[str]:
    nav = layout["nav"]
    problems = []
    for item in layout["content"]:
        if item["height"] == 0:
            continue
        if item["bottom"] > nav["top"] + 0.5:
            problems.append(f"under the controls: {item['what']}")
        if item["right"] > layout["viewport"] + 0.5 or item["left"] < -0.5:
            problems.append(f"beyond the screen's edge: {item['what']}")
    if layout["stop"] is None:
        problems.append("no 'Stop presenteren'")
    elif layout["stop"]["right"] > layout["viewport"] + 0.5:
        problems.append("'Stop presenteren' is cut off")
    if layout["overflow"] > 1:
        problems.append(f"the slide is {layout['overflow']} px wider than the screen")
    return problems


@pytest.mark.parametrize("size", list(SIZES))
def test_every_slide_fits_the_screen_and_the_controls_cover_nothing(server, browser, screenshots, size):
    viewport, scale = SIZES[size]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="nl-NL")
    page = context.new_page()
    try:
        open_slides(page, f"{server.url}/presentatie?{ANSWERS}")
        problems: dict[str, list[str]] = {}
        index = 0
        while True:
            page.wait_for_timeout(200)  # the chart's SVG is drawn after the run
            found = covered(page.evaluate(LAYOUT_JS))
            if found:  # once more after a moment: a late re-render is not a layout problem
                page.wait_for_timeout(1000)
                found = covered(page.evaluate(LAYOUT_JS))
            if found:
                problems[slide_number(page)] = found
            if index in SHOOT:
                page.screenshot(path=str(screenshots / f"slides-{size}-{index + 1:02d}.png"))
            if page.locator(".st-key-slide_next button").is_disabled():
                page.screenshot(path=str(screenshots / f"slides-{size}-slot.png"))
                break
            press(page, "PageDown")
            index += 1
        assert index >= 13, "title, 3 decisions with follow-ups and the chart, 5 questions, ..., the close"
        expect(page.get_by_role("heading", name="Advies en keuze van het team")).to_be_visible()
        assert problems == {}
    finally:
        context.close()


def test_type_is_readable_from_the_back_of_the_room_on_a_projector(server, browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="nl-NL")
    page = context.new_page()
    try:
        open_slides(page, f"{server.url}/presentatie?{ANSWERS}")
        press(page, "PageDown")  # the first decision
        size = page.evaluate("(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)",
                             ".st-key-slide li")
        title = page.evaluate("(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)",
                              ".st-key-slide h1")
        assert size >= 30 and title >= 50, (size, title)
        for _ in range(3):
            press(page, "PageDown")  # to the chart
        page.wait_for_selector(".st-key-slide-chart svg.marks text")
        page.wait_for_timeout(300)
        labels = page.evaluate("""() => [...document.querySelectorAll('.st-key-slide-chart svg.marks text')]
            .map((t) => t.getBoundingClientRect().height).filter((h) => h > 0)""")
        assert labels and min(labels) >= 20, f"chart labels drawn {min(labels):.0f} px high"
        texts = page.evaluate("""() => [...document.querySelectorAll('.st-key-slide-chart svg.marks text')]
            .map((t) => t.textContent)""")
        assert "Nieuwe inburgeraars per jaar" in texts and "Maanden tot een groep vol is" in texts
    finally:
        context.close()


def test_the_team_choice_is_recorded_on_the_slide_with_the_keys_of_a_presenter_remote(server, page, screenshots):
    advised = advise(Profile(municipality="Lochem", annual_intake=25)).decisions["delivery"].choice
    other = {"in_house": "Uitbesteden aan externe partners"}.get(advised, "Zelf uitvoeren")
    open_slides(page, f"{server.url}/presentatie?municipality=Lochem&annual_intake=25")
    main = page.get_by_test_id("stMain")
    press(page, "PageDown")
    expect(main.get_by_role("heading", name="Zelf doen of uitbesteden?")).to_be_visible()
    press(page, "Space")
    expect(main.get_by_role("heading", name="Wat zou het advies veranderen?")).to_be_visible()
    press(page, "PageUp")
    expect(main.get_by_role("heading", name="Zelf doen of uitbesteden?")).to_be_visible()
    press(page, "ArrowRight")

    main.get_by_role("combobox", name="Wat kiest het team? (Zelf doen of uitbesteden)").click()
    page.get_by_role("option", name=other).click()
    wait_idle(page)
    reason = main.get_by_role("textbox", name="Waarom kiest het team dit? (Zelf doen of uitbesteden)")
    reason.fill("Past bij onze capaciteit")
    reason.press("PageDown")  # typing: the slide stays
    reason.press("ArrowLeft")
    reason.press("Control+Enter")
    wait_idle(page)
    expect(main.get_by_role("heading", name="Wat zou het advies veranderen?")).to_be_visible()
    page.screenshot(path=str(screenshots / "slides-keuze-vastleggen-1280x800.png"))

    main.get_by_role("heading", name="Keuze van het team").click()  # out of the text box
    jump = page.locator(".st-key-slide-nav").get_by_role("combobox")
    jump.click()
    page.get_by_role("option", name=re.compile(r"^Dia \d+ van \d+: Advies en keuze van het team$")).click()
    wait_idle(page)
    expect(main.get_by_role("heading", name="Advies en keuze van het team")).to_be_visible()
    expect(main.get_by_text(f"≠ {other}").first).to_be_visible()
    expect(main.get_by_text("Past bij onze capaciteit")).to_be_visible()
    page.screenshot(path=str(screenshots / "slides-afsluiting-1280x800.png"))
    press(page, "PageUp")
    expect(main.get_by_role("heading", name="Wat zou het advies veranderen?")).to_be_hidden()


def test_first_page_of_the_summary_holds_the_decisions(browser, screenshots):
    """The summary's first printed page, as a wethouder gets it: Besluitpunten and the actions."""
    profile = Profile(municipality="Lochem", annual_intake=14)
    session = Session(profile=profile, team=TeamInput(
        decisions={"training_format": TeamDecision(choice="shared_purchase", reason="Samen met Brummen inkopen.")},
        actions={"dual-from-start": TeamAction(action="Vijf werkgevers benaderen", owner="Fatima",
                                               due=date(2027, 1, 15))}))
    html = render("html", advise(profile), session).decode()
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = context.new_page()
    try:
        page.set_content(html)
        page.emulate_media(media="print")
        page.screenshot(path=str(screenshots / "rapport-pagina-1.png"))
        first = page.locator("section.front")
        expect(first.get_by_role("heading", name="Besluitpunten")).to_be_visible()
        expect(first.get_by_text("Vijf werkgevers benaderen")).to_be_visible()
        pdf = page.pdf(format="A4")
        import pypdf

        page_one = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert "Besluitpunten" in page_one and "Fatima" in page_one and "Leeswijzer" not in page_one
    finally:
        context.close()
