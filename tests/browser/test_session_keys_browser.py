"""Session fixation (issue 22, finding 1) in real browsers: a link with a session key that the
server never issued opens nothing. The victim who opens it gets a new key (the address is
rewritten), so what they type and the workshop they start are not visible to whoever sent the
link. A shared link to an existing session still opens it.

One app server with a store of its own (a SQLite file in a temporary directory), which the test
reads directly to check what is stored under which key.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from keuzehulp.store import Store

from .server import Server, wait_idle
from .walk import set_text

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def keys_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("store")
    server = Server("app.py", env={"KEUZEHULP_DATA_DIR": str(data), "KEUZEHULP_DATABASE_URL": ""})
    store = Store.open(f"sqlite:///{data / 'keuzehulp.sqlite'}")
    yield server, store
    store.close()
    server.stop()


def key_in(url: str) -> str:
    return parse_qs(urlparse(url).query).get("sessie", [""])[0]


def open_link(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    return context, page


@pytest.mark.parametrize("attacker_key", ["AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
def test_a_link_with_a_key_nobody_issued_gets_a_new_key_and_the_sender_sees_nothing(
        browser, keys_server, attacker_key, screenshots):
    server, store = keys_server
    link = f"{server.url}/?sessie={attacker_key}"

    victim_context, victim = open_link(browser, link)
    try:  # the new key reaches the address bar just after the first run (a cold server: later)
        victim.wait_for_function("(k) => new URLSearchParams(location.search).get('sessie') !== k",
                                 arg=attacker_key, timeout=15_000)
    except PlaywrightTimeout:
        pass  # the assertion below says what the address still holds
    victim_key = key_in(victim.url)
    assert victim_key != attacker_key and re.fullmatch(r"[A-Za-z0-9_-]{32}", victim_key)
    expect(victim.locator(SIDEBAR)).to_contain_text("Onder de link die u opende, is geen sessie bewaard")
    set_text(victim, "municipality", "Geheimstad")
    expect(victim.locator(SIDEBAR)).to_contain_text("Voor: Geheimstad")
    expect(victim.locator(SIDEBAR)).to_contain_text(re.compile(r"Laatst opgeslagen om \d\d:\d\d"))
    assert key_in(victim.url) == victim_key
    victim.screenshot(path=str(screenshots / f"sessiesleutel-nieuw-{len(attacker_key)}.png"))

    # The sender of the link opens it in another browser: a blank session under yet another key.
    attacker_context, attacker = open_link(browser, link)
    assert key_in(attacker.url) not in (attacker_key, victim_key)
    assert "Geheimstad" not in attacker.locator("body").inner_text()
    assert store.load_session(attacker_key) is None
    assert "Geheimstad" in store.load_session(victim_key).data  # type: ignore[union-attr]

    # The documented sharing model still holds: the victim's own link opens their session.
    shared_context, shared = open_link(browser, f"{server.url}/?sessie={victim_key}")
    expect(shared.locator(SIDEBAR)).to_contain_text("Voor: Geheimstad")
    assert key_in(shared.url) == victim_key
    for context in (victim_context, attacker_context, shared_context):
        context.close()


def test_a_workshop_started_under_a_planted_link_stays_with_the_facilitator(browser, keys_server):
    """The facilitator secret is reachable neither through the planted link nor through the
    participants' page, even when a participant's address carries the facilitator's key."""
    server, store = keys_server
    planted = "B" * 32
    host_context, host = open_link(browser, f"{server.url}/workshop?sessie={planted}&municipality=Lochem")
    host.get_by_role("button", name="Workshop starten").click()
    wait_idle(host)
    code = host.locator(".st-key-join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    host_key = key_in(host.url)
    assert host_key != planted
    saved = json.loads(store.load_session(host_key).data)  # type: ignore[union-attr]
    secret = saved["workshop"]["secret"]
    assert len(secret) >= 32
    assert store.load_session(planted) is None

    # Whoever planted the link: no workshop there, only the form to start one of their own.
    bystander_context, bystander = open_link(browser, f"{server.url}/workshop?sessie={planted}")
    expect(bystander.get_by_role("button", name="Workshop starten")).to_be_visible()
    assert code not in bystander.locator("body").inner_text()
    assert secret not in bystander.content() and secret not in bystander.url

    # A participant (even with the facilitator's key in the address) sees the vote, never the secret.
    phone_context, phone = open_link(
        browser, f"{server.url}/stemmen?code={code.replace('-', '')}&sessie={host_key}")
    expect(phone.get_by_role("heading", name="Stemmen in de workshop")).to_be_visible()
    assert secret not in phone.content() and secret not in phone.url
    for context in (host_context, bystander_context, phone_context):
        context.close()
