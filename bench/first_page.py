"""The first page after `make run`, beside a bare Streamlit page started the same way.

`make run` starts scripts/serve_local.py, which warms the fresh process (the start page and the
advice, over Streamlit's WebSocket protocol) before it says "klaar". Measured here in Chromium,
as the facilitator who starts the app in front of the room sees it: from opening the address
until the page has finished its script run and shows its first heading (the bare page: its
radio), in a fresh browser context, on a fresh server process each round:

  app, warmed       scripts/serve_local.py (what `make run` does now), opened after "klaar"
  app, not warmed   scripts/serve_local.py --no-warm (what `make run` did before: plain
                    `streamlit run app.py`), opened as soon as it answers
  bare page         scripts/serve_local.py --script bench/bare_page.py (50 Markdown elements),
                    started and warmed the same way

Target (issue 24): the app's first page within 1.5x the bare page's. Rounds interleave the three,
since this machine's speed drifts. Ports from --port (three in a row).

Run: PYTHONPATH=. .venv/bin/python bench/first_page.py [--rounds 3] [--port 8851]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, python  # noqa: E402

TARGET = 1.5
KINDS = {
    "app, warmed": ([], "app.py"),
    "app, not warmed": (["--no-warm"], "app.py"),
    "bare page": ([], "bench/bare_page.py"),
}
READY = "De keuzehulp is klaar"


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start(kind: str, port: int) -> tuple[subprocess.Popen, Path]:
    flags, script = KINDS[kind]
    log = ROOT / "test-artifacts" / f"first-page-{port}.log"
    log.parent.mkdir(exist_ok=True)
    command = [python(), str(ROOT / "scripts" / "serve_local.py"), *flags, "--script", script,
               "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    deadline = time.monotonic() + 240
    while True:  # warmed: until it says "klaar"; not warmed: until it answers
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text(errors="replace")[-2000:])
        if (READY in log.read_text(errors="replace")) if not flags else healthy(port):
            return process, log
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def first_page(browser, port: int) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    begin = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning'] "
                           ":is(h1, [data-testid='stRadio'])", timeout=120_000)
    seconds = time.perf_counter() - begin
    context.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8851, help="first of three ports")
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        blank = browser.new_context()  # the browser's own first tab is not the app's cost
        blank.new_page().goto("about:blank")
        blank.close()
        for _ in range(args.rounds):
            for offset, kind in enumerate(KINDS):
                process, _log = start(kind, args.port + offset)
                try:
                    times[kind].append(first_page(browser, args.port + offset))
                finally:
                    stop(process)
        browser.close()
    bare = statistics.median(times["bare page"])
    print(f"First page after start, median of {args.rounds} (each a fresh process and browser context):")
    for kind, values in times.items():
        median = statistics.median(values)
        print(f"  {kind:16} {median:5.2f} s  ({median / bare:4.2f}x bare)   runs: "
              + ", ".join(f"{v:.2f}" for v in values))
    warmed = statistics.median(times["app, warmed"]) / bare
    print(f"Target: app, warmed <= {TARGET}x bare page: {'met' if warmed <= TARGET else 'NOT met'} ({warmed:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
