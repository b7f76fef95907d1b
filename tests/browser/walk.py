"""Driving the wizard in Chromium the way a user does: labels, clicks, Enter."""

from __future__ import annotations

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from keuzehulp.contract.labels import labels

from .server import wait_idle

APP = "[data-testid='stApp']"


def settle(page: Page) -> None:
    """Wait for the rerun an action starts, then for it to finish."""
    try:
        page.wait_for_selector(f"{APP}[data-test-script-state='running']", timeout=1500)
    except PlaywrightTimeout:
        pass  # the run was already over (or none was needed)
    wait_idle(page)


def open_path(page: Page, base: str, path: str = "") -> None:
    page.goto(f"{base}/{path}")
    wait_idle(page)


def go(page: Page, title: str) -> None:
    """Follow a link in the sidebar route, as a user would."""
    page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
    settle(page)


def set_text(page: Page, name: str, value: str) -> None:
    box = page.get_by_role("textbox", name=labels().field(name))
    box.fill(value)
    box.press("Enter")
    settle(page)


def set_number(page: Page, name: str, value: int | str) -> None:
    """Type a number in its box (a text box read the Dutch way: '1.000' is duizend)."""
    box = page.get_by_role("textbox", name=labels().field(name))
    box.fill(str(value))
    box.press("Enter")
    settle(page)


def choose(page: Page, name: str, value: str) -> None:
    group = page.get_by_role("radiogroup", name=labels().field(name))
    group.get_by_text(labels().fields[name].options[value], exact=True).click()
    settle(page)


def switch(page: Page, name: str) -> None:
    page.get_by_text(labels().field(name), exact=True).click()
    settle(page)


def pick_partners(page: Page, partners: list[str]) -> None:
    box = page.get_by_role("combobox", name=labels().field("partners"))
    for partner in partners:
        box.click()
        box.press_sequentially(labels().partners[partner])
        box.press("Enter")
        settle(page)
    page.keyboard.press("Escape")


def open_list(page: Page, box: Locator, shows: Locator) -> None:
    """Click a select box until `shows` (its list, or an option in it) is there and stays there
    once the page is idle: an autosave rerun that lands while the list opens closes it again
    (on a busy machine also just after it opened)."""
    for _ in range(3):
        box.click()
        try:
            shows.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            wait_idle(page)
            continue
        wait_idle(page)
        if shows.is_visible():
            return


def main_text(page: Page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()
