"""Benchmark: the regional view for 15 municipalities (issue 25), each with random answers and
a route mix and a regional workshop's recorded votes: regional_view (15 advices incl. flips, 10
deelproducten at every scale, the differences, the votes' spread) and region_summary (plus the
shared costs). Rules and content loaded once.

Run: PYTHONPATH=. .venv/bin/python bench/region.py [ROUNDS]   Target: median <= 50 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.advise import random_profile  # noqa: E402
from keuzehulp.contract.ids import DEELPRODUCT_IDS, SCALE_IDS  # noqa: E402
from keuzehulp.region.costs import region_summary  # noqa: E402
from keuzehulp.region.model import parse_region  # noqa: E402
from keuzehulp.region.view import regional_view  # noqa: E402

TARGET_MS = 50.0


def region_file(rng: random.Random, n: int = 15, with_votes: bool = True) -> bytes:
    municipalities = []
    for i in range(n):
        profile = random_profile(rng).model_dump(mode="json")
        profile["municipality"] = f"Gemeente {i + 1}"
        profile["annual_intake"] = rng.randint(5, 400)
        b1 = rng.randint(30, 80)
        onderwijs = rng.randint(0, 100 - b1)
        profile["route_shares"] = {"b1": b1, "onderwijs": onderwijs, "z": 100 - b1 - onderwijs}
        municipalities.append(profile)
    return json.dumps({"schema_version": 1, "kind": "keuzehulp-regio", "region": "Bench",
                       "municipalities": municipalities, "subregions": [[f"Gemeente {i}" for i in range(1, 6)]],
                       **({"votes": votes(rng, [m["municipality"] for m in municipalities])} if with_votes else {})
                       }).encode()


def votes(rng: random.Random, names: list[str]) -> dict:
    """A regional workshop's recorded votes: per deelproduct per municipality 0-3 votes per scale."""
    return {d: {n: {s: rng.randint(0, 3) for s in SCALE_IDS} for n in names} for d in DEELPRODUCT_IDS}


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(rounds: int = 30) -> int:
    rng = random.Random(25)
    regions = [parse_region(region_file(rng)) for _ in range(5)]
    regional_view(regions[0])  # load rules, content and texts once
    results = {}
    for name, fn in (("regional_view", regional_view), ("region_summary", region_summary)):
        times = [t for region in regions for t in timed(lambda r=region, f=fn: f(r), rounds)]
        results[name] = (statistics.median(times), max(times))
        print(f"{name:15s} 15 municipalities: median {results[name][0]:.1f} ms, max {results[name][1]:.1f} ms "
              f"over {len(times)} runs (target median <= {TARGET_MS:.0f} ms)")
    return 0 if results["regional_view"][0] <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
