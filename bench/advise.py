"""Benchmark: time of advise() including flips over many random profiles (rules loaded once),
and of the cost model plus lead time for one scenario (issue 12).

Run: PYTHONPATH=. .venv/bin/python bench/advise.py [N]   Targets: median <= 1 ms for each.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keuzehulp.contract.schema import CostSettings, Profile  # noqa: E402
from keuzehulp.costs.estimate import estimate  # noqa: E402
from keuzehulp.rules.derived import Spec, profile_field_specs  # noqa: E402
from keuzehulp.rules.ruleset import rules  # noqa: E402

from keuzehulp import advise  # noqa: E402

# Realistic sizes more often than the contract's full range (most municipalities are small).
SIZES = {
    "annual_intake": lambda rng: rng.choice([rng.randint(0, 60), rng.randint(0, 400), rng.randint(0, 10000)]),
    "regional_intake": lambda rng: rng.choice([0, rng.randint(0, 500), rng.randint(0, 100000)]),
}


def random_value(rng: random.Random, spec: Spec) -> object:
    if spec.kind == "enum":
        return rng.choice(spec.values)
    if spec.kind == "bool":
        return rng.random() < 0.5
    if spec.kind == "int":
        return rng.randint(int(spec.lo), int(spec.hi))
    return rng.sample(spec.values, rng.randint(0, len(spec.values)))  # list (partners)


def random_profile(rng: random.Random) -> Profile:
    """Every field the rules can see, options and ranges from the contract itself."""
    return Profile(**{name: SIZES[name](rng) if name in SIZES else random_value(rng, spec)
                      for name, spec in profile_field_specs().items()})


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
    bench_costs(profiles)


def bench_costs(profiles: list[Profile]) -> None:
    """Cost model + timeline per scenario, as the page computes it (settings parsed, amounts merged)."""
    settings = CostSettings(amounts={"guidance_rate": 90}, route_shares={"b1": 60, "onderwijs": 10, "z": 30})
    formats = ("group", "shared_purchase", "individual")
    for p in profiles[:50]:
        estimate(p, settings, "group")
    times = []
    for i, p in enumerate(profiles):
        start = time.perf_counter()
        estimate(p, settings, formats[i % 3])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"cost model + lead time over {len(profiles)} random scenarios:")
    print(f"  median {statistics.median(times):.3f} ms   p95 {p95:.3f} ms   max {times[-1]:.3f} ms;"
          " target: median <= 1 ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
