"""What an open facilitator page costs the server while nobody votes, and per click.

A real browser (headless Chromium) opens the Workshop page against a running app server, starts
a workshop and leaves the page open. Measured from the server process's CPU time (/proc):

  no page       the server alone, no browser connected (its own background work)
  page, hidden  the facilitator's page open, the results hidden (the default while voting is open)
  page, shown   the same page after "Uitslag nu tonen": the results drawn on every refresh
  per click     the facilitator's own click ("Uitslag weer verbergen" / "Uitslag nu tonen"):
                the server's CPU from the click until the page has settled, less the idle rate
                (which is uncertain while clicking: a page that polls often skews it)
  click, no timer  the same click from a client that speaks Streamlit's protocol and runs no
                timers (tests/stream_tab.py): the server's CPU per click with nothing to
                subtract, including whatever the click sets off afterwards (within 0.5 s)

Each idle measure runs `--seconds` (default 20) after a short settle. Rounds (`--rounds`) start
a fresh server each; the median is reported. `--app-dir` serves another checkout (an older
commit, extracted with `git archive`) for a before/after comparison. Localhost only; ports from
`--port` (one per round, in a row).

Run: PYTHONPATH=. .venv/bin/python bench/idle.py [--backend sqlite|postgresql|both] [--rounds 3]
     [--seconds 20] [--port 8731] [--app-dir DIR] [--clicks-only]

Measured 2026-12-06 (issue 24), 2 shared cores, load 2-13 from other work; medians of 3 rounds,
ms CPU per second (idle) or per click:

                                  no page  hidden  shown  per click  click, no timer
  0.2 s poll (before), SQLite        5.0    42.6    56.7     21.9         34.0
  0.2 s poll (before), PostgreSQL    4.0    44.7    54.0     21.4         37.5
  1 s poll (the old level), SQLite   6.0    14.0    16.0     30.5         36.5
  1 s poll, PostgreSQL               5.0    16.0    16.7     29.9         33.0
  pushed (after), SQLite             5.0     7.3     8.0     35.9         39.5
  pushed (after), PostgreSQL         5.0     9.3     8.0     42.8         42.5

"per click" subtracts the idle rate, which a page polling five times a second overstates, so it
flatters the 0.2 s poll; "click, no timer" subtracts nothing. Taken in turn with the app from
before (--clicks-only, 3 rounds each): SQLite 31.0 before, 35.0 after; PostgreSQL 34.5 before,
38.0 after: a click costs some 3-4 ms more (the Feed's look at the store after the click's own
write, and its wake-ups), an open page 5-7x less while nobody votes.

Measured again later on 2026-12-06, after the store's statements of a vote and of the change check
(repo.changes) were built once with parameters: before the push (7d0242c^1) and now, in turn,
--clicks-only, 2 x 3 rounds each, load 0.2-0.4: SQLite 39.0 and 37.0 before, 38.0 and 34.0 now;
PostgreSQL 46.5 and 38.0 before, 43.5 and 36.5 now. A click no longer costs more than before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.votes import bench_store  # noqa: E402
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, Server, wait_idle  # noqa: E402
from tests.stream_tab import Tab  # noqa: E402

SETTLE = 3.0  # seconds after the page is drawn before measuring
CLICKS = 10


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_rate(pid: int, seconds: float) -> float:
    """CPU seconds per second of the server process over `seconds` of waiting."""
    start, start_cpu = time.perf_counter(), cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - start_cpu) / (time.perf_counter() - start)


def one_round(browser, url: str, pid: int, seconds: float) -> dict[str, float]:
    if browser is None:  # --clicks-only
        return {"click, no timer": protocol_clicks(url, pid)}
    out = {"no page": idle_rate(pid, min(seconds, 10.0))}
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{url}/workshop?municipality=Lochem")
        wait_idle(page)
        page.get_by_role("button", name="Workshop starten").click()
        wait_idle(page)
        time.sleep(SETTLE)
        out["page, hidden"] = idle_rate(pid, seconds)
        show = page.get_by_role("button", name="Uitslag nu tonen")
        show.click()
        wait_idle(page)
        page.get_by_role("button", name="Uitslag weer verbergen").wait_for()
        time.sleep(SETTLE)
        out["page, shown"] = idle_rate(pid, seconds)
        start, start_cpu = time.perf_counter(), cpu_seconds(pid)
        for i in range(CLICKS):
            name = "Uitslag weer verbergen" if i % 2 == 0 else "Uitslag nu tonen"
            other = "Uitslag nu tonen" if i % 2 == 0 else "Uitslag weer verbergen"
            page.get_by_role("button", name=name).click()
            page.get_by_role("button", name=other).wait_for()
            wait_idle(page)
        elapsed = time.perf_counter() - start
        spent = cpu_seconds(pid) - start_cpu
        # Half the clicks leave the results hidden, half shown: the idle cost in between, the mean.
        idle = (out["page, hidden"] + out["page, shown"]) / 2
        out["per click"] = max(0.0, spent - idle * elapsed) / CLICKS
    finally:
        context.close()
    out["click, no timer"] = protocol_clicks(url, pid)
    return out


def protocol_clicks(url: str, pid: int) -> float:
    """CPU per show/hide click of a facilitator's tab that runs no timers."""
    with Tab(url) as host:
        host.rerun("workshop")
        host.rerun("workshop", widgets={host.widget("workshop_start"): True})
        host.rerun("workshop")
        ids = {"show": host.widget("workshop_show")}
        host.rerun("workshop", widgets={ids["show"]: True})
        ids["hide"] = host.widget("workshop_hide")
        host.rerun("workshop", widgets={ids["hide"]: True})
        time.sleep(SETTLE)
        start_cpu = cpu_seconds(pid)
        for i in range(2 * CLICKS):
            host.rerun("workshop", widgets={ids["show" if i % 2 == 0 else "hide"]: True})
            host.listen(0.5)  # a run the click set off, if any, counts too
        return (cpu_seconds(pid) - start_cpu) / (2 * CLICKS)


def bench(backend: str, rounds: int, seconds: float, port: int, app_dir: Path,
          clicks_only: bool = False) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    results: list[dict[str, float]] = []
    with sync_playwright() as driver:
        browser = None if clicks_only else driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for r in range(rounds):
                with bench_store(backend):
                    os.environ["KEUZEHULP_PUBLIC_URL"] = f"http://127.0.0.1:{port + r}"  # as `make workshop`
                    server = Server("app.py", cwd=app_dir, env={"PYTHONPATH": str(app_dir)}, port=port + r)
                    try:
                        results.append(one_round(browser, server.url, server.process.pid, seconds))
                    finally:
                        server.stop()
                print(f"  {backend} round {r + 1}: " + ", ".join(
                    f"{k} {1000 * v:.1f} ms{'' if 'click' in k else '/s'}" for k, v in results[-1].items()),
                    flush=True)
        finally:
            if browser is not None:
                browser.close()
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout whose app.py is served")
    parser.add_argument("--clicks-only", action="store_true", help="only the clicks of a client without timers")
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 10))
    app_dir = args.app_dir.resolve()
    for backend in (("sqlite", "postgresql") if args.backend == "both" else (args.backend,)):
        median = bench(backend, rounds, max(2.0, min(args.seconds, 120.0)), args.port, app_dir, args.clicks_only)
        print(f"\n{backend}: median of {rounds} rounds, app from {app_dir}, "
              f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for key, value in median.items():
            unit = "ms CPU per click" if "click" in key else "ms CPU per second"
            print(f"  {key:<14} {1000 * value:7.1f} {unit}")


if __name__ == "__main__":
    main()
