"""Markdown: the report as text a person can read as is, and the basis of the HTML download.

Every string that may hold something a user typed (municipality, participants, the team's
choice and reason, notes, scenario names) goes through `escape_markdown`, so markup in it
stays text. The tool's own wording (labels, rules, knowledge) gets a lighter escape that
keeps it readable in a text editor.
"""

from __future__ import annotations

import re

from ..labels import labels
from ..markdown import escape_markdown as user
from .model import DecisionPart, ElementPart, QuestionPart, Report

Block = tuple[str, str]  # (kind, markdown): kind is "front", "question" or "back"

_INLINE = re.compile(r"([\\`*_\[\]<>|&])")
_LINE_START = re.compile(r"^(#|[-+>=~]|\d+[.)])")


def inline(text: str) -> str:
    """The tool's own one-line text, made inert for Markdown with as few backslashes as possible."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(r"\\\1", text)


def _bullets(items: list[str], esc=inline) -> str:
    return "\n".join(f"- {esc(i)}" for i in items)


def table(header: list[str], rows: list[list[str]] | list[tuple[str, str]], first=user, rest=user) -> str:
    """The one Markdown table writer (choice summary, comparison, Vergelijken page).

    Header cells are escaped as user text; `first` escapes the first column, `rest` every
    other cell (pass `str` for cells the caller has already made safe)."""
    out = ["| " + " | ".join(user(h) for h in header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join([first(row[0]), *(rest(c) for c in row[1:])]) + " |" for row in rows]
    return "\n".join(out)


def _profile_table(r: Report) -> str:
    """The answers: the tool's labels lightly escaped, the typed municipality fully."""
    typed = labels().field("municipality")
    rows = [(label, user(value) if label == typed else inline(value)) for label, value in r.profile]
    return table(r.texts.profile_columns, rows, inline, str)


def _quote(lines: list[str]) -> str:
    """Lines (already escaped) as one Markdown quote block with hard line breaks."""
    return "  \n".join(f"> {line}" for line in lines)


def _labelled(label: str, items: list[str], esc=inline) -> list[str]:
    return [f"**{inline(label)}**", _bullets(items, esc)] if items else []


def _decision(d: DecisionPart, r: Report) -> str:
    t = r.texts
    parts = [
        f"### {inline(d.title)}",
        f"**{inline(t.advice_label)}:** {inline(d.choice)}  \n**{inline(t.strength_label)}:** {inline(d.strength)}",
        *_labelled(t.reasons_for_label, d.reasons_for),
        *_labelled(t.reasons_against_label, d.reasons_against),
        *_labelled(t.flips_label, d.flips or [t.no_flips]),
    ]
    if d.examples:
        parts.append(f"**{inline(t.decision_examples_label)}:** {inline('; '.join(d.examples))}")
    if d.sources:
        parts.append(f"**{inline(t.decision_sources_label)}:** {inline('; '.join(d.sources))}")
    # The team's own input as a quote block, so it never reads as the tool's advice.
    team = [f"**{inline(t.team_label)}:** " + (inline(d.team.choice) if d.team.choice else inline(t.team_undecided))]
    if d.team.differs:
        team.append(f"*{inline(t.team_differs)}*")
    if d.team.reason:
        team.append(f"**{inline(t.team_reason_label)}:** {user(d.team.reason[0])}")
        team += [user(x) for x in d.team.reason[1:]]
    parts.append(_quote(team))
    return "\n\n".join(parts)


def _element(e: ElementPart, r: Report) -> str:
    t = r.texts
    lines = [f"- ☐ **{inline(e.title)}** ({inline(e.priority)})"]
    if e.reasons:
        lines.append(f"\n  {inline(t.element_reasons_label)}: {inline(' '.join(e.reasons))}")
    if e.actions:
        lines.append(f"\n  {inline(t.element_actions_label)}:\n")
        lines += [f"  - {inline(a)}" for a in e.actions]
    return "\n".join(lines)


def _question(q: QuestionPart, r: Report) -> str:
    t = r.texts
    parts = [f"## {inline(q.heading)}"]
    parts += [_decision(d, r) for d in q.decisions]
    if q.group_formation:
        parts += [f"### {inline(t.group_formation_heading)}", inline(t.group_formation_intro),
                  inline(q.group_formation)]
    if q.elements:
        parts.append(f"### {inline(t.elements_heading)}")
        parts.append("\n\n".join(_element(e, r) for e in q.elements))
    if q.notes:
        parts += [f"### {inline(t.notes_heading)}", _quote([user(n) for n in q.notes])]
    return "\n\n".join(parts)


def _back(r: Report) -> str:
    t = r.texts
    parts = [f"## {inline(t.examples_heading)}"]
    if r.examples:
        parts.append(inline(t.examples_intro))
        parts.append("\n".join(
            f"- **{inline(x.title)}** ({inline(', '.join(x.municipalities))}): {inline('; '.join(x.relates_to))}"
            for x in r.examples
        ))
    else:
        parts.append(inline(t.no_examples))
    if r.scenarios:
        parts += [f"## {inline(t.scenarios_heading)}", inline(t.scenarios_intro),
                  table(r.scenario_table[0], r.scenario_table[1:], inline, inline)]
        for s in r.scenarios:
            parts.append(f"### {inline(t.scenario_heading.format(name='')).rstrip()} {user(s.name)}")
            parts += _labelled(t.scenario_differences_label, s.differences, user) if s.differences \
                else [inline(t.scenario_no_differences)]
            parts += _labelled(t.advice_label, s.choices)
            parts.append(inline(s.group_formation))
            parts += _labelled(t.scenario_essential_label, s.essential)
    parts += [f"## {inline(t.sources_heading)}", inline(t.sources_intro)]
    for group in r.sources:
        if group.heading:
            parts.append(f"**{inline(group.heading)}**")
        items = []
        for s in group.items:
            item = "- " + inline(s.title)
            item += "".join(f"\n  - {inline(d)}" for d in s.details)
            items.append(item)
        parts.append("\n".join(items))
    parts += ["---", inline(r.footer)]
    return "\n\n".join(parts)


def blocks(r: Report) -> list[Block]:
    """The report as Markdown blocks; HTML wraps each in its own section (page breaks)."""
    t = r.texts
    front = [
        f"# {user(r.title)}",
        inline(t.date_line.format(date=r.date_text)),
        f"## {inline(t.reading_guide_heading)}",
        *[inline(p) for p in r.reading_guide],
        f"## {inline(t.participants_heading)}",
        table(t.participants_columns, r.participants) if r.participants else inline(t.no_participants),
        f"## {inline(t.profile_heading)}",
        _profile_table(r),
    ]
    out: list[Block] = [("front", "\n\n".join(front))]
    out += [("question", _question(q, r)) for q in r.questions]
    out.append(("back", _back(r)))
    return out


def render_md(r: Report) -> bytes:
    return ("\n\n".join(text for _, text in blocks(r)) + "\n").encode("utf-8")
