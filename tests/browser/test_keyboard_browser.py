"""The wizard with the keyboard alone (WCAG 2.1.1, 2.4.7): Tab to each field and button, type,
arrow keys in a choice, Enter to go on, from the start page to the advice; every stop shows
where the focus is. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from keuzehulp.contract.labels import labels

from .walk import main_text, open_path, settle

pytestmark = pytest.mark.browser
MAX_TABS = 150

FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText)
    || e.innerText || e.value || '';
  const s = getComputedStyle(e);
  const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
    || !!e.closest('[data-focus-visible], [data-focus-visible-added]') || e.matches(':focus-visible');
  return {label: label.trim().slice(0, 120), tag: e.tagName, role: e.getAttribute('role') || e.type || '', shown}; }"""


def tab_to(page: Page, wanted: str, role: str | None = None) -> dict:
    """Press Tab until the focused element's name holds `wanted`; fail after MAX_TABS."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused:
            seen.append(focused["label"][:40])
            if wanted in focused["label"] and (role is None or focused["role"] == role):
                assert focused["shown"] or page.evaluate("document.activeElement.matches(':focus-visible')"), focused
                return focused
    raise AssertionError(f"Tab never reached {wanted!r}; passed: {seen[-30:]}")


def test_the_wizard_from_start_to_advice_with_the_keyboard_alone(server, page, screenshots):
    lab = labels()
    open_path(page, server.url)
    tab_to(page, lab.field("municipality"), role="text")
    page.keyboard.type("Epe")
    page.keyboard.press("Enter")
    settle(page)
    tab_to(page, "Begin met vraag 1")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_role("heading", name="Vraag 1:", exact=False)).to_be_visible()

    tab_to(page, "Volgende:")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_role("heading", name="Vraag 2:", exact=False)).to_be_visible()
    # A number: type it, Enter.
    tab_to(page, lab.field("annual_intake"), role="text")
    page.keyboard.press("Control+A")
    page.keyboard.type("40")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_role("textbox", name=lab.field("annual_intake"))).to_have_value("40")
    # A choice: Tab lands on the chosen option, an arrow key chooses the next.
    group = page.get_by_role("radiogroup", name=lab.field("level_mix"))
    before = [group.get_by_role("radio").nth(i).is_checked() for i in range(group.get_by_role("radio").count())]
    _tab_into(page, group)
    page.keyboard.press("ArrowDown")
    settle(page)
    after = [group.get_by_role("radio").nth(i).is_checked() for i in range(group.get_by_role("radio").count())]
    assert after != before, "an arrow key changes the choice"
    # The partners: type in the list, Enter picks, Escape closes.
    tab_to(page, lab.field("partners"), role="combobox")
    page.keyboard.type(lab.partners["vocational_college"])
    page.keyboard.press("Enter")
    settle(page)
    page.keyboard.press("Escape")
    expect(page.locator(f"[data-tag][aria-label='{lab.partners['vocational_college']}']")).to_be_visible()
    page.screenshot(path=str(screenshots / "keyboard-q2.png"))

    for number in (3, 4, 5):
        tab_to(page, "Volgende:")
        page.keyboard.press("Enter")
        settle(page)
        expect(page.get_by_role("heading", name=f"Vraag {number}:", exact=False)).to_be_visible()
    tab_to(page, "Volgende:")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_role("heading", name="Advies: alles bij elkaar")).to_be_visible()
    assert "Voor **Epe**" in main_text(page) or "Voor Epe" in main_text(page)
    tab_to(page, "Word")  # the downloads are reachable too
    page.screenshot(path=str(screenshots / "keyboard-advies.png"))


def _tab_into(page: Page, group) -> None:
    """Tab until the focus is on one of `group`'s radios."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if group.evaluate("(g) => g.contains(document.activeElement)"):
            return
    raise AssertionError("Tab never reached the radio group")
