"""The workshop in a real browser at a projector's 1280x720: two scenarios made in the sidebar,
compared side by side, then presented slide by slide with the keyboard. Screenshots go to
test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from .server import wait_idle
from .walk import open_list

pytestmark = pytest.mark.browser
PROJECTOR = {"width": 1280, "height": 720}


def save_scenario(page, name: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    field = sidebar.get_by_label("Naam van een nieuw scenario")
    field.fill(name)
    field.press("Enter")
    wait_idle(page)
    sidebar.get_by_role("button", name="Bewaar als scenario").click()
    wait_idle(page)
    expect(sidebar.get_by_text(f"Scenario '{name}' is bewaard.")).to_be_visible()


def serious_axe_violations(page) -> list[str]:
    """axe-core's serious and critical findings on what is on screen now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']} — e.g. {v['nodes'][0]['target']}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def word_text(download) -> str:
    """All text of a downloaded Word file: paragraphs, then table cells."""
    document = Document(download.path())
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def turn(page, key: str, heading: str) -> None:
    """Press a key in presentation mode and wait until the slide with this heading is drawn."""
    page.keyboard.press(key)
    expect(page.get_by_test_id("stMain").get_by_role("heading", name=heading)).to_be_visible()
    wait_idle(page)


def go(page, link: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("link", name=link).first.click()
    wait_idle(page)


def test_two_scenarios_compared_and_presented(server, page, screenshots, requests_seen):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{server.url}/?municipality=Lochem&annual_intake=25")
    wait_idle(page)
    save_scenario(page, "Alleen")
    go(page, "2 Organisatie")

    page.get_by_test_id("stMain").get_by_text("Ja, dat doen we al").click()
    wait_idle(page)
    intake = page.get_by_role("textbox", name="Hoeveel inburgeraars per jaar hebben de samenwerkende gemeenten")
    intake.fill("400")
    intake.press("Enter")
    wait_idle(page)
    save_scenario(page, "Met de regio")

    go(page, "Vergelijken")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Scenario's vergelijken")).to_be_visible()
    expect(main.get_by_text(re.compile(r"≠\s*Verschilt")).first).to_be_visible()
    expect(main.get_by_text("Alleen", exact=True).first).to_be_visible()
    expect(main.get_by_text("Met de regio", exact=True).first).to_be_visible()
    page.screenshot(path=str(screenshots / "vergelijken-1280x720.png"))
    assert serious_axe_violations(page) == []
    page.screenshot(path=str(screenshots / "vergelijken-full.png"), full_page=True)
    main.get_by_role("heading", name="Antwoorden die verschillen").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "vergelijken-antwoorden-1280x720.png"))

    with page.expect_download() as download_info:
        main.get_by_role("button", name="Download de vergelijking (Word)").click()
    download = download_info.value
    assert re.fullmatch(r"vergelijking-lochem-\d{4}-\d{2}-\d{2}\.docx", download.suggested_filename)
    word = Document(download.path())
    rows = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    assert rows[0] == ["Keuze", "Alleen", "Met de regio", "Verschilt"]
    assert any(row[-1] == "≠ verschilt" for row in rows[1:]), rows
    with page.expect_download() as download_info:
        main.get_by_role("button", name="Download de vergelijking (Markdown)").click()
    markdown = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "| Keuze | Alleen | Met de regio | Verschilt |" in markdown

    # The team records its own choice on the Advies page, then takes the Word summary home.
    go(page, "Advies")
    main.get_by_text("Keuze van het team").nth(1).click()
    wait_idle(page)
    combo = main.get_by_role("combobox", name="Wat kiest het team? (Groepsgewijs of individueel)")
    option = page.get_by_role("option", name="Scholing extern inkopen (eventueel samen met andere gemeenten)")
    open_list(page, combo, option)
    option.click()
    wait_idle(page)
    reason = main.get_by_role("textbox", name="Waarom kiest het team dit? (Groepsgewijs of individueel)")
    expect(reason).to_be_visible()  # the expander stays open after choosing
    expect(main.get_by_text("Het team kiest anders dan het advies.").first).to_be_visible()
    reason.fill("Samen met de buurgemeenten inkopen.")
    reason.press("Control+Enter")
    wait_idle(page)
    with page.expect_download() as download_info:
        main.get_by_role("button", name="Word").first.click()
    text = word_text(download_info.value)
    assert "Samen met de buurgemeenten inkopen." in text
    assert "Scholing extern inkopen (eventueel samen met andere gemeenten)" in text
    assert "Alleen" in text and "Met de regio" in text, "both scenarios are in the summary"

    go(page, "Presenteren")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()  # no editing chrome while presenting
    expect(main.get_by_role("heading", name="Keuzehulp duaal inburgeren")).to_be_visible()
    expect(main.get_by_text("Voor Lochem")).to_be_visible()
    page.screenshot(path=str(screenshots / "presenteren-1-overzicht.png"))

    turn(page, "ArrowRight", "Zelf doen of uitbesteden?")
    expect(main.get_by_text("Wat pleit ervoor")).to_be_visible()
    page.screenshot(path=str(screenshots / "presenteren-2-delivery.png"))

    page.get_by_role("button", name="Volgende").click()
    expect(main.get_by_role("heading", name="Wat zou het advies veranderen?")).to_be_visible()
    wait_idle(page)
    page.screenshot(path=str(screenshots / "presenteren-3-delivery-flips.png"))

    turn(page, "ArrowRight", "Groepsgewijs of individueel?")
    expect(main.get_by_text("Advies: ").first).to_be_visible()
    page.screenshot(path=str(screenshots / "presenteren-4-training-format.png"))

    turn(page, "ArrowRight", "Kunt u groepen vormen?")
    page.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg")
    page.wait_for_timeout(500)
    expect(main.get_by_text("Met de regio (425 per jaar)").first).to_be_visible()
    page.screenshot(path=str(screenshots / "presenteren-5-groepen.png"))
    assert serious_axe_violations(page) == []

    turn(page, "ArrowLeft", "Groepsgewijs of individueel?")
    for heading in ("Kunt u groepen vormen?", "Wat zou het advies veranderen?",
                    "Aanbodgericht of vraaggericht matchen?", "Wat zou het advies veranderen?",
                    "Waarom duaal inburgeren en hoe ziet dat eruit?"):
        turn(page, "ArrowRight", heading)
    page.screenshot(path=str(screenshots / "presenteren-8-elementen-q1.png"))
    assert requests_seen.outside() == []


