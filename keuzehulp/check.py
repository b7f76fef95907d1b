"""`python -m keuzehulp check`: labels, rules, knowledge and their cross references, all at once."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from .labels import load_labels
from .rules import RULES_DIR, RuleSet, load_rules
from .yamlio import ContentError, Problem


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    rule_count: int = 0
    page_count: int | None = None  # None when the knowledge base is not part of this build


def _has(module: str) -> bool:
    return importlib.util.find_spec(f"keuzehulp.{module}") is not None


def check_all(rules_dir: Path = RULES_DIR) -> CheckResult:
    result = CheckResult()
    try:
        load_labels()
    except ContentError as exc:
        result.problems.extend(exc.problems)
    ruleset: RuleSet | None = None
    try:
        ruleset = load_rules(rules_dir)
        result.rule_count = ruleset.count
    except ContentError as exc:
        result.problems.extend(exc.problems)
    if _has("knowledge"):
        from .knowledge import load_knowledge

        try:
            kb = load_knowledge()
        except ContentError as exc:
            result.problems.extend(exc.problems)
        else:
            result.page_count = len(kb.items)
            if ruleset is not None and _has("crossref"):
                from .crossref import crossref_problems

                result.problems.extend(crossref_problems(ruleset.citations, kb))
    result.problems = sorted(set(result.problems))
    return result
