"""How long each download takes, warm: median of 20 renders per format (target: docx and pdf
at most 300 ms). A realistic session: team choices, notes, participants and two scenarios.

    PYTHONPATH=. .venv/bin/python bench/exports.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keuzehulp.contract.schema import (  # noqa: E402
    Participant,
    Profile,
    Scenario,
    Session,
    TeamDecision,
    TeamInput,
)

from keuzehulp import advise  # noqa: E402
from keuzehulp.report import FORMATS, build_report  # noqa: E402

RUNS = 20
TARGET_MS = {"docx": 300.0, "pdf": 300.0}


def session() -> Session:
    profile = Profile(municipality="Lochem", annual_intake=14, regional_cooperation="possible",
                      regional_intake=25, flexible_budget=True,
                      partners=["language_provider", "social_work_company", "volunteer_organisations"])
    return Session(
        profile=profile,
        scenarios=[
            Scenario(name="Samen met Brummen", profile=profile.model_copy(update={"regional_cooperation": "existing"})),
            Scenario(name="Groei naar 40 per jaar", profile=profile.model_copy(update={"annual_intake": 40})),
        ],
        team=TeamInput(
            participants=[Participant(name=f"Deelnemer {i}", role="beleidsmedewerker") for i in range(6)],
            decisions={d: TeamDecision(choice=c, reason="Besproken in de werksessie van november.")
                       for d, c in (("delivery", "mixed"), ("training_format", "individual"),
                                    ("matching", "supply_led"))},
            notes={q: "Actiepunt: uitzoeken wat dit kost en wie het trekt. " * 4 for q in ("q1", "q2", "q3", "q4", "q5")},
        ),
    )


def median_ms(fn) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is steadier on a busy machine)."""
    fn()  # warm: fonts, templates, labels, knowledge base loaded once
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    s = session()
    advice = advise(s.profile)
    report = build_report(advice, s, date(2026, 11, 27))
    rows = [("model (build_report, incl. 2 scenarios)", median_ms(lambda: build_report(advice, s)), None, None)]
    for name, fmt in FORMATS.items():
        size = len(fmt.render(report))
        rows.append((name, median_ms(lambda fmt=fmt: fmt.render(report)), size, TARGET_MS.get(name)))
    print(f"Exports, warm, median of {RUNS} runs (render from a built report)")
    print(f"{'step':<42} {'wall ms':>8} {'cpu ms':>8} {'bytes':>9}  target")
    failed = False
    model_cpu = rows[0][1][1]
    for name, (wall, cpu), size, target in rows:
        # Judged on CPU time: wall time also counts whatever else runs on the machine.
        verdict = "" if target is None else ("ok" if cpu + model_cpu <= target else "TOO SLOW")
        failed |= verdict == "TOO SLOW"
        shown = "" if size is None else f"{size:,}"
        goal = "" if target is None else f"≤ {target:.0f} ms CPU incl. model: {verdict}"
        print(f"{name:<42} {wall:8.1f} {cpu:8.1f} {shown:>9}  {goal}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
