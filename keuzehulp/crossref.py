"""Cross-references between rules/ and knowledge/, checked by `python -m keuzehulp check`.

The rules loader produces one Citation for every id a rule names; `crossref_problems`
(knowledge side) checks them against the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Citation:
    file: str  # rules/... file the citation stands in
    line: int
    rule: str  # rule id
    kind: Literal["decision", "element", "example", "source"]
    ref: str  # decision id, element id, example id, or source (q1..q5 or a knowledge/ id)
