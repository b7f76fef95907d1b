"""How fast the wizard's pages are, beside a bare Streamlit page with as many elements.

1. Warm rerun time per page (AppTest: script run only, no network, median of repeats),
   beside bench/bare_page.py with the same kinds and numbers of elements (Markdown, radios,
   toggles, buttons, bordered containers, ...) and no logic. Target: at most 1.5x.
2. Click -> update time in Chromium against a real server: a widget change until the app
   reports data-test-script-state='notRunning' again, beside the bare page. Target: at most 1.2x.
   Beside the time, the work a click causes, which the machine's drift hardly moves: the
   browser tab's main-thread time (Chrome's TaskDuration: script, style, layout) and the
   server's CPU time, from the change until the page has settled.

Ours and the bare page take turns, one rerun or one click each: this machine's speed drifts by
a third within a minute, and measuring all of ours and then all of the bare page's made the
same code come out anywhere between 0.8x and 1.4x from one run to the next.

3. The full garbage collection Streamlit runs after every script run (runner.postScriptGC), in
   this process once the app has run: what it walks and how long it takes. Before ui/kit/memory.py
   froze the long-lived objects it walked ~140,000 objects and held up each click 60-115 ms.

Run: PYTHONPATH=. .venv/bin/python bench/pages.py  (needs /usr/bin/chromium for part 2)
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from keuzehulp.contract.labels import labels  # noqa: E402
from ui.kit.nav import PAGES  # noqa: E402

from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402
from tests.browser.walk import settle  # noqa: E402

REPEATS = 11
RERUN_TARGET = 1.5
CLICK_TARGET = 1.2


# Layout blocks the bare page draws as what they are; other blocks become containers.
BLOCK_KINDS = {"expander": "expander", "tab": "tab", "column": "column"}
TEXT_KINDS = ("markdown", "caption")


def element_spec(node, spec: dict[str, int] | None = None) -> dict[str, int]:
    """How many elements of each kind a page shows ({"markdown": 40, "radio": 3, "block": 12,
    "expander": 6, "tab": 6, "column": 4}) and how much text its Markdown and captions hold
    ("text_chars"), so the bare page can carry the same volume of text."""
    spec = {} if spec is None else spec
    children = getattr(node, "children", None)
    if children:
        node_type = getattr(node, "type", "")
        if node_type not in ("main", "sidebar", "event", "root", "", "tab_container"):
            kind = BLOCK_KINDS.get(node_type, "block")
            spec[kind] = spec.get(kind, 0) + 1
        for child in children.values():
            element_spec(child, spec)
    else:
        kind = getattr(node, "type", "markdown")
        spec[kind] = spec.get(kind, 0) + 1
        if kind in TEXT_KINDS:
            spec["text_chars"] = spec.get("text_chars", 0) + len(getattr(node, "value", "") or "")
    return spec


def sidebar_spec() -> dict[str, int]:
    """AppTest drops the entrypoint's sidebar from its tree after the first run; count it there."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    return element_spec(at.sidebar)


def merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}


def timed_reruns(*apps: AppTest) -> list[float]:
    """Median rerun time of each app, the apps taking turns (one rerun each per round)."""
    for at in apps:
        at.run()  # warm: content loaded, advice computed once
    times: list[list[float]] = [[] for _ in apps]
    for _ in range(REPEATS):
        for at, own in zip(apps, times, strict=True):
            start = time.perf_counter()
            at.run()
            own.append(time.perf_counter() - start)
    return [statistics.median(own) for own in times]


def rerun_rows() -> list[tuple[str, dict[str, int], float, float]]:
    rows = []
    side = sidebar_spec()
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        at.switch_page(page.path).run()
        spec = merged(element_spec(at.main), side)
        os.environ["BARE_SPEC"] = json.dumps(spec)
        bare_at = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=120)
        ours, bare = timed_reruns(at, bare_at)
        rows.append((page.title, spec, ours, bare))
    return rows


