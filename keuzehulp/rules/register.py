"""The assumptions register together with the rules that use each entry (read from rules/),
and the knowledge base as the app shows it: the pages plus the register as pages ("Aannames
van de keuzehulp"), each naming the rules that use it.

Kept in the rules wing: it needs the rule set, and the knowledge wing stays below the rules.
"""

from __future__ import annotations

from functools import lru_cache

from keuzehulp.knowledge.assumption_pages import assumption_items
from keuzehulp.knowledge.assumptions import Register, base_register
from keuzehulp.knowledge.base import KnowledgeBase, KnowledgeItem, base_knowledge
from keuzehulp.rules.ruleset import rules


@lru_cache(maxsize=1)
def register() -> Register:
    """The project's register, loaded once per process, with the rules that use each entry."""
    return base_register().with_rules(rules().assumption_users)


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The real knowledge base, loaded once per process (the app adds st.cache_resource),
    with the assumptions register as pages ("Aannames van de keuzehulp")."""
    base = base_knowledge()
    pages = {pid: KnowledgeItem(**fields) for pid, fields in assumption_items(register()).items()}
    return KnowledgeBase(items={**base.items, **pages})
