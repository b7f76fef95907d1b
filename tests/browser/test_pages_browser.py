"""Forms and pages read on a laptop (1280x800) and on a phone (390x844): every chosen partner
shows, and nothing a user must read sits out of sight. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from keuzehulp.contract.labels import labels

from .walk import open_path, pick_partners, settle

pytestmark = pytest.mark.browser

SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
THREE = ["language_provider", "social_work_company", "employer_service_point"]


def inside(inner: dict, outer: dict) -> bool:
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


@pytest.mark.parametrize("size", SIZES)
def test_the_partner_field_shows_every_chosen_partner(server, page, screenshots, size):
    """Three partners chosen: each one's whole name is on screen inside the field (the chips
    wrap); before, the field stayed one line high and scrolled all but the last out of sight."""
    page.set_viewport_size(SIZES[size])
    open_path(page, server.url, "q2_organisatie")
    pick_partners(page, THREE)
    field = page.get_by_test_id("stMultiSelect").filter(has_text=labels().field("partners"))
    field.scroll_into_view_if_needed()
    box = field.get_by_role("group").filter(has=page.get_by_role("combobox")).first.bounding_box()
    for partner in THREE:
        name = labels().partners[partner]
        chip = field.locator(f"[data-tag][aria-label='{name}']")
        expect(chip).to_be_visible()
        text = chip.locator(f"[title='{name}']")
        assert inside(chip.bounding_box(), box), (name, chip.bounding_box(), box)
        # the whole name, not cut off with an ellipsis
        assert text.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), name
    assert field.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    field.screenshot(path=str(screenshots / f"partners-{size}.png"))


def test_the_questions_stay_beside_a_long_advice_column(server, page, screenshots):
    """Question 2 at 1280x800: the advice beside the questions runs ~4,000 px; scrolled down to
    the group estimate, the questions are still on screen beside it, not an empty column."""
    open_path(page, server.url, "q2_organisatie")
    questions = page.get_by_role("heading", name="Uw situatie", exact=True)
    advice = page.get_by_text("Kunt u groepen vormen?", exact=True)
    advice.scroll_into_view_if_needed()
    page.get_by_test_id("stMain").evaluate("e => e.scrollBy(0, 300)")
    page.wait_for_timeout(300)
    field = page.get_by_role("textbox", name=labels().field("annual_intake"))
    box = field.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 800, box  # still on screen
    assert questions.bounding_box()["x"] < advice.bounding_box()["x"]  # beside it, on the left
    page.screenshot(path=str(screenshots / "q2-scrolled-1280.png"))
    # On a phone the questions come first and the page scrolls as one.
    page.set_viewport_size(SIZES["phone"])
    page.get_by_test_id("stMain").evaluate("e => e.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    assert questions.bounding_box()["y"] < advice.bounding_box()["y"]
    page.get_by_test_id("stMain").evaluate("e => e.scrollBy(0, 4000)")
    page.wait_for_timeout(300)
    assert field.bounding_box()["y"] + field.bounding_box()["height"] < 0  # scrolled away with the page


@pytest.mark.parametrize("size", SIZES)
def test_the_advies_page_lists_essential_elements_first(server, page, screenshots, size):
    """Per question, the elements read most important first, in the order they are drawn (a
    screen reader's) and in the order the eye reads them (row by row, left to right)."""
    page.set_viewport_size(SIZES[size])
    open_path(page, server.url, "advies?municipality=Lochem&annual_intake=8")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Vraag 5:", exact=False)).to_be_visible(timeout=30_000)
    rank = {text: i for i, text in enumerate(labels().priorities[p] for p in ("essential", "recommended", "consider"))}
    found = main.evaluate("""(main, names) => {
        const out = []; let section = "";
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT);
        for (let e = walker.nextNode(); e; e = walker.nextNode()) {
            if (e.tagName === "H2" && /^Vraag \\d/.test(e.textContent)) section = e.textContent.slice(0, 7);
            else if (e.classList.contains("stMarkdownBadge") && names.includes(e.lastChild.textContent.trim())) {
                const card = e.closest("[data-testid='stVerticalBlock']").getBoundingClientRect();
                out.push([section, e.lastChild.textContent.trim(), card.x, card.y]);
            }
        }
        return out; }""", list(rank))
    assert len({f[0] for f in found}) >= 4 and len(found) >= 15, found
    seen_mixed = False
    for section in {f[0] for f in found}:
        cards = [f for f in found if f[0] == section]
        ranks = [rank[f[1]] for f in cards]
        assert ranks == sorted(ranks), (section, cards)
        seen_mixed |= len(set(ranks)) > 1
        for (_, _, x1, y1), (_, _, x2, y2) in zip(cards, cards[1:], strict=False):
            assert y2 > y1 + 1 or (abs(y2 - y1) <= 1 and x2 > x1), (section, cards)  # reading order
    assert seen_mixed  # the check meant something: some question has elements of two priorities
    # The line under "Kunt u groepen vormen?" does not repeat the reason just above it.
    caption = main.get_by_text("Kunt u groepen vormen?", exact=True).locator(
        "xpath=ancestor::*[@data-testid='stVerticalBlock'][1]").get_by_test_id("stCaptionContainer").first
    said = caption.inner_text().strip()
    assert said and main.get_by_text(said, exact=False).count() == 1, said
    page.screenshot(path=str(screenshots / f"advies-{size}.png"))


@pytest.mark.parametrize("path,first", [("kosten", "Onderdeel")])
def test_tables_fit_a_phone_and_keep_their_first_column(server, page, screenshots, path, first):
    """On a phone a table scrolls sideways inside the page (not the page itself), its first
    column stays in place, and a keyboard can reach it to scroll."""
    page.set_viewport_size(SIZES["phone"])
    open_path(page, server.url, f"{path}?municipality=Lochem&annual_intake=8")
    main = page.get_by_test_id("stMain")
    table = main.locator("table").filter(has_text=first).first
    expect(table).to_be_visible(timeout=30_000)
    assert_scrolls_with_first_column_fixed(page, table)
    page.screenshot(path=str(screenshots / f"{path}-table-phone.png"))


def assert_scrolls_with_first_column_fixed(page, table) -> None:
    width = page.viewport_size["width"]
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box  # within the screen
    assert page.get_by_test_id("stMain").evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert table.get_attribute("tabindex") == "0"
    key = table.locator("tr").nth(1).locator(":scope > *").first
    before = key.bounding_box()["x"]
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    page.wait_for_timeout(200)
    assert table.evaluate("t => t.scrollLeft") > 0  # the table did scroll
    assert abs(key.bounding_box()["x"] - before) < 1  # the first column did not move
    table.evaluate("t => { t.scrollLeft = 0; }")
    table.focus()  # a keyboard user: Tab reaches it, an arrow key scrolls it
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert table.evaluate("t => t.scrollLeft") > 0
    # no cell squeezed to a word per line: every value cell at least 7 rem wide
    narrow = table.evaluate("""t => [...t.querySelectorAll('td, th')].filter(c => c.getBoundingClientRect().width
        < 7 * parseFloat(getComputedStyle(document.documentElement).fontSize) - 1).length""")
    assert narrow == 0


def test_the_comparison_tables_fit_a_phone(server, page, screenshots):
    from .test_workshop_browser import go, save_scenario

    open_path(page, server.url, "?municipality=Lochem&annual_intake=25")
    save_scenario(page, "Alleen")
    go(page, "2 Organisatie")
    page.get_by_test_id("stMain").get_by_text("Ja, dat doen we al").click()
    settle(page)
    intake = page.get_by_role("textbox", name=labels().field("regional_intake"))
    intake.fill("400")
    intake.press("Enter")
    settle(page)
    save_scenario(page, "Met de regio")
    go(page, "Vergelijken")
    page.set_viewport_size(SIZES["phone"])
    main = page.get_by_test_id("stMain")
    tables = main.locator("table")
    expect(tables.first).to_be_visible(timeout=30_000)
    for i in range(tables.count()):
        if tables.nth(i).is_visible():
            assert_scrolls_with_first_column_fixed(page, tables.nth(i))
    page.screenshot(path=str(screenshots / "vergelijken-table-phone.png"))
