"""The participants' page on a phone (390x844 and a narrow 360x740): the element vote is a
compact list (one row of three equal targets per element, no label wraps), the answer boxes of a
question are equally wide, and a dropped connection names no developer command.
Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ELEMENT_IDS, PRIORITY_ORDER
from keuzehulp.store import make_engine, migrate
from keuzehulp.workshop import repo

from .server import Server, wait_idle

pytestmark = pytest.mark.browser
PHONES = {"390": {"width": 390, "height": 844}, "360": {"width": 360, "height": 740}}


@pytest.fixture(scope="module")
def phone_server(tmp_path_factory):
    """An app server with its own store, and one open workshop's code in it."""
    store = tmp_path_factory.mktemp("store")
    url = f"sqlite:///{store / 'keuzehulp.sqlite'}"
    engine = make_engine(url)
    migrate(engine)
    opened = repo.create_workshop(engine)
    engine.dispose()
    server = Server("app.py", env={"KEUZEHULP_DATABASE_URL": url})
    server.code = opened.code
    yield server
    server.stop()


def widths(locator) -> list[float]:
    return [round(locator.nth(i).bounding_box()["width"], 1) for i in range(locator.count())]


def one_line(locator) -> bool:
    """Every text in `locator` on one line: its height is one line's, nothing cut off."""
    return locator.evaluate_all("""els => els.every(e => {
        const s = getComputedStyle(e); const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.6;
        return e.getBoundingClientRect().height < line * 1.5 && e.scrollWidth <= e.clientWidth + 1; })""")


@pytest.mark.parametrize("phone", PHONES)
def test_the_element_vote_is_a_compact_list_of_equal_targets(browser, phone_server, screenshots, phone):
    context = browser.new_context(viewport=PHONES[phone], is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{phone_server.url}/stemmen?code={phone_server.code}")
    wait_idle(page)
    lab = labels()
    form = page.get_by_test_id("stForm").filter(has_text="Werkzame elementen")
    groups = form.get_by_role("radiogroup")
    expect(groups).to_have_count(len(ELEMENT_IDS), timeout=30_000)
    form_box = form.bounding_box()
    target_widths = []
    for i in range(groups.count()):
        options = groups.nth(i).get_by_role("radio")
        assert options.count() == len(PRIORITY_ORDER)
        targets = groups.nth(i).get_by_test_id("stRadioOption")
        boxes = [targets.nth(j).bounding_box() for j in range(targets.count())]
        assert max(b["width"] for b in boxes) - min(b["width"] for b in boxes) <= 1, (i, boxes)
        assert len({round(b["y"]) for b in boxes}) == 1, f"element {i}: the three targets are not on one row"
        assert all(b["x"] >= form_box["x"] and b["x"] + b["width"] <= form_box["x"] + form_box["width"]
                   for b in boxes)
        assert min(b["height"] for b in boxes) >= 40  # a finger's target
        assert one_line(targets.locator("p")), f"element {i}: a label wraps"
        target_widths += [b["width"] for b in boxes]
    assert max(target_widths) - min(target_widths) <= 1, "targets differ in width between elements"
    # A compact list: the whole vote on about four phone screens, not ~5,400 px.
    first, last = groups.first.bounding_box(), groups.last.bounding_box()
    assert last["y"] + last["height"] - first["y"] < 2_400
    # A tap chooses, the chosen target is drawn filled, and the vote is stored.
    element = ELEMENT_IDS[1]
    group = form.get_by_role("radiogroup", name=lab.elements[element])
    group.get_by_text(lab.priorities["recommended"], exact=True).click()
    chosen = group.get_by_test_id("stRadioOption").nth(1)
    expect(chosen).to_have_attribute("data-selected", "true")
    assert chosen.evaluate("e => getComputedStyle(e).backgroundColor") != \
        group.get_by_test_id("stRadioOption").nth(0).evaluate("e => getComputedStyle(e).backgroundColor")
    form.get_by_role("button", name="Prioriteiten opslaan").click()
    expect(form.get_by_text(f"Opgeslagen: 1 van {len(ELEMENT_IDS)} elementen.")).to_be_visible(timeout=20_000)
    # Each decision's answer boxes are as wide as each other (and as the column).
    for i in range(3):
        decision = page.get_by_test_id("stForm").nth(i)
        sizes = widths(decision.get_by_test_id("stRadioOption"))
        assert max(sizes) - min(sizes) <= 1, (i, sizes)
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response  # the compact list passes axe like every page
    assert [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")] == []
    page.set_viewport_size({"width": PHONES[phone]["width"],
                            "height": int(page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight"))})
    wait_idle(page)
    page.screenshot(path=str(screenshots / f"stemmen-phone-{phone}.png"))
    context.close()


def test_a_participant_who_loses_the_connection_reads_no_command(browser, tmp_path, screenshots):
    """Streamlit tells a browser at `localhost` to restart it with a command; a participant
    cannot and must not read one: the page asks to tell the facilitator."""
    store = tmp_path / "store"
    url = f"sqlite:///{store / 'keuzehulp.sqlite'}"
    engine = make_engine(url)
    migrate(engine)
    code = repo.create_workshop(engine).code
    engine.dispose()
    server = Server("app.py", env={"KEUZEHULP_DATABASE_URL": url})
    context = browser.new_context(viewport=PHONES["390"], is_mobile=True, has_touch=True, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"http://localhost:{server.port}/stemmen?code={code}")
        wait_idle(page)
        expect(page.get_by_role("heading", name="Stemmen in de workshop")).to_be_visible()
        server.stop()
        dialog = page.get_by_role("dialog")
        dialog.get_by_text("Verbinding kwijt").wait_for(timeout=60_000)
        dialog.get_by_text("Zeg het dan tegen de begeleider", exact=False).wait_for(timeout=10_000)
        text = dialog.inner_text()
        assert "De keuzehulp is even niet bereikbaar" in text
        assert not [w for w in ("make run", "streamlit", "terminal", "start hem") if w in text.lower()], text
        page.screenshot(path=str(screenshots / "stemmen-verbinding-kwijt.png"))
    finally:
        context.close()
        server.stop()


def test_a_participant_votes_with_the_keyboard_alone(browser, phone_server, screenshots):
    """Tab to a question's options, an arrow key chooses, Tab to its button, Enter stores; the
    element vote's targets (no dot) show where the focus is."""
    context = browser.new_context(viewport=PHONES["390"], locale="nl-NL")
    page = context.new_page()
    page.goto(f"{phone_server.url}/stemmen?code={phone_server.code}")
    wait_idle(page)
    lab = labels()
    form = page.get_by_test_id("stForm").filter(has_text="Werkzame elementen")
    groups = form.get_by_role("radiogroup")
    expect(groups).to_have_count(len(ELEMENT_IDS), timeout=30_000)
    first = groups.first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first.evaluate("(g) => g.contains(document.activeElement)"):
            break
    else:
        raise AssertionError("Tab never reached the element vote")
    page.keyboard.press("ArrowRight")  # from nothing chosen: the next option is chosen and focused
    target = first.locator("[data-testid='stRadioOption'][data-selected='true']")
    expect(target).to_have_count(1)
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # focus shown on the target
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText || ''").endswith("Prioriteiten opslaan"):
            break
    else:
        raise AssertionError("Tab never reached 'Prioriteiten opslaan'")
    page.keyboard.press("Enter")
    expect(form.get_by_text(f"Opgeslagen: 1 van {len(ELEMENT_IDS)} elementen.")).to_be_visible(timeout=20_000)
    assert lab.elements[ELEMENT_IDS[0]] in form.inner_text()
    context.close()
