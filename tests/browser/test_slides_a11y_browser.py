"""Every slide of Presenteren passes axe-core, with a live workshop running and votes in (the
join slide, the results slide, the scenarios, the team's choices), at a projector's 1280x800 and
a phone's 390x844: no serious or critical finding and no skipped heading level. One server, one
page per size; the deck is turned with its own key (PageDown), axe loaded once per page.
Screenshots of the slides only a workshop has: test-artifacts/screenshots/slides-axe-<size>-<slide>.png."""

from __future__ import annotations

import pytest

from .room import SLIDE_RULES, axe_findings, facilitator_session
from .server import wait_idle
from .test_slides_browser import open_slides, press

pytestmark = pytest.mark.browser
# Photographed here (the others are in test_slides_browser.py's screenshots): what only a workshop shows.
SHOOT = {"Doe mee met de stemming", "Uitslag van de stemming", "Scenario's vergeleken", "Advies en keuze van het team"}
SIZES = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", list(SIZES))
def test_every_slide_with_a_live_workshop_passes_axe(room, browser, screenshots, size):
    key = facilitator_session(room)
    context = browser.new_context(viewport=SIZES[size], locale="nl-NL")
    page = context.new_page()
    try:
        open_slides(page, f"{room.url}/presentatie?sessie={key}&dia=1")
        found: dict[str, list[str]] = {}
        titles: list[str] = []
        while True:
            page.wait_for_timeout(150)  # the charts' SVG and the QR code are drawn after the run
            titles.append(page.locator(".st-key-slide h1").first.inner_text().strip())
            if titles[-1] in SHOOT:
                page.screenshot(path=str(screenshots / f"slides-axe-{size}-{len(titles):02d}.png"))
            problems = axe_findings(page, SLIDE_RULES)
            if problems:
                found[f"{len(titles)}: {titles[-1]}"] = problems
            if page.locator(".st-key-slide_next button").is_disabled():
                break
            press(page, "PageDown")
        # The join slide's key from the last slide: the bar then offers "Terug (C)" instead.
        page.keyboard.press("c")
        page.get_by_role("button", name="Terug (C)").wait_for()
        wait_idle(page)
        problems = axe_findings(page, SLIDE_RULES)
        if problems:
            found["join slide, reached with C"] = problems
        assert {"Doe mee met de stemming", "Uitslag van de stemming", "Scenario's vergeleken",
                "Advies en keuze van het team", "Kunt u groepen vormen?"} <= set(titles), titles
        assert len(titles) >= 19, titles
        assert found == {}
    finally:
        context.close()
