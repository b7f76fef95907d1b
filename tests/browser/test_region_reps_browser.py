"""A region filled in by its representatives (issue 25): a facilitator at a projector's 1280x800
opens a region of five municipalities and hands out links; five representatives (one on a
390x844 phone), spread over TWO app servers on ONE PostgreSQL, each fill in their own
municipality and press Opslaan at nearly the same moment. The facilitator's regional view and the
regional summary (Markdown) then show all five with what each representative saved; an old link
gets a plain Dutch message. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import json
import re
import secrets

import pytest
from playwright.sync_api import expect

from .server import Server, wait_idle

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 800}
# (municipality, intake in the file, what its representative types, route mix or None)
TOWNS = [("Buren", 10, "14", ("60", "10", "30")), ("Culemborg", 10, "23", None), ("Maasdriel", 10, "1.012", None),
         ("Neder-Betuwe", 10, "17", ("50", "20", "30")), ("West Betuwe", 10, "19", None)]


@pytest.fixture
def two_servers(postgres_url, monkeypatch, tmp_path):
    """Two app servers on one fresh PostgreSQL database (nothing in a SQLite file)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(postgres_url)
    name = f"reps_{secrets.token_hex(6)}"
    with psycopg.connect(host=base.host, port=base.port, user=base.username, dbname=base.database,
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", base.set(database=name).render_as_string(hide_password=False))
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))
    first = Server("app.py")
    try:
        second = Server("app.py")
    except Exception:
        first.stop()
        raise
    yield first, second
    first.stop()
    second.stop()
    assert not (tmp_path / "keuzehulp.sqlite").exists()


def test_five_representatives_fill_in_a_region_through_two_servers(two_servers, browser, tmp_path, screenshots):
    first, second = two_servers
    region = {"region": "Rivierenland", "municipalities": [{"municipality": n, "annual_intake": i}
                                                           for n, i, _, _ in TOWNS]}
    region_file = tmp_path / "rivierenland.json"
    region_file.write_text(json.dumps(region), encoding="utf-8")

    host = browser.new_context(viewport=PROJECTOR, accept_downloads=True, locale="nl-NL").new_page()
    host.goto(f"{first.url}/regio")
    wait_idle(host, timeout=90_000)  # a server's first page loads its modules
    host.get_by_test_id("stFileUploader").first.locator("input[type='file']").set_input_files(str(region_file))
    wait_idle(host)
    expect(host.get_by_test_id("stMetric").first).to_contain_text("50", timeout=30_000)
    host.get_by_role("button", name="Links maken voor de gemeenten").click()
    codes = host.get_by_test_id("stCode")
    expect(codes).to_have_count(5, timeout=30_000)
    wait_idle(host)
    links = {}
    for text in codes.all_inner_texts():
        flat = "".join(text.split())
        town = next(n for n, *_ in TOWNS if flat.startswith(f"Bestevertegenwoordigervan{n.replace(' ', '')},"))
        links[town] = re.search(r"(/regio_invullen\?gemeente=[A-Za-z0-9_.-]+)", flat).group(1)
    assert sorted(links) == sorted(n for n, *_ in TOWNS)
    assert all("regio=" not in link for link in links.values()), "the facilitator's key is never in a link"

    # Five representatives, each in their own browser context; every other one on the second server.
    reps = []
    for i, (town, _, intake, mix) in enumerate(TOWNS):
        phone = i == 2
        context = browser.new_context(viewport=PHONE if phone else PROJECTOR, locale="nl-NL", is_mobile=phone,
                                      has_touch=phone)
        page = context.new_page()
        page.goto((second if i % 2 else first).url + links[town])
        wait_idle(page)
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"{town}: uw deel van Rivierenland",
                                                                     timeout=60_000)
        body = page.inner_text("body")
        assert not [n for n, *_ in TOWNS if n != town and n in body], "a representative sees only their own"
        page.get_by_label("Instroom per jaar").fill(intake)
        if mix:
            for label, value in zip(("B1-route %", "Onderwijsroute %", "Z-route %"), mix, strict=True):
                page.get_by_label(label).fill(value)
        reps.append(page)
    # A wrong value first: the message stands next to the field, nothing is saved.
    reps[1].get_by_label("Instroom per jaar").fill("veel")
    reps[1].get_by_role("button", name="Opslaan").click()
    wait_idle(reps[1])
    expect(reps[1].get_by_text("'veel' is geen getal")).to_be_visible()
    expect(reps[1].get_by_text("Er is nog niets opgeslagen")).to_be_visible()
    reps[1].get_by_label("Instroom per jaar").fill(TOWNS[1][2])
    # All five press Opslaan at (nearly) the same moment, through both servers.
    for page in reps:
        page.get_by_role("button", name="Opslaan").click()
    for page in reps:
        expect(page.get_by_text(re.compile(r"^Opgeslagen om \d\d:\d\d"))).to_be_visible(timeout=30_000)
    reps[2].screenshot(path=str(screenshots / "region-representative-390x844.png"), full_page=True)

    # The facilitator's page takes all five in by itself (a change check every few seconds).
    total = sum(int(intake.replace(".", "")) for _, _, intake, _ in TOWNS)
    expect(host.get_by_test_id("stMetric").first).to_contain_text(f"{total:,}".replace(",", "."), timeout=30_000)
    wait_idle(host)
    expect(host.get_by_text("5 van 5 gemeenten zijn ingevuld door hun vertegenwoordiger.")).to_be_visible()
    for i, (town, *_) in enumerate(TOWNS):
        expect(host.locator(f".st-key-region_link_{i}")).to_contain_text("Ingevuld door de vertegenwoordiger")
        assert town in host.locator(f".st-key-region_link_{i}").inner_text()
    host.screenshot(path=str(screenshots / "region-facilitator-1280x800.png"))
    with host.expect_download() as info:
        host.get_by_role("button", name="Markdown").click()
    summary = info.value.path().read_text(encoding="utf-8")
    for town, _, intake, _ in TOWNS:
        assert f"### {town} ({intake} per jaar)" in summary, town
    assert "Verdeling over de leerroutes niet ingevuld voor: Culemborg, Maasdriel, West Betuwe." in summary

    # Renewing a link: the old one gets a plain Dutch message, on either server.
    host.locator(".st-key-region_link_0").get_by_role("button", name="Nieuwe link").click()
    wait_idle(host)
    reps[0].reload()
    wait_idle(reps[0])
    expect(reps[0].get_by_text("Deze link werkt niet (meer).")).to_be_visible()
    assert "Traceback" not in reps[0].inner_text("body")
