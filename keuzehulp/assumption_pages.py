"""The assumptions register as Kennisbank pages: "Aannames van de keuzehulp".

One page per assumption (id knowledge/assumptions/<id>.md, kind `assumption`) and one overview
page (knowledge/assumptions/index.md) that links to all. They are built from
knowledge/assumptions.yaml, not written as Markdown files, so the register stays the one place
where an assumption is written down. Every reason that rests on an assumption links here.
"""

from __future__ import annotations

from typing import Any

from keuzehulp.contract.labels import labels
from keuzehulp.dutch.markdown import render_markdown
from keuzehulp.dutch.numbers import decimal_comma
from keuzehulp.knowledge.assumptions import PAGE_PREFIX, Assumption, Register
from keuzehulp.knowledge.provenance import texts

OVERVIEW_ID = f"{PAGE_PREFIX}index.md"
COST_PREFIX = "kosten-"  # the cost model's assumptions (texts/costs.yaml names them)
COST_HEADING = "Kosten en doorlooptijd"


def changed_by(item: Assumption) -> list[str]:
    """What changes the outcome of an assumption, in words: the answers it names, or for a cost
    assumption the team's own amounts; [] when only an administrator can change it."""
    lab = labels()
    changed = [lab.field(f) for f in item.changed_by if f in lab.fields]
    if item.id.startswith(COST_PREFIX):
        changed.append(texts().assumption_changed_by_costs)
    return changed


def amounts_using(item: Assumption) -> list[str]:
    """The cost amounts (texts/costs.yaml) whose default rests on this assumption."""
    from keuzehulp.contract.costdata import cost_data

    return cost_data().amounts_using(item.id) if item.id.startswith(COST_PREFIX) else []


def _body(item: Assumption) -> str:
    t = texts()
    parts = [f"**{t.assumption_says_label}.** {item.says}", f"**{t.assumption_why_label}.** {item.why}"]
    if item.numbers:
        parts.append(f"**{t.assumption_numbers_label}**\n\n"
                     + "\n".join(f"- {decimal_comma(n.value)} {n.text}" for n in item.numbers))
    amounts = amounts_using(item)
    if amounts:
        parts.append(f"**{t.assumption_amounts_label}**\n\n" + "\n".join(f"- {a}" for a in amounts))
    changed = changed_by(item)
    parts.append(f"**{t.assumption_changed_by_label}**\n\n"
                 + ("\n".join(f"- {c}" for c in changed) if changed else t.assumption_changed_by_none))
    if item.rules:
        parts.append(f"**{t.assumption_rules_label}**\n\n" + "\n".join(f"- `{r}`" for r in item.rules))
    if item.used_by:
        parts.append(f"**{t.assumption_used_by_label}**\n\n" + "\n".join(f"- `{u}`" for u in item.used_by))
    return "\n\n".join(parts)


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
    rules = [i for i in register.items.values() if not i.id.startswith(COST_PREFIX)]
    costs = [i for i in register.items.values() if i.id.startswith(COST_PREFIX)]
    overview = t.assumptions_intro + "\n\n" + "\n".join(f"- [{i.title}]({i.page_id})" for i in rules)
    if costs:
        overview += f"\n\n**{COST_HEADING}**\n\n" + "\n".join(f"- [{i.title}]({i.page_id})" for i in costs)
    pages = [i.page_id for i in register.items.values()]
    items[OVERVIEW_ID] = dict(
        id=OVERVIEW_ID, title=t.assumptions_heading, kind="assumption", sources=[], related=pages,
        summary="Wat de keuzehulp zelf aanneemt of inschat, en wat niet in de handreiking staat.",
        body=overview, html=render_markdown(overview), links=pages,
    )
    return items
