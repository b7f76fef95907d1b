"""The assumptions register as Kennisbank pages: "Aannames van de keuzehulp".

One page per assumption (id knowledge/assumptions/<id>.md, kind `assumption`) and one overview
page (knowledge/assumptions/index.md) that links to all. They are built from
knowledge/assumptions.yaml, not written as Markdown files, so the register stays the one place
where an assumption is written down. Every reason that rests on an assumption links here.
"""

from __future__ import annotations

from typing import Any

from .assumptions import PAGE_PREFIX, Assumption, Register
from .dutchnum import decimal_comma
from .labels import labels
from .markdown import render_markdown
from .provenance import texts

OVERVIEW_ID = f"{PAGE_PREFIX}index.md"


def _body(item: Assumption) -> str:
    t = texts()
    lab = labels()
    parts = [f"**{t.assumption_says_label}.** {item.says}", f"**{t.assumption_why_label}.** {item.why}"]
    if item.numbers:
        parts.append(f"**{t.assumption_numbers_label}**\n\n"
                     + "\n".join(f"- {decimal_comma(n.value)} {n.text}" for n in item.numbers))
    changed = [lab.field(f) for f in item.changed_by if f in lab.fields]
    parts.append(f"**{t.assumption_changed_by_label}**\n\n"
                 + ("\n".join(f"- {c}" for c in changed) if changed else t.assumption_changed_by_none))
    if item.rules:
        parts.append(f"**{t.assumption_rules_label}**\n\n" + "\n".join(f"- `{r}`" for r in item.rules))
    if item.used_by:
        parts.append(f"**{t.assumption_used_by_label}**\n\n" + "\n".join(f"- `{u}`" for u in item.used_by))
    return "\n\n".join(parts)


def cost_page_id(assumption_id: str) -> str:
    """knowledge/assumptions/kosten-<slug>.md for a cost assumption `kosten/<slug>`."""
    return f"{PAGE_PREFIX}{assumption_id.replace('/', '-')}.md"


def _cost_items() -> dict[str, dict[str, Any]]:
    """The cost model's own assumptions (texts/costs.yaml, issue 12), as pages beside the rest."""
    from .costdata import cost_data

    data = cost_data()
    items: dict[str, dict[str, Any]] = {}
    for assumption in data.assumptions.values():
        amounts = [spec.label for spec in data.amounts.values() if spec.assumption == assumption.id]
        body = f"**{texts().assumption_says_label}.** {assumption.text}"
        if amounts:
            body += "\n\n**Gebruikt door de bedragen**\n\n" + "\n".join(f"- {a}" for a in amounts)
        body += ("\n\n**" + texts().assumption_changed_by_label + "**\n\nUw eigen bedragen, onder "
                 "'Bedragen aanpassen' op de pagina Kosten en doorlooptijd.")
        page = cost_page_id(assumption.id)
        items[page] = dict(id=page, title=assumption.title, kind="assumption", sources=[], related=[OVERVIEW_ID],
                           summary=None, body=body, html=render_markdown(body), links=[])
    return items


def assumption_items(register: Register) -> dict[str, dict[str, Any]]:
    """Per page id the fields of a KnowledgeItem (knowledge.py builds the items)."""
    t = texts()
    items: dict[str, dict[str, Any]] = {}
    for item in register.items.values():
        body = _body(item)
        items[item.page_id] = dict(
            id=item.page_id, title=item.title, kind="assumption", sources=[], related=[OVERVIEW_ID],
            summary=None, body=body, html=render_markdown(body), links=[],
        )
    costs = _cost_items()
    items.update(costs)
    overview = t.assumptions_intro + "\n\n" + "\n".join(
        f"- [{i.title}]({i.page_id})" for i in register.items.values())
    if costs:
        overview += "\n\n**Kosten en doorlooptijd**\n\n" + "\n".join(
            f"- [{c['title']}]({pid})" for pid, c in costs.items())
    items[OVERVIEW_ID] = dict(
        id=OVERVIEW_ID, title=t.assumptions_heading, kind="assumption", sources=[],
        related=[i.page_id for i in register.items.values()] + list(costs),
        summary="Wat de keuzehulp zelf aanneemt of inschat, en wat niet in de handreiking staat.",
        body=overview, html=render_markdown(overview),
        links=[i.page_id for i in register.items.values()] + list(costs),
    )
    return items
