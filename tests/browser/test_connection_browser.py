"""When the connection to the server drops (a restart, an update, a network hiccup), Streamlit
keeps retrying and says so: in Dutch, saying the work is kept, and the app carries on with the
same answers once the server is back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .server import Server, wait_idle

pytestmark = pytest.mark.browser

ENGLISH = ["Connection error", "not responding", "Connecting", "CONNECTING", "Streamlit server",
           "Is Streamlit still running"]


@pytest.fixture
def own_server():
    """A server of this test's own: it is stopped and started again."""
    srv = Server("app.py")
    yield srv
    srv.stop()


def test_a_dropped_connection_is_explained_in_dutch_and_the_work_comes_back(own_server, page, screenshots):
    page.goto(f"{own_server.url}/q2_organisatie?municipality=Lochem&annual_intake=1500")
    wait_idle(page)
    intake = page.get_by_role("textbox", name="Hoeveel nieuwe inburgeraars verwacht u per jaar?")
    expect(intake).to_have_value(re.compile(r"^1[.\u00a0 ]?500$"), timeout=30_000)
    before = intake.input_value()

    own_server.stop()
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=60_000)
    dialog.get_by_text("Verbinding kwijt").wait_for(timeout=10_000)
    text = dialog.inner_text()
    assert "De keuzehulp is even niet bereikbaar" in text
    assert "Uw werk is bewaard" in text
    status = page.get_by_test_id("stStatusWidget")
    assert status.inner_text().strip().lower() in ("verbinden", "geen verbinding")
    page.screenshot(path=screenshots / "verbinding-kwijt.png")
    visible = page.inner_text("body")
    assert not [word for word in ENGLISH if word in visible], visible[:500]

    own_server.restart()
    dialog.wait_for(state="detached", timeout=60_000)
    wait_idle(page, timeout=60_000)
    page.get_by_text("Hoe geeft u het traject organisatorisch vorm?").first.wait_for(timeout=30_000)
    intake = page.get_by_role("textbox", name="Hoeveel nieuwe inburgeraars verwacht u per jaar?")
    expect(intake).to_have_value(before, timeout=30_000)  # the answer is still there after the restart


def test_a_participant_whose_connection_drops_reads_no_command(own_server, page, screenshots):
    """The facilitator may restart the app; a participant on a phone only waits or tells them."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{own_server.url}/stemmen")
    wait_idle(page)
    page.get_by_role("heading", name="Stemmen in de workshop").wait_for(timeout=30_000)
    own_server.stop()
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=60_000)
    dialog.get_by_text("Verbinding kwijt").wait_for(timeout=10_000)
    page.wait_for_timeout(500)  # the dialog's sentences are rewritten as they appear
    text = dialog.inner_text()
    assert "De keuzehulp is even niet bereikbaar" in text
    assert "Uw werk is bewaard" in text
    assert not re.search(r"\bmake\b", text) and "streamlit" not in text.lower(), text
    page.screenshot(path=screenshots / "verbinding-kwijt-deelnemer.png")
