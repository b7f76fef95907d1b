"""Load: concurrent sessions speaking Streamlit's own WebSocket protocol, the app beside a bare
Streamlit page with the same elements, in one run (the same machine load for both).

For each N in SESSIONS, N sessions are connected to each server (each has run its page once);
then CLICKS clicks per server at a fixed total rate (RATE per second per server, spread
round-robin over the N sessions; app and bare page clicks interleaved, so both see the same
machine load) change a radio on the page: the app's "Regionale samenwerking" on question 2, the
bare page's radio. Per click: from sending the BackMsg (rerun_script with the widget value) to
the ForwardMsg script_finished. Server CPU per click: the server process's user+system time
over the clicks (/proc), divided by the clicks. RSS after the N sessions are connected.

Also the first request after a start: the first session's first run on a fresh process,
app (started by deploy/serve.py, which warms it) beside a fresh bare page; and the app
without the warm-up (`streamlit run`), for comparison.

Targets (issue 15): CPU per click flat within 20 % from 5 to 80 sessions; p95 at 40 sessions
<= 1.2x the bare page; first request <= 1.5x the bare page.

Measured (2 shared cores, load average 13-26 from other work: noisy; 40 clicks per N at 2/s):
  N   app p50/p95   bare p50/p95   p95 x   CPU/click app/bare   RSS app/bare
  5    31/228 ms     28/153 ms     1.49    26/18 ms             206/55 MB
  20   33/77 ms      26/58 ms      1.33    26/18 ms             209/57 MB
  40   35/67 ms      44/61 ms      1.09    26/19 ms             212/58 MB
  80   46/83 ms      35/50 ms      1.68    27/19 ms             217/61 MB
  CPU per click 5 -> 80 sessions: app +2 %, bare page +3 % (an earlier run: both +25 %).
  First request after a start: app warmed by serve.py 113 ms, bare page 404 ms, app without
  the warm-up 13.9 s.
  Before runner.postScriptGC was turned off (same bench, N 5/40/80): app CPU per click
  25/47/51 ms (+107 %), bare page with Streamlit's default 46/62/58 ms.

Localhost only, bounded (at most max(SESSIONS) sessions per server, CLICKS per N).
Run: PYTHONPATH=. .venv/bin/python bench/load.py [--sessions 5,20,40,80] [--clicks 40] [--rate 5]
On a shared machine the absolute numbers are noisy; compare app and bare page within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.stream_client import Run, Session  # noqa: E402
from tests.browser.server import Server, free_port, python  # noqa: E402

APP_PAGE = "q2_organisatie"
APP_WIDGET = "regional_cooperation"
BARE_WIDGET = "value"
TICK = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 5.0
PUBLIC = "localhost"  # the app's public name in this bench (server.allowedHosts)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Served:
    """The app under deploy/serve.py (hosting settings, warmed), or warm=False: plain
    `streamlit run app.py`; pid is the Streamlit process itself."""

    def __init__(self, warm: bool = True):
        self.port = free_port()
        self.log = ROOT / "test-artifacts" / f"load-serve-{self.port}.log"
        self.log.parent.mkdir(exist_ok=True)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KEUZEHULP_PUBLIC_NAME": PUBLIC}
        args = [python(), str(ROOT / "deploy" / "serve.py"), "--port", str(self.port)]
        if not warm:
            args.append("--no-warm")
        self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                        stderr=self.log.open("wb"))
        deadline = time.monotonic() + 240
        while "serve: ready" not in self.log.read_text(errors="replace"):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            time.sleep(0.3)
        self.pid = children(self.process.pid)[0]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class Target:
    """One server and its sessions."""

    def __init__(self, name: str, port: int, pid: int, query: str, page: str, widget_suffix: str):
        self.name, self.port, self.pid = name, port, pid
        self.query, self.page, self.widget_suffix = query, page, widget_suffix
        self.sessions: list[tuple[Session, str, list[str], threading.Lock]] = []

    def session(self) -> Session:
        return Session(f"ws://{PUBLIC}:{self.port}/_stcore/stream", connect_to=("127.0.0.1", self.port),
                       timeout=120)

    def first_run(self) -> tuple[Session, Run]:
        session = self.session().open()
        return session, session.rerun(self.query, self.page)

    def grow(self, n: int) -> None:
        while len(self.sessions) < n:
            session, run = self.first_run()
            widget = next(w for w in run.widget_ids() if w.endswith(self.widget_suffix))
            self.sessions.append((session, widget, run.options(widget), threading.Lock()))

    def click(self, index: int) -> float:
        session, widget, options, lock = self.sessions[index % len(self.sessions)]
        with lock:
            current = session.widgets.get(widget, options[0])
            value = options[1] if current == options[0] else options[0]
            run = session.rerun(self.query, self.page, **{widget: value})
            assert run.status == 0, f"{self.name}: script ended with status {run.status}"
            return run.seconds

    def close(self) -> None:
        for session, *_ in self.sessions:
            session.close()
        self.sessions.clear()


def click_phase(targets: list[Target], clicks: int, rate: float) -> dict[str, dict[str, float]]:
    """`clicks` clicks on each target, interleaved (app, bare, app, ...) at `rate` per second per
    target, so that both see the same machine load at the same time."""
    times: dict[str, list] = {t.name: [] for t in targets}
    # What the open sessions cost without any click (WebSocket pings, timers), per second.
    idle_start = {t.name: cpu_seconds(t.pid) for t in targets}
    time.sleep(IDLE_SECONDS)
    idle_rate = {t.name: (cpu_seconds(t.pid) - idle_start[t.name]) / IDLE_SECONDS for t in targets}
    start_cpu = {t.name: cpu_seconds(t.pid) for t in targets}
    start = time.perf_counter()
    step = 1 / (rate * len(targets))
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(clicks * len(targets)):
            target = targets[i % len(targets)]
            delay = start + i * step - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            times[target.name].append(pool.submit(target.click, i // len(targets)))
    for target in targets:
        for future in times[target.name]:
            future.result()
    elapsed = time.perf_counter() - start
    out = {}
    for target in targets:
        seconds = [f.result() for f in times[target.name]]
        cpu = cpu_seconds(target.pid) - start_cpu[target.name]
        idle = idle_rate[target.name]
        out[target.name] = {"p50": statistics.median(seconds), "p95": percentile(seconds, 0.95),
                            "cpu": cpu / clicks, "idle": idle,
                            "click": max(0.0, cpu - idle * elapsed) / clicks, "rss": rss_mb(target.pid)}
    return out


def page_spec(run: Run) -> dict[str, int]:
    """The element kinds and counts of the app's page, for the bare page (see bare_page.py)."""
    spec: dict[str, int] = {}
    for msg in run.messages:
        if msg.WhichOneof("type") != "delta":
            continue
        delta = msg.delta
        if delta.WhichOneof("type") == "new_element":
            kind = delta.new_element.WhichOneof("type")
            # A page link is a light element, not a widget (bare_page.py would draw a button).
            kind = "markdown" if kind == "page_link" else kind
            spec[kind] = spec.get(kind, 0) + 1
            if kind == "markdown":
                spec["text_chars"] = spec.get("text_chars", 0) + len(delta.new_element.markdown.body)
        elif delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            kind = {"expandable": "expander", "tab": "tab", "column": "column"}.get(block.WhichOneof("type"))
            if kind is None and block.WhichOneof("type") == "vertical" and block.vertical.border:
                kind = "block"
            if kind:
                spec[kind] = spec.get(kind, 0) + 1
    return spec


