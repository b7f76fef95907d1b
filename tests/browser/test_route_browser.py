"""Route and status in a real browser: every page change starts at the top (before, "Volgende"
from question 2 opened question 3 at scrollTop ≈ 2,700), a new slide starts at the top, and on
a phone the side menu closes once a page is chosen (the page-change script in ui/kit/streamlit_adapter.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .server import wait_idle

pytestmark = pytest.mark.browser
SCROLL_TOP = "() => document.querySelector(\"[data-testid='stMain']\").scrollTop"


def scroll_to_bottom(page) -> int:
    """Scroll the main area down with the mouse wheel, as a user does (the page-change script
    leaves a scroll the user makes alone, but undoes others just after a new page)."""
    box = page.get_by_test_id("stMain").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    last = -1
    for _ in range(20):
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(150)
        now = page.evaluate(SCROLL_TOP)
        if now == last:
            break
        last = now
    return page.evaluate(SCROLL_TOP)


def at_top(page, within_ms: int = 2000) -> bool:
    """Whether the page is scrolled to the top within `within_ms` of the script going idle: the
    page-change script scrolls up and tries again for a few hundred ms while the page grows."""
    for _ in range(within_ms // 100):
        if page.evaluate(SCROLL_TOP) < 5:
            return True
        page.wait_for_timeout(100)
    return page.evaluate(SCROLL_TOP) < 5


def test_volgende_opens_the_next_question_at_the_top(server, page):
    page.goto(f"{server.url}/q2_organisatie?municipality=Lochem&annual_intake=25")
    wait_idle(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Vraag 2: Organisatie")).to_be_visible(timeout=20_000)
    wait_idle(page)
    assert scroll_to_bottom(page) > 500, "question 2 is longer than the window"
    main.get_by_role("button", name="Volgende: 3 Begeleiding").click()
    expect(main.get_by_role("heading", name="Vraag 3: Begeleiding")).to_be_visible()
    wait_idle(page)
    assert at_top(page)
    expect(main.get_by_role("heading", name="Vraag 3: Begeleiding")).to_be_in_viewport()

    # the same for a page chosen in the route
    assert scroll_to_bottom(page) > 500, "question 3 is longer than the window"
    page.get_by_test_id("stSidebar").get_by_role("link", name="4 Taal en praktijk").click()
    expect(main.get_by_role("heading", name="Vraag 4: Taal en praktijk")).to_be_visible()
    wait_idle(page)
    assert at_top(page)


def test_a_rerun_on_the_same_page_keeps_the_scroll_position(server, page):
    page.goto(f"{server.url}/q3_begeleiding?municipality=Lochem")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Vraag 3: Begeleiding")).to_be_visible(timeout=20_000)
    wait_idle(page)
    toggle = main.get_by_text("Kunt u een doorbraakbudget reserveren?", exact=False).first
    toggle.scroll_into_view_if_needed()
    before = page.evaluate(SCROLL_TOP)
    toggle.click()
    wait_idle(page)
    page.wait_for_timeout(300)
    assert abs(page.evaluate(SCROLL_TOP) - before) < 80, "an answer does not throw the user to the top"


def test_on_a_phone_the_menu_closes_after_choosing_a_page(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?municipality=Lochem")
        wait_idle(page)
        page.get_by_test_id("stExpandSidebarButton").click(timeout=20_000)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_have_attribute("data-collapsed", "false")
        sidebar.get_by_role("link", name="2 Organisatie").click()
        expect(page.get_by_test_id("stMain").get_by_role("heading", name="Vraag 2: Organisatie")).to_be_visible()
        expect(sidebar).to_have_attribute("data-collapsed", "true")
    finally:
        context.close()