# Which widget a user changes on each page, and two values to alternate between.
CLICKS = {
    # (Start has only a text field: typing is not a click, so it is left out.)
    "pages/q2_organisatie.py": ("radio", "regional_cooperation", ["possible", "none"]),
    "pages/q3_begeleiding.py": ("radio", "care_duties", ["many", "few"]),
    "pages/q4_taal.py": ("textbox", "language_providers", ["1", "3"]),
    "pages/q5_participatie.py": ("radio", "employer_network", ["strong", "weak"]),
}


def change(page, kind: str, name: str, value: str) -> None:
    if name == "value":  # the bare page's radio
        page.get_by_role("radiogroup", name="Keuze").get_by_text(value, exact=True).click()
        return
    label = labels().field(name)
    if kind == "radio":
        page.get_by_role("radiogroup", name=label).get_by_text(
            labels().fields[name].options[value], exact=True).click()
    else:
        box = page.get_by_role(kind, name=label)
        box.fill(value)
        box.press("Enter")


# The app's script state attribute is unreliable for fast runs (React may batch 'running' and
# 'notRunning' into one render), so the end of an update is the last WebSocket message the
# page receives (the rerun's deltas and its 'script finished'), seen by a wrapped WebSocket.
# Start: the user's event (Enter or click), seen by a capturing listener.
_WS_SPY = """(() => {
  const Native = window.WebSocket;
  window.__ws = {last: 0, count: 0};
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__ws.last = performance.now(); window.__ws.count += 1; });
    }
  };
})();"""
_ARM = """() => {
  window.__kh = {t0: null, count: window.__ws.count};
  const mark = () => { if (window.__kh.t0 === null) window.__kh.t0 = performance.now(); };
  document.addEventListener('keydown', e => { if (e.key === 'Enter') mark(); }, {capture: true, once: true});
  document.addEventListener('click', mark, {capture: true, once: true});
}"""
_QUIET_MS = 400  # no message for this long: the update is over


def _wait_update(page) -> float:
    """Seconds from the user's event to the last message of the update it caused."""
    page.wait_for_function("window.__kh.t0 !== null && window.__ws.count > window.__kh.count",
                           timeout=30_000)
    page.wait_for_function(f"performance.now() - window.__ws.last > {_QUIET_MS}", timeout=30_000,
                           polling=50)
    return page.evaluate("(window.__ws.last - window.__kh.t0) / 1000")


def current(page, kind: str, name: str, values: list[str]) -> str:
    """The value the widget shows now (so the next change is always a real change)."""
    if kind == "radio":
        group = page.get_by_role("radiogroup", name="Keuze" if name == "value" else labels().field(name))
        for value in values:
            text = value if name == "value" else labels().fields[name].options[value]
            if group.get_by_role("radio", name=text, exact=True).is_checked():
                return value
        return ""
    return page.get_by_role(kind, name=labels().field(name)).input_value()


@dataclass
class Tab:
    """A browser tab on one page, with what is clicked there and where its work is counted."""
    page: Any
    server_pid: int
    kind: str
    name: str
    values: list[str]
    cdp: Any = None

    def __post_init__(self) -> None:
        self.cdp = self.page.context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")

    def busy(self) -> tuple[float, float]:
        """Seconds of main-thread work in this tab and of CPU in its server, so far."""
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return metrics["TaskDuration"], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_click(tab: Tab) -> tuple[float, float, float]:
    """One change of the widget (always to the other value): seconds until its update is over,
    and the tab's main-thread seconds and the server's CPU seconds until the page settled."""
    tab.page.bring_to_front()  # a tab in the background may be throttled
    now = current(tab.page, tab.kind, tab.name, tab.values)
    target = tab.values[1] if now == tab.values[0] else tab.values[0]
    tab.page.evaluate(_ARM)
    browser_before, server_before = tab.busy()
    change(tab.page, tab.kind, tab.name, target)
    seconds = _wait_update(tab.page)
    settle(tab.page)
    browser_after, server_after = tab.busy()
    return seconds, browser_after - browser_before, server_after - server_before


