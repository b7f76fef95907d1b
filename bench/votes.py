"""Live workshop under load: 40 participants vote at once against a running app server.

Real clients: each participant is its own Streamlit WebSocket session (/_stcore/stream), as a
phone's browser tab is, speaking the frontend's protocol (BackMsg rerun with the page, the query
string and the form's widget values; ForwardMsg deltas back). One facilitator session starts the
workshop by clicking "Workshop starten" and then reloads its results as fast as the server
answers. Measured per vote: from sending it to the first facilitator result that counts it.

    round 1: all 40 vote "Zelf uitvoeren" at once (a start barrier)
    round 2: all 40 change their vote to "Deels zelf, deels uitbesteden" at once
    check:   the store holds exactly 40 votes, all of the second option (none lost, none twice)

On SQLite (a file in a temp dir) and on a throwaway PostgreSQL (tests/pgcluster.py). Localhost
only, bounded: 40 sessions, 60 s per step. The live page itself refreshes every
ui.workshop.live.REFRESH_SECONDS; a person watching waits for that too (reported below).

Run: .venv/bin/python bench/votes.py [--participants 40] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.server import Server  # noqa: E402
from tests.stream_tab import Tab  # noqa: E402

TIMEOUT = 60.0
FIRST, SECOND = "Zelf uitvoeren", "Deels zelf, deels uitbesteden"
COUNT_LINE = re.compile(r"` (\d+) · (.+)$")


def start_workshop(base: str) -> tuple[Tab, str]:
    host = Tab(base)
    host.rerun("workshop")
    host.rerun("workshop", widgets={host.widget("workshop_start"): True})
    elements = host.rerun("workshop")
    code = next(m.group(1) for t in host.texts() if (m := re.search(r"stemmen\?code=([A-Z0-9]{8})", t)))
    assert elements
    return host, code


def counts(host: Tab) -> dict[str, int]:
    """The delivery decision's counts on the facilitator's page (its first column)."""
    found: dict[str, int] = {}
    for text in host.texts():
        lines = text.split("  \n")
        parsed = [COUNT_LINE.search(line) for line in lines]
        if parsed and all(parsed) and FIRST in text:
            for m in parsed:
                found[m.group(2)] = int(m.group(1))
            return found
    return found


def participant(base: str, code: str, index: int, barrier: threading.Barrier, sent: list, errors: list) -> None:
    tab = None
    try:
        tab = Tab(base)
        query = f"code={code}&p=bench-participant-{index:04d}-xxxxxx"
        tab.rerun("stemmen", query)
        radio = tab.widget("-vote_delivery")
        submit = tab.widget("FormSubmitter:form_delivery-Stem opslaan")
        for round_no, option in enumerate((FIRST, SECOND)):
            barrier.wait(timeout=TIMEOUT)
            start = time.perf_counter()
            tab.rerun("stemmen", query, {radio: option, submit: True})
            acked = time.perf_counter()
            if not any(t.startswith("Opgeslagen") for t in tab.texts()):
                errors.append(f"participant {index} round {round_no}: no confirmation")
            sent.append((round_no, start, acked))
            barrier.wait(timeout=TIMEOUT)
    except Exception as exc:  # reported, never hidden
        errors.append(f"participant {index}: {exc!r}")
        barrier.abort()
    finally:
        if tab is not None:
            tab.close()


def run(base: str, n: int) -> dict[str, object]:
    host, code = start_workshop(base)
    sent: list[tuple[int, float, float]] = []
    errors: list[str] = []
    barrier = threading.Barrier(n + 1)
    threads = [threading.Thread(target=participant, args=(base, code, i, barrier, sent, errors))
               for i in range(n)]
    for t in threads:
        t.start()
    latencies: list[float] = []
    for round_no, option in enumerate((FIRST, SECOND)):
        barrier.wait(timeout=TIMEOUT)
        seen: list[tuple[float, int]] = []
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            host.rerun("workshop")
            now, shown = time.perf_counter(), counts(host).get(option, 0)
            seen.append((now, shown))
            if shown >= n:
                break
        barrier.wait(timeout=TIMEOUT)
        mine = sorted((s for s in sent if s[0] == round_no), key=lambda s: s[2])  # commit order
        for j, (_, start, _) in enumerate(mine, start=1):
            first = next((t for t, c in seen if c >= j), None)
            if first is None:
                errors.append(f"round {round_no}: vote {j} never shown")
            else:
                latencies.append(max(0.0, first - start))
    for t in threads:
        t.join(timeout=TIMEOUT)
    final = counts(host)
    host.close()
    return {"latencies": latencies, "errors": errors, "final": final, "code": code}


def store_check(code: str, n: int) -> str:
    """What the store itself holds: every vote once, all of the second round."""
    from sqlalchemy import func, select

    from keuzehulp.store import make_engine
    from keuzehulp.workshop.tables import votes, workshops

    engine = make_engine()
    try:
        with engine.connect() as conn:
            wid = conn.execute(select(workshops.c.id).where(workshops.c.code == code)).scalar_one()
            rows = conn.execute(select(votes.c.value, func.count()).where(votes.c.workshop_id == wid)
                                .group_by(votes.c.value)).all()
    finally:
        engine.dispose()
    held = {value: count for value, count in rows}
    ok = held == {"mixed": n}
    return f"store holds {held} -> {'OK: none lost, none counted twice' if ok else 'WRONG'}"


def bench(backend: str, n: int) -> None:
    from contextlib import ExitStack

    with ExitStack() as stack:
        env_before = dict(os.environ)
        if backend == "postgresql":
            from tests.pgcluster import throwaway_postgres

            os.environ["KEUZEHULP_DATABASE_URL"] = stack.enter_context(throwaway_postgres())
        else:
            os.environ.pop("KEUZEHULP_DATABASE_URL", None)
            os.environ["KEUZEHULP_DATA_DIR"] = stack.enter_context(tempfile.TemporaryDirectory())
        server = Server("app.py")
        try:
            result = run(server.url, n)
            check = store_check(result["code"], n)  # type: ignore[arg-type]
        finally:
            server.stop()
            os.environ.clear()
            os.environ.update(env_before)
    lat = sorted(result["latencies"])  # type: ignore[arg-type]
    from ui.workshop.live import REFRESH_SECONDS

    print(f"\n{backend}: {n} participants x 2 rounds ({len(lat)} votes measured)")
    if lat:
        p50 = statistics.median(lat)
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
        print(f"  vote -> shown in the facilitator's results: p50 {p50:.3f} s, p95 {p95:.3f} s, "
              f"max {lat[-1]:.3f} s  (target p95 < 1 s: {'met' if p95 < 1 else 'NOT met'})")
        print(f"  a person watching the live page also waits up to {REFRESH_SECONDS} s for its refresh")
    print(f"  results page at the end: {result['final']}")
    print(f"  {check}")
    for error in result["errors"][:10]:  # type: ignore[index]
        print(f"  ERROR {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    n = max(1, min(args.participants, 100))  # bounded
    for backend in (("sqlite", "postgresql") if args.backend == "both" else (args.backend,)):
        bench(backend, n)


if __name__ == "__main__":
    main()
