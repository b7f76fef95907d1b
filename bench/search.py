"""Benchmark: Kennisbank search (issue 14 item 6) over the real knowledge base: the time to build
the index once, and per query (the queries of tests/cases/search/*.yaml, typos and hostile input
included), as the page runs it: ranking and passages.

Run: PYTHONPATH=. .venv/bin/python bench/search.py [ROUNDS]   Target: median well under 50 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from keuzehulp.contract.yamlio import load_yaml_file  # noqa: E402
from keuzehulp.rules.register import knowledge_base


def queries() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests" / "cases" / "search").glob("*.yaml")):
        data, _ = load_yaml_file(path)
        found += [case["query"] * case.get("repeat", 1) for case in data]
    return found


def main(rounds: int = 20) -> None:
    kb = knowledge_base()
    start = time.perf_counter()
    kb.search_index()
    build_ms = (time.perf_counter() - start) * 1000
    qs = queries()
    for q in qs:  # warm up (stems and compound splits of the query words are memoised)
        kb.find(q)
    times = []
    for _ in range(rounds):
        for q in qs:
            start = time.perf_counter()
            kb.find(q)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"Kennisbank search over {len(kb.items)} pages: index built once in {build_ms:.0f} ms")
    print(f"  {len(qs)} queries x {rounds}: median {statistics.median(times):.2f} ms   p95 {p95:.2f} ms"
          f"   max {times[-1]:.2f} ms; target: median well under 50 ms")
    fresh = []
    for n, q in enumerate(qs):  # words never seen before: nothing memoised
        start = time.perf_counter()
        kb.find(f"{q} zoekwoord{n}")
        fresh.append((time.perf_counter() - start) * 1000)
    print(f"  with a new word each time: median {statistics.median(fresh):.2f} ms   max {max(fresh):.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
