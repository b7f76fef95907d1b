"""The report's sources section: the handreiking (with the sections used), the studies it
refers to, and every other public source behind a fact in the advice, from knowledge/.

The knowledge base is the single place where source titles, addresses and "stand per" dates
live. If it cannot be loaded (broken content), the report still renders, naming the ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from keuzehulp.contract.schema import SECTION_IDS, Advice
from keuzehulp.dutch.dates import dutch_date

from .model import SourceGroup, SourceItem
from .plain import clean
from .texts import ReportTexts

HANDREIKING_ID = "knowledge/sources/allemaal-dual.md"
# The handreiking's own "Verwijzingen", in its order.
REFERENCE_IDS = (
    "knowledge/sources/oostveen-2018.md",
    "knowledge/sources/huijnk-2021.md",
    "knowledge/sources/blom-2018.md",
)


def knowledge_or_none() -> Any | None:
    try:
        from keuzehulp.rules.register import knowledge_base

        return knowledge_base()
    except Exception:  # a broken or missing knowledge base must not stop a download
        return None


def _entries(item: Any) -> list[Any]:
    return list(getattr(item, "sources", None) or [])


def _public(kb: Any, item: Any, seen: set[str] | None = None) -> list[Any]:
    """The public (title/url/as_of) sources of an item, following `ref:` entries once."""
    seen = seen if seen is not None else set()
    out = []
    for entry in _entries(item):
        if getattr(entry, "url", None):
            out.append(entry)
        ref = getattr(entry, "ref", None)
        if ref and ref not in seen and kb is not None:
            seen.add(ref)
            target = kb.get(ref)
            if target is not None:
                out.extend(_public(kb, target, seen))
    return out


def _as_of(entry: Any) -> str:
    value = getattr(entry, "as_of", None)
    return dutch_date(value) if value is not None and hasattr(value, "month") else ""


def source_item(kb: Any, ref: str, texts: ReportTexts) -> SourceItem:
    """One knowledge page of kind source or fact as a line in the sources section."""
    item = kb.get(ref) if kb is not None else None
    if item is None:
        return SourceItem(title=ref)
    return SourceItem(title=clean(item.title), details=[_public_line(e, texts) for e in _public(kb, item)])


def _public_line(entry: Any, texts: ReportTexts) -> str:
    line = f"{clean(entry.title)}, {entry.url}"
    if _as_of(entry):
        line += f" ({texts.checked_on.format(date=_as_of(entry))})"
    return line


def _numbers(sections: set[str]) -> str:
    """{'q2', 'q4', 'q5'} -> '2, 4 en 5'."""
    numbers = [q[1] for q in SECTION_IDS if q in sections]
    return ", ".join(numbers[:-1]) + " en " + numbers[-1] if len(numbers) > 1 else "".join(numbers)


def readable(refs: list[str], kb: Any) -> list[str]:
    """Source ids as a person reads them: 'Allemaal dual, vraag 2 en 4', then page titles."""
    sections = {r for r in refs if r in SECTION_IDS}
    out = [f"Allemaal dual, vraag {_numbers(sections)}"] if sections else []
    for ref in refs:
        if ref not in SECTION_IDS:
            item = kb.get(ref) if kb is not None else None
            out.append(clean(item.title) if item is not None else ref)
    return out


def cited(advice: Advice) -> list[str]:
    """Every source id the advice names, in order of first appearance."""
    refs: list[str] = []
    parts: Iterable[Any] = [*advice.decisions.values(), *advice.elements]
    for part in parts:
        for ref in part.sources:
            if ref not in refs:
                refs.append(ref)
    return refs


def build_sources(advice: Advice, texts: ReportTexts, kb: Any | None = None,
                  also: Iterable[str] = ()) -> list[SourceGroup]:
    """The sources annex: the advice's sources, then `also` (the building blocks' sources)."""
    kb = kb if kb is not None else knowledge_or_none()
    refs = cited(advice)
    refs += [r for r in dict.fromkeys(also) if r not in refs]
    sections = {r for r in refs if r in SECTION_IDS}
    sections.add("q2")  # every report shows the group estimate, which follows q2
    used = _numbers(sections)
    # The full citation (texts/report.yaml), plus the public pages the knowledge base names.
    details = [f"{texts.handreiking_sections_label}: vraag {used}"] if used else []
    item = kb.get(HANDREIKING_ID) if kb is not None else None
    details += [_public_line(entry, texts) for entry in (_public(kb, item) if item is not None else [])]
    main = SourceItem(title=texts.handreiking_title, details=details)
    groups = [
        SourceGroup(heading="", items=[main]),
        SourceGroup(texts.references_label, [source_item(kb, r, texts) for r in REFERENCE_IDS]),
    ]
    skip = {HANDREIKING_ID, *REFERENCE_IDS, *SECTION_IDS}
    others = [source_item(kb, r, texts) for r in refs if r not in skip]
    if others:
        groups.append(SourceGroup(texts.other_sources_label, others))
    return groups