def timed_clicks(*tabs: Tab) -> list[tuple[float, float, float]]:
    """Per tab what timed_click measures (medians; the server's CPU as a mean), the tabs taking
    turns (one click each per round); the first round warms up."""
    results: list[list[tuple[float, float, float]]] = [[] for _ in tabs]
    for _ in range(REPEATS + 1):
        for tab, own in zip(tabs, results, strict=True):
            own.append(timed_click(tab))
    # The server's CPU time counts in clock ticks (10 ms): its mean, not its median, says more.
    return [(statistics.median(r[0] for r in own[1:]), statistics.median(r[1] for r in own[1:]),
             statistics.fmean(r[2] for r in own[1:])) for own in results]


def click_rows(specs: dict[str, dict[str, int]]) -> list[tuple[str, tuple[float, ...], tuple[float, ...]]]:
    from playwright.sync_api import sync_playwright

    app, bare = Server("app.py"), Server("bench/bare_page.py")
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ours_tab, bare_tab = (browser.new_page(viewport={"width": 1280, "height": 800}) for _ in range(2))
            for tab in (ours_tab, bare_tab):
                tab.add_init_script(_WS_SPY)
            for page in PAGES:
                if page.path not in CLICKS:
                    continue
                kind, name, values = CLICKS[page.path]
                path = "" if page.path == "pages/start.py" else Path(page.path).stem
                ours_tab.goto(f"{app.url}/{path}")
                settle(ours_tab)
                bare_tab.goto(f"{bare.url}/?spec={quote(json.dumps(specs[page.title]))}")
                settle(bare_tab)
                ours, base = timed_clicks(Tab(ours_tab, app.process.pid, kind, name, values),
                                          Tab(bare_tab, bare.process.pid, "radio", "value", ["Eerste", "Tweede"]))
                rows.append((page.title, ours, base))
            browser.close()
    finally:
        app.stop()
        bare.stop()
    return rows


def main() -> None:
    reruns = rerun_rows()
    print(f"Warm rerun (AppTest, median of {REPEATS}); target <= {RERUN_TARGET}x a bare page")
    print(f"{'page':22} {'elements':>8} {'ours ms':>8} {'bare ms':>8} {'ratio':>6}")
    for title, spec, ours, bare in reruns:
        flag = "" if ours / bare <= RERUN_TARGET else "  <- above target"
        elements = sum(v for k, v in spec.items() if k != "text_chars")
        print(f"{title:22} {elements:8d} {ours * 1000:8.1f} {bare * 1000:8.1f} {ours / bare:6.2f}{flag}")
    collect = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        gc.collect(2)
        collect.append(time.perf_counter() - start)
    print(f"\nFull collection after a run: {statistics.median(collect) * 1000:.1f} ms, walking "
          f"{len(gc.get_objects())} objects ({gc.get_freeze_count()} frozen, not walked)")
    if not Path(CHROMIUM).exists():
        print(f"\n{CHROMIUM} not found: click -> update not measured")
        return
    clicks = click_rows({title: spec for title, spec, _, _ in reruns})
    print(f"\nClick -> update in Chromium (median of {REPEATS}); target <= {CLICK_TARGET}x a bare page."
          "\nWork per click in ms: the browser tab's main thread (median), the server's CPU (mean),"
          " ours / bare.")
    print(f"{'page':22} {'ours ms':>8} {'bare ms':>8} {'ratio':>6}   {'browser':>13} {'server':>11}")
    for title, (ours, ours_tab, ours_server), (bare, bare_tab, bare_server) in clicks:
        flag = "" if ours / bare <= CLICK_TARGET else "  <- above target"
        print(f"{title:22} {ours * 1000:8.1f} {bare * 1000:8.1f} {ours / bare:6.2f}   "
              f"{ours_tab * 1000:6.1f}/{bare_tab * 1000:<6.1f} {ours_server * 1000:5.1f}/{bare_server * 1000:<5.1f}{flag}")


if __name__ == "__main__":
    main()