def test_reason_typed_then_download_at_once_is_in_the_download(server, page):
    """A team member types the reason and clicks 'Word' straight away, without leaving the box
    first: the summary they take home holds the reason they can still see on screen."""
    page.goto(f"{server.url}/advies?municipality=Zutphen")
    wait_idle(page)
    main = page.get_by_test_id("stMain")
    main.get_by_text("Keuze van het team").first.click()
    wait_idle(page)
    for attempt, reason_text in enumerate(["Eerst zelf proberen, dan evalueren.",
                                           "Toch samen met de regio, na overleg."]):
        reason = main.get_by_role("textbox", name=re.compile(r"^Waarom kiest het team dit\?")).first
        reason.fill(reason_text)  # no Ctrl+Enter, no Tab: the click on Word is what leaves the box
        with page.expect_download() as download_info:
            main.get_by_role("button", name="Word").first.click()
        assert reason_text in word_text(download_info.value), f"attempt {attempt + 1}"
        wait_idle(page)
        expect(reason).to_have_value(reason_text)  # and it is still there on screen

    # The same for the saved session in the sidebar: nothing typed is lost from the file.
    reason = main.get_by_role("textbox", name=re.compile(r"^Waarom kiest het team dit\?")).first
    reason.fill("Opgeslagen zonder eerst het vak te verlaten.")
    with page.expect_download() as download_info:
        page.get_by_test_id("stSidebar").get_by_role("button", name="Sessie opslaan").click()
    saved = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    reasons = [d["reason"] for d in saved["team"]["decisions"].values()]
    assert "Opgeslagen zonder eerst het vak te verlaten." in reasons


def test_the_action_box_stays_open_and_keeps_focus_while_the_team_fills_it_in(server, page):
    """The team's action box is drawn only once opened (ui/kit/lazy.py). Opened with the keyboard,
    focus stays on it; after Enter in the action field the field keeps focus and the card shows
    what was written down, also once the box is closed again."""
    page.goto(f"{server.url}/q3_begeleiding")
    wait_idle(page)
    main = page.get_by_test_id("stMain")
    action = main.get_by_role("textbox", name="Actie van het team (Stel samen realistische en haalbare doelen op)")
    expect(action).to_have_count(0)  # closed: not drawn
    title = main.locator("summary", has_text="Actie van het team").first
    title.focus()
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(action).to_be_visible()
    expect(title).to_be_focused()
    action.fill("Vijf werkgevers bellen")
    action.press("Enter")
    wait_idle(page)
    expect(action).to_be_focused()
    expect(main.get_by_text("Actie van het team: Vijf werkgevers bellen")).to_be_visible()
    owner = main.get_by_role("textbox", name="Wie").first
    owner.fill("Fatima")
    title.click()  # closing it also leaves the box: what was typed is kept
    wait_idle(page)
    expect(action).to_have_count(0)
    expect(main.get_by_text("Actie van het team: Vijf werkgevers bellen · Fatima")).to_be_visible()
    title.click()
    wait_idle(page)
    expect(action).to_have_value("Vijf werkgevers bellen")
    expect(owner).to_have_value("Fatima")
