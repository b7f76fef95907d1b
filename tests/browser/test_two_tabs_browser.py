"""Two browser tabs on one session (issue 22, finding 3), on SQLite and on PostgreSQL.

Tab A sets the municipality; tab B, opened before that and never reloaded, changes regional
cooperation: both answers are stored, and B shows A's municipality. Then both change the annual
intake: the tab that saved second says in Dutch that another tab changed it, with both values,
and may keep its own.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Session
from keuzehulp.store import Store

from .server import Server, wait_idle
from .walk import choose, go, set_number, set_text, settle

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"


def stored(url: str, address: str) -> Session:
    key = re.search(r"sessie=([A-Za-z0-9_-]+)", address)
    assert key is not None, address
    store = Store.open(url)
    try:
        saved = store.load_session(key.group(1))
        assert saved is not None
        return Session.model_validate_json(saved.data)
    finally:
        store.close()


@pytest.fixture
def app_on(store_url):
    srv = Server("app.py", env={"KEUZEHULP_DATABASE_URL": store_url})
    yield srv
    srv.stop()


def test_two_tabs_keep_each_others_answers_and_a_same_field_conflict_is_told(
        app_on, store_url, browser, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    tab_a = context.new_page()
    tab_a.goto(app_on.url)
    wait_idle(tab_a)
    set_number_on_q2(tab_a, "annual_intake", 40)  # something saved, so the key is in use
    address = tab_a.url
    tab_b: Page = context.new_page()
    tab_b.goto(address)
    wait_idle(tab_b)
    expect(tab_b.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("40")

    go(tab_a, "Start")
    set_text(tab_a, "municipality", "Lochem")
    choose(tab_b, "regional_cooperation", "existing")  # B never saw "Lochem"
    both = stored(store_url, address).profile
    assert (both.municipality, both.regional_cooperation, both.annual_intake) == ("Lochem", "existing", 40)
    expect(tab_b.locator(SIDEBAR)).to_contain_text("Voor: Lochem")  # B shows A's answer
    assert "Een ander tabblad" not in tab_b.locator(SIDEBAR).inner_text()

    # The same field in both tabs: A saves first, B is told and may keep its own.
    go(tab_a, "2 Organisatie")
    set_number(tab_a, "annual_intake", 50)
    set_number(tab_b, "annual_intake", 60)
    warning = tab_b.locator(SIDEBAR).get_by_text("Een ander tabblad heeft dit intussen gewijzigd")
    expect(warning).to_be_visible()
    text = tab_b.locator(SIDEBAR).inner_text()
    assert f"het antwoord bij '{labels().field('annual_intake')}'" in text
    assert "Daar is het nu 50, u had 60. Hier staat nu ook 50." in text
    expect(tab_b.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("50")
    assert stored(store_url, address).profile.annual_intake == 50
    warning.scroll_into_view_if_needed()
    tab_b.screenshot(path=str(screenshots / f"two-tabs-conflict-{store_url.split(':')[0]}.png"))
    assert "Een ander tabblad" not in tab_a.locator(SIDEBAR).inner_text()

    tab_b.locator(SIDEBAR).get_by_role("button", name="Zet mijn eigen waarde terug").click()
    settle(tab_b)
    expect(tab_b.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("60")
    assert stored(store_url, address).profile.annual_intake == 60
    expect(tab_b.locator(SIDEBAR)).not_to_contain_text("Een ander tabblad")
    context.close()


def set_number_on_q2(page: Page, name: str, value: int) -> None:
    go(page, "2 Organisatie")
    set_number(page, name, value)


def test_a_deleted_sqlite_file_is_told_and_a_restart_finds_the_session(tmp_path, browser, screenshots):
    """Finding 6: the file removed under the running app; the sidebar no longer claims a save
    into it, the tab writes what it holds into a new file, and a restarted server has it."""
    srv = Server("app.py", env={"KEUZEHULP_DATA_DIR": str(tmp_path)})
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        tab = context.new_page()
        tab.goto(srv.url)
        wait_idle(tab)
        set_text(tab, "municipality", "Lochem")
        expect(tab.locator(SIDEBAR)).to_contain_text("Laatst opgeslagen")
        (tmp_path / "keuzehulp.sqlite").unlink()
        go(tab, "2 Organisatie")  # any click
        sidebar = tab.locator(SIDEBAR)
        expect(sidebar).to_contain_text("Het opslagbestand op de server is verdwenen")
        expect(sidebar).not_to_contain_text("Laatst opgeslagen")
        tab.locator(SIDEBAR).get_by_text("Het opslagbestand").scroll_into_view_if_needed()
        tab.screenshot(path=str(screenshots / "store-file-deleted.png"))
        set_number(tab, "annual_intake", 40)  # saving goes on into the new file
        expect(sidebar).to_contain_text("Laatst opgeslagen")
        sidebar.get_by_role("button", name="Begrepen").click()
        settle(tab)
        expect(sidebar).not_to_contain_text("Het opslagbestand")
        srv.restart()
        tab.reload()
        wait_idle(tab)
        expect(tab.locator(SIDEBAR)).to_contain_text("Voor: Lochem", timeout=30_000)
        expect(tab.get_by_role("textbox", name=labels().field("annual_intake"))).to_have_value("40")
    finally:
        context.close()
        srv.stop()