def first_requests(bare_query: str) -> dict[str, float]:
    """Seconds of the first run on a fresh process: app warmed by serve.py, app cold, bare."""
    out = {}
    for name, warm in (("app (warmed)", True), ("app (no warm-up)", False)):
        served = Served(warm=warm)
        try:
            target = Target(name, served.port, served.pid, "", APP_PAGE, APP_WIDGET)
            session, run = target.first_run()
            session.close()
            out[name] = run.seconds
        finally:
            served.stop()
    bare = Server("bench/bare_page.py")
    try:
        target = Target("bare", bare.port, bare.process.pid, bare_query, "", BARE_WIDGET)
        session, run = target.first_run()
        session.close()
        out["bare page"] = run.seconds
    finally:
        bare.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", default="5,20,40,80")
    parser.add_argument("--clicks", type=int, default=40, help="clicks per N and server")
    parser.add_argument("--rate", type=float, default=2.0, help="clicks per second per server, all sessions together")
    parser.add_argument("--skip-first", action="store_true", help="skip the first-request measurement")
    args = parser.parse_args(argv)
    levels = [int(n) for n in args.sessions.split(",")]

    served = Served(warm=True)
    bare_server = None
    rows = []
    try:
        app = Target("app", served.port, served.pid, "", APP_PAGE, APP_WIDGET)
        probe, run = app.first_run()
        probe.close()
        spec = page_spec(run)
        bare_query = f"spec={quote(json.dumps(spec))}"
        bare_server = Server("bench/bare_page.py")
        bare = Target("bare", bare_server.port, bare_server.process.pid, bare_query, "", BARE_WIDGET)
        bare.grow(1)
        print(f"bare page: {sum(v for k, v in spec.items() if k != 'text_chars')} elements like the "
              f"app's question 2 page ({json.dumps(spec)})", flush=True)
        for n in levels:
            app.grow(n)
            bare.grow(n)
            results = click_phase([app, bare], args.clicks, args.rate)
            for name, result in results.items():
                rows.append((n, name, result))
                print(f"N={n:3d} {name:5s} p50 {result['p50'] * 1000:6.0f} ms  p95 "
                      f"{result['p95'] * 1000:6.0f} ms  CPU/click {result['cpu'] * 1000:5.0f} ms  "
                      f"RSS {result['rss']:5.0f} MB", flush=True)
        app.close()
        bare.close()
    finally:
        served.stop()
        if bare_server:
            bare_server.stop()

    by = {(n, name): r for n, name, r in rows}
    print(f"\nLoad: {args.clicks} clicks per N and server at {args.rate:g}/s each, interleaved; "
          "app (deploy/serve.py) beside a bare page")
    print(f"{'N':>4} {'app p50':>8} {'app p95':>8} {'bare p50':>9} {'bare p95':>9} {'p95 x':>6} "
          f"{'app CPU':>8} {'bare CPU':>9} {'app idle':>9} {'bare idle':>10} {'app RSS':>8} {'bare RSS':>9}")
    for n in levels:
        a, b = by[(n, "app")], by[(n, "bare")]
        print(f"{n:4d} {a['p50'] * 1000:6.0f}ms {a['p95'] * 1000:6.0f}ms {b['p50'] * 1000:7.0f}ms "
              f"{b['p95'] * 1000:7.0f}ms {a['p95'] / b['p95']:6.2f} {a['cpu'] * 1000:6.0f}ms "
              f"{b['cpu'] * 1000:7.0f}ms {a['idle'] * 1000:5.0f}ms/s {b['idle'] * 1000:6.0f}ms/s "
              f"{a['rss']:6.0f}MB {b['rss']:7.0f}MB")
    print("CPU = server CPU time during the clicks / clicks; idle = CPU per second of the same open "
          "sessions without clicks (pings, timers)")
    for key, what in (("cpu", "CPU per click"), ("click", "CPU per click without the idle cost")):
        low, high = by[(levels[0], "app")][key], by[(levels[-1], "app")][key]
        blow, bhigh = by[(levels[0], "bare")][key], by[(levels[-1], "bare")][key]
        print(f"app {what}, {levels[0]} -> {levels[-1]} sessions: {low * 1000:.0f} -> {high * 1000:.0f} ms "
              f"({high / low - 1:+.0%}; target within 20 %); bare page {blow * 1000:.0f} -> "
              f"{bhigh * 1000:.0f} ms ({bhigh / blow - 1:+.0%})")
    if 40 in levels:
        ratio = by[(40, "app")]["p95"] / by[(40, "bare")]["p95"]
        print(f"p95 at 40 sessions: {ratio:.2f}x the bare page (target <= 1.2x)")
    if not args.skip_first:
        first = first_requests(bare_query)
        print("\nFirst request after a start (first session, first run):")
        for name, seconds in first.items():
            print(f"  {name:18s} {seconds * 1000:6.0f} ms  ({seconds / first['bare page']:.2f}x the bare page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
