"""`python -m keuzehulp check`: labels, report texts, rules, knowledge and their cross references, all at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from keuzehulp.contract.costdata import check_problems, cost_data
from keuzehulp.contract.fields import load_fields
from keuzehulp.contract.labels import load_labels
from keuzehulp.contract.yamlio import ContentError, Problem
from keuzehulp.knowledge.assumptions import load_register, unused_problems
from keuzehulp.knowledge.base import load_knowledge
from keuzehulp.knowledge.crossref import crossref_problems
from keuzehulp.knowledge.provenance import load_texts as load_provenance_texts
from keuzehulp.rules.groups import load_texts as load_group_texts
from keuzehulp.rules.ruleset import RULES_DIR, RuleSet, load_rules
from keuzehulp.rules.version import version_problems

from .report.texts import load_comparison_texts, load_texts


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    rule_count: int = 0
    page_count: int | None = None  # None when the knowledge base could not be loaded


def check_all(rules_dir: Path = RULES_DIR) -> CheckResult:
    result = CheckResult()
    for load in (load_fields, load_labels, load_texts, load_comparison_texts, load_provenance_texts,
                 load_group_texts):
        try:
            load()
        except ContentError as exc:
            result.problems.extend(exc.problems)
    register = None
    try:
        register = load_register()
    except ContentError as exc:
        result.problems.extend(exc.problems)
    ruleset: RuleSet | None = None
    try:
        ruleset = load_rules(rules_dir)
        result.rule_count = ruleset.count
    except ContentError as exc:
        result.problems.extend(exc.problems)
    result.problems.extend(version_problems(rules_dir))
    if register is not None and ruleset is not None:
        users = {k: list(v) for k, v in ruleset.assumption_users.items()}
        try:  # an amount of the cost model whose default rests on an assumption uses it too
            for name, spec in cost_data().amounts.items():
                if spec.assumption:
                    users.setdefault(spec.assumption, []).append(f"texts/costs.yaml: {name}")
        except ContentError:
            pass  # check_problems reports the cost file's own problems
        result.problems.extend(unused_problems(register, users))
    knowledge_ids: set[str] | None = None
    try:
        kb = load_knowledge()
    except ContentError as exc:
        result.problems.extend(exc.problems)
    else:
        knowledge_ids = set(kb.items)
        result.page_count = len(kb.items)
        if ruleset is not None:
            result.problems.extend(crossref_problems(ruleset.citations, kb))
    result.problems.extend(check_problems(knowledge_ids, None if register is None else set(register.items)))
    result.problems = sorted(set(result.problems))
    return result
