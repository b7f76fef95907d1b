"""The workshop and the slides with the keyboard alone (WCAG 2.1.1, 2.4.7), no mouse click at all:
the facilitator starts a workshop, a phone participant votes on a decision and on an element
(Tab, arrows, Space, typing, Enter), the facilitator
shows and hides the results and closes voting; then, in Presenteren, the presenter's keys (next,
previous, C to the join slide and back) and every control of the slide bar reached with Tab and
used with Enter, Space or the arrow keys. Every stop must show a focus ring: an outline or a
shadow drawn on the control or its frame, not only the browser's :focus-visible state.
Screenshots: test-artifacts/screenshots/keyboard-workshop-*.png."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .room import axe_findings
from .server import wait_idle
from .test_slides_browser import press
from .walk import settle

pytestmark = pytest.mark.browser
MAX_TABS = 80
CONTAINERS = {"MAIN", "DIV", "SECTION", "ASIDE"}

# The focused control, and whether focus draws something: an outline, a shadow or a border
# colour on the control or one of its frames (Streamlit draws a text box's ring on the box
# around the input) that is not there once the focus leaves. Transitions are switched off in the
# test page (NO_TRANSITIONS), so the styles compared are the final ones; two animation frames are
# awaited after blur and focus, as Streamlit's controls redraw their frame in React.
FOCUSED = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const name = (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText)
    || e.innerText || e.value || '').trim().slice(0, 120);
  const frames = [];
  for (let n = e, i = 0; n && i < 5; n = n.parentElement, i++) frames.push(n);
  const look = () => frames.map((n) => { const s = getComputedStyle(n);
    return [s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 1 ? 'none' : s.outlineStyle + s.outlineColor,
            s.boxShadow, s.borderTopColor + s.borderBottomColor + s.borderLeftColor]; });
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const focused = look();
  e.blur();
  await frame();  // React redraws a control's frame after its blur event
  const left = look();
  e.focus();
  await frame();
  let ring = null;
  focused.forEach((f, i) => { if (!ring && f.some((v, j) => v !== left[i][j] && v !== 'none'))
    ring = frames[i].tagName + ': ' + f.filter((v, j) => v !== left[i][j]).join(' / '); });
  return {name, tag: e.tagName, role: e.getAttribute('role') || e.type || '', ring,
          still: document.activeElement === e};
}"""
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


