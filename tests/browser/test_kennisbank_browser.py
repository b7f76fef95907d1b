"""The Kennisbank search in Chromium, as a policy officer uses it on a laptop and on a phone:
she types a word with a typo and sees the ranked pages, each with its passage and the word in
bold, readable and not cut off. Screenshots: test-artifacts/screenshots/kennisbank-*.png."""

from __future__ import annotations

import pytest

from .walk import go, open_path, settle

pytestmark = pytest.mark.browser

TOP = "Hoe lang mag iemand wachten op een groep?"  # the best page for "wachttijd"
SIZES = {"laptop": {"width": 1280, "height": 800}, "telefoon": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
def test_search_shows_ranked_results_with_their_passage(page, server, screenshots, requests_seen, size):
    page.set_viewport_size(SIZES[size])
    open_path(page, server.url)
    if size == "telefoon":
        page.get_by_test_id("stExpandSidebarButton").click()
    go(page, "Kennisbank")
    search = page.get_by_role("textbox", name="Zoeken")
    search.fill("wachtijd")
    search.press("Enter")
    settle(page)
    main = page.get_by_test_id("stMain")
    assert "Gezocht op ‘wachttijd’ in plaats van ‘wachtijd’." in main.inner_text()
    first = main.get_by_test_id("stVerticalBlock").filter(has=page.get_by_role("button", name=TOP)).last
    bold = first.locator("strong", has_text="wachttijd")
    assert bold.count() >= 1, "the passage marks the word"
    width = SIZES[size]["width"]
    box = first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, "the result fits the screen"
    passage = bold.first.bounding_box()
    assert passage and passage["x"] + passage["width"] <= width, "the passage is not cut off"
    page.screenshot(path=str(screenshots / f"kennisbank-zoeken-{size}.png"))
    if size == "laptop":  # the results (bold words in grey captions) pass axe like every page
        from axe_playwright_python.sync_playwright import Axe

        violations = [v["id"] for v in Axe().run(page).response["violations"]
                      if v["impact"] in ("serious", "critical")]
        assert violations == []
    first.get_by_role("button").first.click()
    settle(page)
    assert main.get_by_role("button", name="Terug naar het overzicht").is_visible()
    assert requests_seen.outside() == []


def test_the_changes_since_the_handreiking_are_one_click_from_the_overview(page, server, screenshots, requests_seen):
    """A policy officer opens the Kennisbank, sees 'Wat is er veranderd sinds de handreiking
    (2021)', opens it and finds when it was checked and a way to each changed fact."""
    page.set_viewport_size(SIZES["laptop"])
    open_path(page, server.url)
    go(page, "Kennisbank")
    main = page.get_by_test_id("stMain")
    main.get_by_role("button", name="Wat is er veranderd sinds de handreiking (2021)").first.click()
    settle(page)
    text = main.inner_text()
    assert "Gecontroleerd op " in text
    for fact in ("Boetes na het arrest Keren (2025)", "Z-route: 200 uur taalles op de werkvloer (vanaf 2026)"):
        assert main.get_by_role("button", name=fact).count() >= 1, fact
    page.screenshot(path=str(screenshots / "kennisbank-wat-is-er-veranderd-laptop.png"))
    main.get_by_role("button", name="Boetes na het arrest Keren (2025)").first.click()
    settle(page)
    assert "alleen in uitzonderlijke gevallen" in main.inner_text()
    assert requests_seen.outside() == []
