"""What autosave costs per click: the store's write and read of one workshop session.

A click that changes the session writes it once (ui/autosave.save_if_changed); a click that
changes nothing costs one identity check and no database work. This measures the write on the
default SQLite file (WAL) and, when the PostgreSQL binaries are there, on a throwaway cluster.

Run: PYTHONPATH=. .venv/bin/python bench/store.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from keuzehulp.contract.schema import Participant, Profile, Scenario, Session, TeamDecision, TeamInput  # noqa: E402

from keuzehulp.store import Store, new_key  # noqa: E402
from tests.pgcluster import postgres_bin, throwaway_postgres  # noqa: E402

WRITES = 200


def workshop_session(i: int) -> Session:
    profile = Profile(municipality="Lochem", annual_intake=40 + i % 50, regional_cooperation="existing",
                      regional_intake=300)
    return Session(
        profile=profile,
        scenarios=[Scenario(name=f"Scenario {n}", profile=profile) for n in range(4)],
        team=TeamInput(participants=[Participant(name=f"Deelnemer {n}", role="beleid") for n in range(9)],
                       decisions={"delivery": TeamDecision(choice="mixed", reason="x" * 400)},
                       notes={q: "Notitie " * 60 for q in ("q1", "q2", "q3", "q4", "q5")}),
        answered=["q2", "q3", "q4", "q5", "start"], read=["q1"])


def measure(url: str) -> dict[str, float]:
    store = Store.open(url)
    key = new_key()
    sessions = [workshop_session(i) for i in range(WRITES)]
    dumps, writes, reads = [], [], []
    for session in sessions:
        t0 = time.perf_counter()
        data = session.model_dump_json()
        t1 = time.perf_counter()
        store.save_session(key, data)
        t2 = time.perf_counter()
        store.load_session(key)
        t3 = time.perf_counter()
        dumps.append(t1 - t0)
        writes.append(t2 - t1)
        reads.append(t3 - t2)
    unchanged = []
    same = sessions[-1]
    last = same
    for _ in range(10_000):
        t0 = time.perf_counter()
        _ = same is last  # what a click without a change costs
        unchanged.append(time.perf_counter() - t0)
    store.close()

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95)] * 1000

    return {"bytes": len(sessions[-1].model_dump_json()),
            "json p50": statistics.median(dumps) * 1000, "write p50": statistics.median(writes) * 1000,
            "write p95": p95(writes), "read p50": statistics.median(reads) * 1000,
            "unchanged us": statistics.median(unchanged) * 1e6}


def show(name: str, row: dict[str, float]) -> None:
    print(f"{name:11} {row['bytes']:>7.0f} B  json {row['json p50']:.2f} ms  write p50 {row['write p50']:.2f} ms"
          f"  p95 {row['write p95']:.2f} ms  read p50 {row['read p50']:.2f} ms"
          f"  no change {row['unchanged us']:.2f} us")


def main() -> None:
    print(f"Autosave of one workshop session, {WRITES} changes in a row")
    with tempfile.TemporaryDirectory() as tmp:
        show("SQLite", measure(f"sqlite:///{tmp}/keuzehulp.sqlite"))
    if postgres_bin() is None:
        print("PostgreSQL  skipped: no binaries under /usr/lib/postgresql/*/bin")
        return
    with throwaway_postgres() as url:
        show("PostgreSQL", measure(url))


if __name__ == "__main__":
    main()
