"""Cross-references between rules/ and knowledge/, checked by `python -m keuzehulp check`.

The rules loader produces one Citation for every id a rule names; `crossref_problems`
(knowledge side) checks them against the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from keuzehulp.contract.yamlio import Problem

if TYPE_CHECKING:
    from keuzehulp.knowledge.base import KnowledgeBase


@dataclass(frozen=True)
class Citation:
    file: str  # rules/... file the citation stands in
    line: int
    rule: str  # rule id
    kind: Literal["decision", "element", "example", "source"]
    ref: str  # decision id, element id, example id, or source (q1..q5 or a knowledge/ id)


_PAGE_OF = {
    "element": "knowledge/elements/{}.md",
    "example": "knowledge/examples/{}.md",
    "decision": "knowledge/tradeoffs/{}.md",
}


def required_pages() -> dict[str, str]:
    """Every page the contract needs: id -> what it covers (five questions, trade-offs, elements, examples)."""
    from keuzehulp.contract.schema import DECISION_IDS, ELEMENT_IDS, EXAMPLE_IDS, SECTION_IDS

    pages = {f"knowledge/questions/{s}.md": f"question {s}" for s in SECTION_IDS}
    pages.update({_PAGE_OF["decision"].format(d): f"decision {d}" for d in DECISION_IDS})
    pages.update({_PAGE_OF["element"].format(e): f"element {e}" for e in ELEMENT_IDS})
    pages.update({_PAGE_OF["example"].format(x): f"example {x}" for x in EXAMPLE_IDS})
    return pages


def crossref_problems(citations: list[Citation], kb: KnowledgeBase) -> list[Problem]:
    """Rules and knowledge agree: what rules cite exists, and every element/example page is cited."""
    from keuzehulp.contract.schema import SECTION_IDS
    from keuzehulp.knowledge.pages import SOURCE_KINDS

    problems = []
    for page_id, what in required_pages().items():
        if kb.get(page_id) is None:
            problems.append(Problem(page_id, 1, f"page missing: the knowledge base needs a page for {what}"))
    cited: set[str] = set()
    for c in citations:
        if c.kind == "source":
            if c.ref in SECTION_IDS:
                continue
            item = kb.get(c.ref)
            if item is None:
                problems.append(
                    Problem(
                        c.file, c.line, f"rule '{c.rule}': source '{c.ref}' is not q1..q5 or a knowledge page"
                    )
                )
            elif item.kind not in SOURCE_KINDS:
                problems.append(
                    Problem(
                        c.file,
                        c.line,
                        f"rule '{c.rule}': source '{c.ref}' is a {item.kind} page, not a source or fact",
                    )
                )
            continue
        page_id = _PAGE_OF[c.kind].format(c.ref)
        cited.add(page_id)
        if kb.get(page_id) is None:
            problems.append(
                Problem(c.file, c.line, f"rule '{c.rule}': {c.kind} '{c.ref}' has no page {page_id}")
            )
    for kind in ("element", "example"):
        for item in kb.by_kind(kind):
            if item.id not in cited:
                problems.append(Problem(item.id, 1, f"{kind} page is cited by no rule"))
    return problems
