"""Kosten en doorlooptijd in a real browser (issue 12): the page and its slides at projector sizes.

Screenshots go to test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .server import wait_idle
from .test_workshop_browser import go, serious_axe_violations

pytestmark = pytest.mark.browser
SIZES = ({"width": 1280, "height": 800}, {"width": 1920, "height": 1080})


def share_box(page, route: str):
    """One of the three route boxes on vraag 2 (its label spells out a term on first use)."""
    return page.locator(f".st-key-route_shares__{route} input")


def fill_shares(page, b1: str, onderwijs: str, z: str) -> None:
    for route, value in (("b1", b1), ("onderwijs", onderwijs), ("z", z)):
        box = share_box(page, route)
        box.fill(value)
        box.press("Enter")
        wait_idle(page)


def wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
        f"[data-testid='stVegaLiteChart'] svg\").length >= {count}")
    page.wait_for_timeout(400)


def test_costs_page_and_slides_at_projector_sizes(server, page, screenshots, requests_seen):
    page.goto(f"{server.url}/kosten?annual_intake=40&min_group_size=10")
    wait_idle(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Kosten en doorlooptijd")).to_be_visible(timeout=30_000)
    expect(main.get_by_text("Vul bij vraag 2 in hoe de inburgeraars").first).to_be_visible()

    # The route mix is an answer, asked once on vraag 2 (issue 23)
    go(page, "2 Organisatie")
    fill_shares(page, "60", "10", "40")  # 110 %: refused beside the fields
    expect(main.get_by_text("telt op tot 110 procent").first).to_be_visible(timeout=20_000)
    share_box(page, "z").fill("30")
    share_box(page, "z").press("Enter")
    wait_idle(page)
    go(page, "Kosten en doorlooptijd")
    expect(main.get_by_text("Nog zonder budget")).to_be_visible(timeout=20_000)
    expect(main.get_by_text("Per geldstroom").first).to_be_visible()
    wait_for_charts(page, 2)
    for size in SIZES:
        page.set_viewport_size(size)
        wait_idle(page)
        page.screenshot(path=str(screenshots / f"kosten-{size['width']}x{size['height']}.png"))
    main.get_by_role("heading", name="Doorlooptijd", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "kosten-doorlooptijd-1920x1080.png"))
    assert serious_axe_violations(page) == []

    go(page, "Presenteren")
    for _ in range(30):  # the cost slides come after the team's choices
        if main.get_by_role("heading", name="Wat kost dit ontwerp?").is_visible():
            break
        page.keyboard.press("ArrowRight")
        wait_idle(page)
    expect(main.get_by_role("heading", name="Wat kost dit ontwerp?")).to_be_visible()
    expect(main.get_by_text("Geld van het Rijk").first).to_be_visible()
    expect(main.get_by_text("Nog geen totaal tekort of overschot").first).to_be_visible()
    for size in SIZES:
        page.set_viewport_size(size)
        wait_idle(page)
        page.screenshot(path=str(screenshots / f"presenteren-kosten-{size['width']}x{size['height']}.png"))
    page.get_by_role("button", name="Volgende").click()
    expect(main.get_by_role("heading", name="Hoe lang wacht een inburgeraar?")).to_be_visible(timeout=20_000)
    wait_idle(page)
    wait_for_charts(page, 1)
    for size in SIZES:
        page.set_viewport_size(size)
        wait_idle(page)
        page.screenshot(path=str(screenshots / f"presenteren-doorlooptijd-{size['width']}x{size['height']}.png"))
    assert requests_seen.outside() == []
