"""Benchmark (issue 25): a click on the page Regio, with a region of 15 municipalities and a
regional workshop under way (two participants per municipality, every deelproduct voted on),
beside a click on the Advies page. Both clicks are the same widget (the sidebar's scenario name,
typed and confirmed with Enter), so both cause one full rerun of their page: what differs is
the page's own work. Measured as bench/pages.py measures clicks: from the user's event to the
last WebSocket message of the update, in Chromium against a real server; the tabs take turns
(one click each per round, the first round warms up). Target: Regio's median no slower than
Advies' median (ratio <= 1.0; this machine's drift makes +-10% noise).

Run: PYTHONPATH=. .venv/bin/python bench/region_click.py [ROUNDS]  (needs /usr/bin/chromium)

Measured 2026-12-06 on a quiet machine (load < 1), 11 clicks each: before, with a pandas Styler
colouring the differing rows of the side-by-side table (27 of a 77 ms page run), Regio/Advies
0.82-1.10 in six runs (median 1.035); without it (the mark column says the same), 0.75, 0.74,
0.88 and 0.78 in four runs.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import _ARM, _WS_SPY, Tab, _wait_update  # noqa: E402
from bench.region import region_file  # noqa: E402
from keuzehulp.contract.ids import DEELPRODUCT_IDS, SCALE_IDS  # noqa: E402
from keuzehulp.store import make_engine, migrate  # noqa: E402
from keuzehulp.workshop import regional, repo  # noqa: E402
from keuzehulp.workshop.ballot import scale_question, validate  # noqa: E402
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402
from tests.browser.walk import settle  # noqa: E402

PORT = 8722  # this work's port range (8720-8729)
FIELD = "Naam van een nieuw scenario"


def click(tab: Tab, value: str) -> tuple[float, float, float]:
    tab.page.bring_to_front()
    tab.page.evaluate(_ARM)
    browser_before, server_before = tab.busy()
    box = tab.page.get_by_role("textbox", name=FIELD)
    box.fill(value)
    box.press("Enter")
    seconds = _wait_update(tab.page)
    settle(tab.page)
    browser_after, server_after = tab.busy()
    return seconds, browser_after - browser_before, server_after - server_before


def cast_votes(url: str, code: str, names: list[str], rng: random.Random) -> int:
    engine = make_engine(url)
    info = repo.join(engine, code, "192.0.2.1")
    cast = 0
    for i, name in enumerate(names * 2):
        who, client = f"bench-{i}", f"192.0.2.{i + 2}"
        regional.choose_municipality(engine, info.id, who, client, name)
        ballot = [validate(scale_question(d), rng.choice(SCALE_IDS)) for d in DEELPRODUCT_IDS]
        repo.cast(engine, info.id, who, client, ballot)
        cast += len(ballot)
    engine.dispose()
    return cast


def main(rounds: int = 11) -> int:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-region-"))
    url = f"sqlite:///{tmp / 'store.sqlite'}"
    migrate(make_engine(url))
    region_path = tmp / "regio.json"
    region_path.write_bytes(region_file(random.Random(25)))
    saved = dict(os.environ)
    os.environ["KEUZEHULP_DATABASE_URL"] = url
    try:
        app = Server("app.py", port=PORT)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            regio, advies = (browser.new_page(viewport={"width": 1280, "height": 800}) for _ in range(2))
            for page in (regio, advies):
                page.add_init_script(_WS_SPY)
            regio.goto(f"{app.url}/regio")
            settle(regio)
            regio.locator("input[type=file]").first.set_input_files(str(region_path))
            regio.get_by_role("heading", name=re.compile("Regionale samenvatting: Bench")).wait_for(timeout=60_000)
            settle(regio)
            regio.get_by_role("button", name="Start een regionale workshop").click()
            regio.get_by_text("Code voor de deelnemers").wait_for(timeout=60_000)
            code = re.search(r"Code voor de deelnemers: ([A-Z0-9]{4}-[A-Z0-9]{4})", regio.inner_text("body")).group(1)
            names = [f"Gemeente {i + 1}" for i in range(15)]
            votes = cast_votes(url, code, names, random.Random(4))
            regio.reload()
            regio.get_by_text("Deelnemers per gemeente").wait_for(timeout=60_000)
            settle(regio)
            advies.goto(f"{app.url}/advies")
            settle(advies)
            # The same region in a tab without the workshop: what the live votes add to a click.
            bare = browser.new_page(viewport={"width": 1280, "height": 800})
            bare.add_init_script(_WS_SPY)
            bare.goto(f"{app.url}/regio?regio={re.search(r'regio=([^&]+)', regio.url).group(1)}")
            bare.get_by_role("heading", name=re.compile("Regionale samenvatting: Bench")).wait_for(timeout=60_000)
            settle(bare)
            tabs = {"Regio": Tab(regio, app.process.pid, "", "", []), "Advies": Tab(advies, app.process.pid, "", "", []),
                    "Regio zonder workshop": Tab(bare, app.process.pid, "", "", [])}
            results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in tabs}
            for i in range(rounds + 1):
                for title, tab in tabs.items():
                    results[title].append(click(tab, f"Scenario {i}"))
            browser.close()
    finally:
        app.stop()
    print(f"Regio: 15 municipalities, a regional workshop with 30 participants and {votes} votes; "
          f"{rounds} clicks each (after one to warm up)")
    medians = {}
    for title, rows in results.items():
        rows = rows[1:]
        medians[title] = statistics.median(r[0] for r in rows) * 1000
        print(f"{title:21s} click -> update: median {medians[title]:.0f} ms (max {max(r[0] for r in rows) * 1000:.0f} ms); "
              f"tab main thread {statistics.median(r[1] for r in rows) * 1000:.0f} ms; "
              f"server CPU {statistics.fmean(r[2] for r in rows) * 1000:.0f} ms")
    ratio = medians["Regio"] / medians["Advies"]
    print(f"Regio / Advies: {ratio:.2f} (target <= 1.0)")
    return 0 if ratio <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 11))
