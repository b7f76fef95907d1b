"""Whose word is each reason, as the report shows it, and the register of assumptions.

Every reason in the report carries a line that says what it rests on, in plain Dutch:
"Volgens de handreiking (vraag 2): ‘…’", "Bron: <page>, <address> (geraadpleegd …)" or
"Aanname van de keuzehulp: <title> (zie ‘Aannames van de keuzehulp’)". The section
"Aannames van de keuzehulp" lists every entry of knowledge/assumptions.yaml.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from keuzehulp.contract.schema import SECTION_IDS, Reason
from keuzehulp.dutch.numbers import decimal_comma
from keuzehulp.knowledge.assumption_pages import amounts_using, changed_by
from keuzehulp.knowledge.provenance import texts as basis_texts

from .model import AssumptionPart, ReasonPart
from .plain import clean


def _register() -> Any | None:
    try:
        from keuzehulp.rules.register import register

        return register()
    except Exception:  # a broken register must not stop a download; `check` reports it
        return None


def _section(reason: Reason) -> str:
    for ref in reason.sources:
        if ref in SECTION_IDS:
            return f"vraag {ref[1]}"
    return ""


def reason_part(reason: Reason | str, kb: Any, quote: bool = True) -> ReasonPart:
    """A reason with its basis line; a plain instruction (str) has no basis line."""
    if isinstance(reason, str):
        return ReasonPart(text=clean(reason), basis="", label="", detail="")
    t = basis_texts()
    label = t.basis[reason.basis]
    if reason.basis == "handreiking":
        section = _section(reason)
        where = f" ({section})" if section else ""
        detail = f"‘{clean(reason.passage or '')}’" if quote and reason.passage else ""
        return ReasonPart(clean(reason.text), "handreiking", label + where, detail)
    if reason.basis == "bron":
        titles = []
        for ref in reason.sources:
            if ref in SECTION_IDS:
                continue
            page = kb.get(ref) if kb is not None else None
            titles.append(clean(page.title) if page is not None else ref)
        return ReasonPart(clean(reason.text), "bron", label, "; ".join(titles))
    register = _register()
    item = register.get(reason.assumption) if register is not None and reason.assumption else None
    title = clean(item.title) if item is not None else (reason.assumption or "")
    detail = f"{title} (zie ‘{t.assumptions_heading}’)"
    return ReasonPart(clean(reason.text), "aanname", label, detail, assumption=reason.assumption or "")


def assumption_parts(only: Collection[str] | None = None) -> list[AssumptionPart]:
    """The register's assumptions in its order; with `only`, just those ids (what a download cites)."""
    register = _register()
    if register is None:
        return []
    t = basis_texts()
    parts = []
    for item in register.items.values():
        if only is not None and item.id not in only:
            continue
        parts.append(AssumptionPart(
            id=item.id,
            title=clean(item.title),
            says=clean(item.says),
            why=clean(item.why),
            numbers=[f"{decimal_comma(n.value)} {clean(n.text)}" for n in item.numbers],
            changed_by=[clean(c) for c in changed_by(item)] or [t.assumption_changed_by_none],
            rules=list(item.rules) + [clean(a) for a in amounts_using(item)] + list(item.used_by),
        ))
    return parts
