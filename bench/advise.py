"""Benchmark: time of advise() including flips over many random profiles (rules loaded once).

Run: PYTHONPATH=. .venv/bin/python bench/advise.py [N]   Target: median <= 1 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keuzehulp import advise  # noqa: E402
from keuzehulp.rules import rules  # noqa: E402
from keuzehulp.schema import PARTNERS, Profile  # noqa: E402


def random_profile(rng: random.Random) -> Profile:
    return Profile(
        annual_intake=rng.choice([rng.randint(0, 60), rng.randint(0, 400), rng.randint(0, 10000)]),
        level_mix=rng.choice(["similar", "mixed"]),
        sector_mix=rng.choice(["similar", "diverse"]),
        recent_arrivals=rng.choice(["most", "some", "few"]),
        care_duties=rng.choice(["many", "some", "few"]),
        health_barriers=rng.choice(["many", "some", "few"]),
        own_capacity=rng.choice(["low", "medium", "high"]),
        specialised_caseload=rng.random() < 0.5,
        regional_cooperation=rng.choice(["none", "possible", "existing"]),
        regional_intake=rng.choice([0, rng.randint(0, 500), rng.randint(0, 100000)]),
        partners=rng.sample(PARTNERS, rng.randint(0, len(PARTNERS))),
        language_providers=rng.randint(1, 50),
        flexible_budget=rng.random() < 0.5,
        childcare_available=rng.random() < 0.5,
        experience_experts=rng.random() < 0.5,
        employer_network=rng.choice(["weak", "moderate", "strong"]),
        min_group_size=rng.randint(2, 40),
        max_wait_months=rng.randint(1, 24),
    )


def main(n: int = 2000) -> None:
    t0 = time.perf_counter()
    rules()
    load_ms = (time.perf_counter() - t0) * 1000
    rng = random.Random(2021)
    profiles = [random_profile(rng) for _ in range(n)]
    for p in profiles[:50]:  # warm up (labels, caches)
        advise(p)
    times, flips = [], 0
    for p in profiles:
        start = time.perf_counter()
        advice = advise(p)
        times.append((time.perf_counter() - start) * 1000)
        flips += sum(len(d.flips) for d in advice.decisions.values())
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"advise() incl. flips over {n} random profiles (rules loaded once in {load_ms:.0f} ms):")
    print(f"  median {statistics.median(times):.3f} ms   p95 {p95:.3f} ms   max {times[-1]:.3f} ms")
    print(f"  {flips / n:.1f} flips per advice on average; target: median <= 1 ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