def tab_to(page: Page, wanted: str | re.Pattern, role: str | None = None, back: bool = False) -> dict:
    """Press Tab (Shift+Tab with `back`) until the focused control's name matches `wanted`;
    it must show a focus ring there. Fails after MAX_TABS presses."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        focused = page.evaluate(FOCUSED)
        if not focused:
            continue
        seen.append(focused["name"][:40])
        if focused["tag"] in CONTAINERS:
            continue  # a scrollable region (the main column) holds every name: not a control
        hit = wanted.search(focused["name"]) if isinstance(wanted, re.Pattern) else wanted in focused["name"]
        if hit and (role is None or focused["role"] == role):
            assert focused["ring"], f"no visible focus ring on {focused}"
            assert focused["still"], f"the focus could not be put back on {focused}"
            return focused
    raise AssertionError(f"Tab never reached {wanted!r}; passed: {seen[-30:]}")


# Every control a keyboard user should reach inside `scope`, marked with its number: visible, not
# disabled, not taken out of the Tab order (tabindex -1: a select box's arrow, reached by its
# input), not inside a closed expander. Radios count per group (one Tab stop each).
CONTROLS = """(scope) => {
  const sel = "button, a[href], input:not([type=hidden]), textarea, select, summary, [tabindex]";
  const out = [];
  document.querySelector(scope).querySelectorAll(sel).forEach((e) => {
    if (e.disabled || e.tabIndex < 0 || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden'
        || e.closest('[aria-hidden=true]') || (e.closest('details:not([open])') && e.tagName !== 'SUMMARY')) return;
    const group = e.type === 'radio' ? 'radios: ' + ((e.closest('[role=radiogroup]') || e).getAttribute('aria-label') || '') : null;
    e.dataset.khSweep = String(out.length);
    out.push({name: (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText)
      || e.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60), group});
  });
  return out;
}"""


def sweep(page: Page, scope: str = "[data-testid='stMain']", max_tabs: int = 150) -> None:
    """Tab through the whole page: every control in `scope` (a radio group: one of its radios)
    gets the focus at some point, and shows a ring there."""
    controls = page.evaluate(CONTROLS, scope)
    wanted = {c["group"] or f"{i}: {c['name']}" for i, c in enumerate(controls)}
    assert len(wanted) >= 5, f"too few controls found in {scope}: {wanted}"
    reached: dict[str, str | None] = {}
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        number = page.evaluate("document.activeElement && document.activeElement.dataset.khSweep")
        if number is None:
            continue
        control = controls[int(number)]
        reached[control["group"] or f"{number}: {control['name']}"] = page.evaluate(FOCUSED)["ring"]
        if set(reached) >= wanted:
            break
    assert sorted(wanted - set(reached)) == [], "never reached with Tab"
    assert [name for name, ring in reached.items() if not ring] == [], "no focus ring"


def calm(page: Page) -> None:
    """No CSS transitions in this test page, so a style read is the style drawn (test-only CSS)."""
    page.add_style_tag(content=NO_TRANSITIONS)


def use(page: Page, key: str = "Enter") -> None:
    page.keyboard.press(key)
    settle(page)


def test_the_workshop_and_a_phone_vote_with_the_keyboard_alone(room, browser, screenshots):
    host_context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL",
                                        is_mobile=True, has_touch=True)
    host, phone = host_context.new_page(), phone_context.new_page()
    try:
        host.goto(f"{room.url}/workshop?municipality=Lochem&annual_intake=25")
        wait_idle(host)
        calm(host)
        main = host.get_by_test_id("stMain")
        tab_to(host, "Workshop starten")
        use(host)
        code = host.locator(".st-key-join-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code

        # A participant's phone: the first question's options with Tab and Space, then Enter.
        phone.goto(f"{room.url}/stemmen?code={code.replace('-', '')}")
        wait_idle(phone)
        calm(phone)
        tab_to(phone, "Zelf uitvoeren", role="radio")
        phone.keyboard.press("ArrowDown")  # the next option: "Uitbesteden aan externe partners"
        phone.keyboard.press("ArrowUp")
        phone.keyboard.press("Space")
        tab_to(phone, "Waarom?")
        phone.keyboard.type("Wij hebben de klantmanagers al")
        tab_to(phone, "Stem opslaan")
        use(phone)
        expect(phone.get_by_text("Opgeslagen: Zelf uitvoeren", exact=False)).to_be_visible(timeout=15_000)
        # The compact list of elements (three targets a row): the first element's first target.
        tab_to(phone, "Essentieel", role="radio")
        phone.keyboard.press("Space")
        expect(phone.get_by_role("radio", name="Essentieel").first).to_be_checked()
        phone.screenshot(path=str(screenshots / "keyboard-workshop-phone-element.png"))
        tab_to(phone, "Prioriteiten opslaan")
        use(phone)
        expect(phone.get_by_text("Opgeslagen: 1 van", exact=False)).to_be_visible(timeout=15_000)
        phone.screenshot(path=str(screenshots / "keyboard-workshop-phone.png"))

        # The facilitator: show the results, hide them again, close voting, all with Tab and Enter.
        expect(main.get_by_text("1 deelnemer", exact=False)).to_be_visible(timeout=15_000)
        expect(main.get_by_text("De uitslag is verborgen", exact=False)).to_be_visible()
        tab_to(host, "Uitslag nu tonen")
        use(host)
        expect(main.get_by_text("1 van 1 kiest Zelf uitvoeren", exact=False)).to_be_visible(timeout=10_000)
        expect(main.get_by_text("Wij hebben de klantmanagers al", exact=False)).to_be_visible()
        host.screenshot(path=str(screenshots / "keyboard-workshop-results.png"), full_page=True)
        assert axe_findings(host, {"heading-order"}) == []  # the Workshop page with a workshop running
        sweep(host)  # every control of the Workshop page, results shown
        tab_to(host, "Uitslag weer verbergen")
        use(host)
        expect(main.get_by_text("De uitslag is verborgen", exact=False)).to_be_visible(timeout=10_000)
        tab_to(host, "Stemming sluiten")
        use(host)
        expect(main.get_by_text("stemming gesloten", exact=False)).to_be_visible(timeout=10_000)
        expect(main.get_by_text("1 van 1 kiest Zelf uitvoeren", exact=False)).to_be_visible()  # closing shows them
        tab_to(host, "Stemming heropenen")
        host.screenshot(path=str(screenshots / "keyboard-workshop-closed.png"))
    finally:
        host_context.close()
        phone_context.close()


def slide_title(page: Page) -> str:
    return page.locator(".st-key-slide h1").first.inner_text().strip()


def test_the_slides_with_the_keyboard_alone(room, browser, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{room.url}/workshop?municipality=Lochem&annual_intake=25")
        wait_idle(page)
        calm(page)
        tab_to(page, "Workshop starten")
        use(page)
        tab_to(page, "Presenteren", back=True)  # the route in the sidebar: a link, Enter follows it
        use(page)
        page.wait_for_function("window.__khSlideKeys === true")
        calm(page)
        assert slide_title(page) == "Keuzehulp duaal inburgeren"

        # The presenter's keys: forward, back, and C to the join slide and back to where it was.
        press(page, "PageDown")
        assert slide_title(page) == "Doe mee met de stemming"
        press(page, "ArrowRight")
        press(page, "Space")
        third = slide_title(page)
        assert third == "Wat zou het advies veranderen?"
        press(page, "ArrowLeft")
        assert slide_title(page) == "Zelf doen of uitbesteden?"
        press(page, "c")
        assert slide_title(page) == "Doe mee met de stemming"
        page.screenshot(path=str(screenshots / "keyboard-workshop-join-slide.png"))
        press(page, "c")
        assert slide_title(page) == "Zelf doen of uitbesteden?"
        press(page, "PageUp")
        assert slide_title(page) == "Doe mee met de stemming"

        # Every control of the slide bar reached with Tab and used from the keyboard.
        tab_to(page, "Volgende")
        use(page)
        assert slide_title(page) == "Zelf doen of uitbesteden?"
        tab_to(page, "Vorige", back=True)
        use(page)
        assert slide_title(page) == "Doe mee met de stemming"
        tab_to(page, "Ga naar dia", role="combobox")
        page.keyboard.type("Uitslag")  # the overview filters as one types; Enter takes the slide
        page.get_by_role("option", name=re.compile("Uitslag van de stemming")).wait_for()
        use(page)
        assert slide_title(page) == "Uitslag van de stemming"
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("De uitslag is verborgen", exact=False)).to_be_visible()
        tab_to(page, "Uitslag nu tonen")  # the results slide's own buttons
        use(page)
        expect(main.get_by_text("0 deelnemers", exact=False)).to_be_visible()
        expect(main.get_by_role("heading", name="Zelf doen of uitbesteden?")).to_be_visible(timeout=10_000)
        sweep(page)  # every control of the results slide and the bar beneath it
        tab_to(page, "Meedoen (C)")
        use(page)
        assert slide_title(page) == "Doe mee met de stemming"
        focused = tab_to(page, "Terug (C)")
        assert focused["tag"] == "BUTTON"
        use(page)
        assert slide_title(page) == "Uitslag van de stemming"
        tab_to(page, "Stop presenteren")
        page.screenshot(path=str(screenshots / "keyboard-workshop-stop-focused.png"))
        use(page)
        expect(page.get_by_role("heading", name="Advies: alles bij elkaar")).to_be_visible()
    finally:
        context.close()
