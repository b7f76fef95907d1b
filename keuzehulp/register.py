"""The assumptions register together with the rules that use each entry (read from rules/).

Kept apart from assumptions.py, which the rules loader itself imports: this module needs both.
"""

from __future__ import annotations

from functools import lru_cache

from keuzehulp.knowledge.assumptions import Register, base_register
from keuzehulp.rules.ruleset import rules


@lru_cache(maxsize=1)
def register() -> Register:
    """The project's register, loaded once per process, with the rules that use each entry."""
    return base_register().with_rules(rules().assumption_users)
