"""Nothing typed is lost: a refresh, a new tab with the same address, and a server killed with
kill -9 and started again on the same database all bring back the whole session. Switching
scenario with changes that are not in the scenario asks first.

Each test starts its own server on a database of its own (the shared server's tests may run
before or after; this one is killed on purpose).
"""

from __future__ import annotations

import re

import pytest
from keuzehulp.contract.labels import labels
from playwright.sync_api import Page, expect

from .server import Server, wait_idle
from .walk import go, main_text, set_number, set_text, settle

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"
NOTE = "Navragen bij Zutphen: wachtlijst taalaanbieder"


def sidebar_text(page: Page) -> str:
    return page.locator(SIDEBAR).inner_text()


def save_scenario(page: Page, name: str) -> None:
    box = page.get_by_role("textbox", name="Naam van een nieuw scenario")
    box.fill(name)
    box.press("Enter")
    settle(page)
    page.get_by_role("button", name="Bewaar als scenario").click()
    settle(page)


def write_note(page: Page, text: str) -> None:
    page.get_by_text("Notities van het team bij deze vraag").first.click()
    area = page.get_by_role("textbox", name="Notities van het team bij deze vraag")
    area.fill(text)
    page.keyboard.press("Control+Enter")
    settle(page)


def pick_scenario(page: Page, name: str) -> None:
    page.locator(SIDEBAR).get_by_role("combobox", name="Actief scenario").click()
    page.get_by_role("option", name=name, exact=True).click()
    settle(page)


def assert_everything_back(page: Page) -> None:
    """The municipality, the intake, the scenario, the note and the route marks are there."""
    sidebar = page.locator(SIDEBAR)
    expect(sidebar).to_contain_text("Voor: Lochem", timeout=30_000)
    expect(sidebar).to_contain_text("2 Organisatie (beantwoord)", timeout=30_000)
    expect(sidebar).to_contain_text(re.compile(r"Laatst opgeslagen om \d\d:\d\d"))
    expect(sidebar.get_by_role("combobox", name="Actief scenario")).to_have_value("Met de regio",
                                                                                timeout=30_000)
    go(page, "2 Organisatie")
    expect(page.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("40")
    page.get_by_text("Notities van het team bij deze vraag").first.click()
    expect(page.get_by_role("textbox", name="Notities van het team bij deze vraag")).to_have_value(NOTE)


@pytest.fixture
def own_server(tmp_path):
    servers: list[Server] = []

    def start(port: int | None = None) -> Server:
        srv = Server("app.py", env={"KEUZEHULP_DATA_DIR": str(tmp_path)}, port=port)
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.stop()


def test_refresh_new_tab_and_a_killed_server_lose_nothing(own_server, browser, page, screenshots):
    first = own_server()
    page.goto(first.url)
    wait_idle(page)
    set_text(page, "municipality", "Lochem")
    go(page, "2 Organisatie")
    set_number(page, "annual_intake", 40)
    write_note(page, NOTE)
    save_scenario(page, "Met de regio")
    assert "sessie=" in page.url
    address = page.url
    assert re.search(r"Laatst opgeslagen om \d\d:\d\d", sidebar_text(page))
    page.screenshot(path=str(screenshots / "autosave-laatst-opgeslagen.png"))

    # F5: a new browser session on the server; everything comes from the store.
    page.reload()
    wait_idle(page)
    assert_everything_back(page)

    # A new tab in another browser window (no shared browser state) with the same address.
    other = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    tab = other.new_page()
    tab.goto(address)
    wait_idle(tab)
    assert_everything_back(tab)
    other.close()

    # kill -9 mid-session, a new server on the same port and database: the open tab reconnects.
    first.process.kill()
    first.process.wait(10)
    second = own_server(port=first.port)
    page.wait_for_selector(f"{SIDEBAR} >> text=Voor: Lochem", timeout=60_000)
    wait_idle(page)
    assert_everything_back(page)
    page.reload()
    wait_idle(page)
    assert_everything_back(page)
    assert second.process.poll() is None


def test_switching_scenario_with_unsaved_changes_asks_first(own_server, page, screenshots):
    srv = own_server()
    page.goto(srv.url)
    wait_idle(page)
    go(page, "2 Organisatie")
    set_number(page, "annual_intake", 25)
    save_scenario(page, "Alleen")
    set_number(page, "annual_intake", 40)
    save_scenario(page, "Met de regio")
    set_number(page, "annual_intake", 60)  # changed in "Met de regio", not stored in it yet

    pick_scenario(page, "Alleen")
    question = page.locator(SIDEBAR).get_by_text("U heeft antwoorden gewijzigd sinds scenario 'Met de regio'")
    expect(question).to_be_visible()
    page.screenshot(path=str(screenshots / "autosave-scenario-wisselen-vraag.png"))
    expect(page.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("60")

    page.get_by_role("button", name="Ja, bewaren in 'Met de regio'").click()
    settle(page)
    expect(page.locator(SIDEBAR).get_by_role("combobox", name="Actief scenario")).to_have_value("Alleen")
    expect(page.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("25")
    expect(page.locator(SIDEBAR)).to_contain_text("De wijzigingen zijn bewaard in 'Met de regio'")

    pick_scenario(page, "Met de regio")  # no changes now: no question
    expect(page.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("60")
    assert "U heeft antwoorden gewijzigd" not in main_text(page) + sidebar_text(page)
