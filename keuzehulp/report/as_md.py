"""Markdown: the report as text a person can read as is, and the basis of the HTML download.

Every string, the tool's own and what a user typed (municipality, participants, the team's
choice and reason, notes, actions, scenario names), goes through `inline` (what a user typed
through `user`, which also keeps bare web and e-mail addresses from becoming links): it escapes only
what CommonMark would read as markup (emphasis, code, links, tags, tables, a list or heading at
the start of a line), so "Actie: sw-bedrijf" and web addresses stay readable in a text editor.
Raw HTML is off where it is rendered (keuzehulp.dutch.markdown), so markup stays text.
"""

from __future__ import annotations

import re

from keuzehulp.costs import view as cv
from keuzehulp.knowledge.provenance import texts as basis_texts

from .model import AssumptionPart, DecisionPart, ElementPart, QuestionPart, ReasonPart, Report

# (kind, markdown): kind is "front", "guide", "choices", "question" (the appendices start here),
# "costs", "comparison" or "back"; HTML starts
# each kind but "front" on a new printed page.
Block = tuple[str, str]

# Always markup: backslash, code, emphasis, links, tags, table cells. "_" only where it can
# emphasise (not between letters: "brieven_regering" stays as is); "&" only before what reads as
# an entity ("&amp;", "&#38;"), not in "?did=1&id=2".
_INLINE = re.compile(r"[\\`*\[\]<|]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^([#+>=~-])")  # a heading, list, quote or rule at the start of a line
_NUMBERED = re.compile(r"^(\d+)([.)])")  # "1. een" (an ordered list): escape the dot, not the digit


def inline(text: str) -> str:
    """One line of text made inert for Markdown with as few backslashes as possible, so
    "Actie: sw-bedrijf" and web addresses stay as typed in a text editor."""
    text = _INLINE.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", text))


# Markdown viewers (GitHub, VS Code, Obsidian: GFM autolinks, markdown-it's linkify) turn bare
# addresses in text into links: "https://…", "www.…", "gemeente.nl", "naam@gemeente.nl". What a
# user typed must not become a link in the download (issue 22), so in their text a backslash goes
# before the ':' of "://", before every '@', and before a '.' between a letter and a word
# character (a host name's dot; "1.000" keeps its dot as is). The text reads the same once
# rendered, and in a text editor as "https\://www\.gemeente\.nl".
_BARE_ADDRESS = re.compile(r"(?<=[^\W\d_])\.(?=\w)|:(?=//)|@")


def user(text: str) -> str:
    """What a user typed, made inert like `inline` and with bare addresses that no viewer links."""
    return _BARE_ADDRESS.sub(lambda m: "\\" + m.group(0), inline(text))


def _bullets(items: list[str], esc=inline) -> str:
    return "\n".join(f"- {esc(i)}" for i in items)


def table(header: list[str], rows: list[list[str]] | list[tuple[str, str]], first=user, rest=user,
          head=user) -> str:
    """The one Markdown table writer (choice summary, comparison, Vergelijken page).

    Header cells are escaped as user text (`head`); `first` escapes the first column, `rest` every
    other cell (pass `str` for cells the caller has already made safe)."""
    out = ["| " + " | ".join(head(h) for h in header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join([first(row[0]), *(rest(c) for c in row[1:])]) + " |" for row in rows]
    return "\n".join(out)


def assumption_entry(part: AssumptionPart) -> list[str]:
    """One assumption's entry in a plain download (the regional summary, the building blocks)."""
    return [f"### {inline(part.title)} ({part.id})", "", inline(part.says), "", f"*{inline(part.why)}*", ""]


def _profiletable(r: Report) -> str:
    return table(r.texts.profile_columns, r.profile)


def _quote(lines: list[str]) -> str:
    """Lines (already escaped) as one Markdown quote block with hard line breaks."""
    return "  \n".join(f"> {line}" for line in lines)


def _labelled(label: str, items: list[str], esc=inline) -> list[str]:
    return [f"**{inline(label)}**", _bullets(items, esc)] if items else []


def _votes(d: DecisionPart, r: Report) -> list[str]:
    """'Stemming in de workshop': the room's votes, apart from the advice and the team's choice."""
    t = r.texts
    assert d.votes is not None
    lines = [f"**{inline(t.votes_label)}:** {inline(d.votes.summary)}", inline(d.votes.spread)]
    if d.votes.split:
        lines.append(f"**{inline(t.votes_split)}**")
    parts = ["  \n".join(lines)]
    parts += _labelled(t.votes_reasons_label, d.votes.reasons, user)
    return parts
def _reasons(label: str, reasons: list[ReasonPart]) -> list[str]:
    """Each reason with, on the line below it, what it rests on (in italics)."""
    if not reasons:
        return []
    items = [f"- {inline(r.text)}" + (f"  \n  *{inline(r.basis_line)}*" if r.basis_line else "") for r in reasons]
    return [f"**{inline(label)}**", "\n".join(items)]


def _with_basis(r: ReasonPart) -> str:
    """A reason or action on one line, its basis in brackets (an instruction has none)."""
    return inline(r.text) + (f" — *{inline(r.basis_line)}*" if r.basis_line else "")


def _decision(d: DecisionPart, r: Report) -> str:
    t = r.texts
    parts = [
        f"### {inline(d.title)}",
        f"**{inline(t.advice_label)}:** {inline(d.choice)}  \n**{inline(t.strength_label)}:** {inline(d.strength)}",
        *_reasons(t.reasons_for_label, d.reasons_for),
        *_reasons(t.reasons_against_label, d.reasons_against),
        *_labelled(t.flips_label, d.flips or [t.no_flips]),
    ]
    if d.examples:
        parts.append(f"**{inline(t.decision_examples_label)}:** {inline('; '.join(d.examples))}")
    if d.sources:
        parts.append(f"**{inline(t.decision_sources_label)}:** {inline('; '.join(d.sources))}")
    if d.votes is not None:
        parts += _votes(d, r)
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
    if e.votes:
        lines[0] += f" · {inline(e.votes)}"
    if e.reasons:
        lines.append(f"\n  {inline(t.element_reasons_label)}:\n")
        lines += [f"  - {_with_basis(r)}" for r in e.reasons]
    if e.actions:
        lines.append(f"\n  {inline(t.element_actions_label)}:\n")
        lines += [f"  - {_with_basis(a)}" for a in e.actions]
    if e.team_action:
        lines.append(f"\n  > **{inline(t.team_action_label)}:** {user(_action_text(e.team_action, t))}")
    return "\n".join(lines)


def _action_text(a, t) -> str:  # type: ignore[no-untyped-def]
    """'Werkgevers bellen (wie: Fatima, wanneer: 15 januari 2027)' for under an element."""
    extra = [f"{t.action_owner_label}: {a.owner}" if a.owner else "",
             f"{t.action_due_label}: {a.due}" if a.due else ""]
    extra = [x for x in extra if x]
    return a.action + (f" ({', '.join(extra)})" if extra else "") if a.action else ", ".join(extra)


def _question(q: QuestionPart, r: Report) -> str:
    """One question in the appendix: the group estimate, the element checklist, the team's notes
    (its decisions are in the main body, under "De keuzes toegelicht")."""
    t = r.texts
    parts = [f"### {inline(q.heading)}"]
    if q.group_formation:
        parts += [f"#### {inline(t.group_formation_heading)}", inline(t.group_formation_intro),
                  inline(q.group_formation)]
    if q.elements:
        parts.append(f"#### {inline(t.elements_heading)}")
        parts.append("\n\n".join(_element(e, r) for e in q.elements))
    if q.notes:
        parts += [f"#### {inline(t.notes_heading)}", _quote([user(n) for n in q.notes])]
    return "\n\n".join(parts)


def _choices(r: Report) -> str:
    """Main body after page 1: every decision explained (reasons, flips, votes, the team)."""
    t = r.texts
    parts = [f"## {inline(t.choices_heading)}", inline(t.choices_intro)]
    parts += [_decision(d, r) for d in r.decisions]
    return "\n\n".join(parts)


def _elements_annex(r: Report) -> str:
    t = r.texts
    parts = [f"## {inline(t.appendices_heading)}", inline(t.appendices_intro),
             f"## {inline(r.annex('elements'))}", inline(t.elements_annex_intro)]
    parts += [_question(q, r) for q in r.questions if q.elements or q.group_formation or q.notes]
    return "\n\n".join(parts)


def _comparison(r: Report) -> str:
    t = r.texts
    parts = [f"## {inline(r.annex('scenarios'))}", inline(t.scenarios_intro),
             table(r.scenario_table[0], r.scenario_table[1:])]
    for s in r.scenarios:
        parts.append(f"### {user(t.scenario_heading.format(name=s.name))}")
        parts += _labelled(t.scenario_differences_label, s.differences, user) if s.differences \
            else [inline(t.scenario_no_differences)]
        parts += _labelled(t.advice_label, s.choices)
        parts.append(inline(s.group_formation))
        parts += _labelled(t.scenario_essential_label, s.essential)
    return "\n\n".join(parts)


def _costs(r: Report) -> str:
    """Kosten en doorlooptijd (issue 12): the tables the page shows, and every amount's origin."""
    c = r.costs
    assert c is not None
    parts = [f"## {inline(r.annex('costs'))}", inline(cv.REPORT_INTRO), f"### {inline(cv.COST_HEADING)}",
             inline(c.headline)]
    parts += [inline(c.volumes)] if c.volumes else []
    parts += [inline(c.training)]
    if c.money_table is not None:  # per funding stream first: what the headline speaks of (issue 23)
        parts += [f"### {inline(cv.MONEY_HEADING)}", table(c.money_table.header, c.money_table.rows),
                  f"### {inline(cv.COMPONENTS_HEADING)}"]
    parts += [table(c.cost_table.header, c.cost_table.rows)]
    if c.drivers:
        parts += [f"### {inline(cv.DRIVERS_HEADING)}", _bullets(c.drivers)]
    parts += [f"### {inline(cv.TIMELINE_HEADING)}", inline(c.timeline_headline)]
    if c.warnings:
        parts.append(_bullets([f"Let op: {w}" for w in c.warnings]))
    parts += [table(c.timeline_table.header, c.timeline_table.rows),
              f"### {inline(cv.AMOUNTS_HEADING)}", inline(c.note),
              table(c.amounts_table.header, c.amounts_table.rows)]
    return "\n\n".join(parts)


def _procurement(r: Report) -> str:
    """Bouwstenen voor de inkoop (issue 26): the price check and every block with its basis."""
    p = r.procurement
    assert p is not None
    parts = [f"## {inline(r.annex('procurement'))}", *[inline(line) for line in p.intro],
             _bullets(p.price_lines)]
    for title, rows in p.groups:
        parts += [f"### {inline(title)}", *([inline(p.buying[title])] if title in p.buying else []),
                  table(p.columns, rows)]
    return "\n\n".join(parts)


def _back(r: Report) -> str:
    """Appendices: the answers, the pilot examples, the sources, the abbreviations; then the colophon."""
    t = r.texts
    parts = [f"## {inline(r.annex('profile'))}", _profiletable(r), f"## {inline(r.annex('examples'))}"]
    if r.examples:
        parts.append(inline(t.examples_intro))
        parts.append("\n".join(
            f"- **{inline(x.title)}** ({inline(', '.join(x.municipalities))}): {inline('; '.join(x.relates_to))}"
            for x in r.examples
        ))
    else:
        parts.append(inline(t.no_examples))
    parts += _assumptions(r)
    parts += [f"## {inline(r.annex('sources'))}", inline(t.sources_intro)]
    for group in r.sources:
        if group.heading:
            parts.append(f"**{inline(group.heading)}**")
        items = []
        for s in group.items:
            item = "- " + inline(s.title)
            item += "".join(f"\n  - {inline(d)}" for d in s.details)
            items.append(item)
        parts.append("\n".join(items))
    if r.abbreviations:
        parts += [f"## {inline(r.annex('abbreviations'))}", inline(t.abbreviations_intro),
                  table(t.abbreviations_columns, [list(row) for row in r.abbreviations])]
    parts += ["---", f"**{inline(t.colophon_heading)}**", inline(r.colophon)]
    return "\n\n".join(parts)


def _assumptions(r: Report) -> list[str]:
    """The register of the keuzehulp's own assumptions, each with why, numbers and users."""
    if not r.assumptions:
        return []
    t = basis_texts()
    parts = [f"## {inline(r.annex('assumptions'))}", inline(t.assumptions_intro)]
    for a in r.assumptions:
        lines = [f"**{inline(a.title)}** ({inline(a.id)})", "",
                 f"- {inline(t.assumption_says_label)}: {inline(a.says)}"]
        if a.why:
            lines.append(f"- {inline(t.assumption_why_label)}: {inline(a.why)}")
        if a.numbers:
            lines.append(f"- {inline(t.assumption_numbers_label)}: {inline('; '.join(a.numbers))}")
        lines.append(f"- {inline(t.assumption_changed_by_label)}: {inline('; '.join(a.changed_by))}")
        if a.rules:
            lines.append(f"- {inline(t.assumption_used_by_label)}: {inline(', '.join(a.rules))}")
        parts.append("\n".join(lines))
    return parts


def _decision_points(r: Report) -> list[str]:
    """Page 1: per decision advice, team choice and reason (≠ where they differ); the actions."""
    t = r.texts
    parts = [f"## {inline(t.decisions_heading)}", inline(t.decisions_intro),
             table(t.decisions_columns, r.decision_rows()), f"### {inline(t.actions_heading)}"]
    if r.actions:
        parts.append(table(t.actions_columns, r.action_rows()))
    else:
        parts.append(inline(t.no_actions))
    return parts


def _scenario_and_costs(r: Report) -> list[str]:
    """Page 1 under the title: the scenario and costs and lead time in one line (issue 24)."""
    lines = [inline(r.scenario)] if r.scenario else []
    if r.costs is not None and r.costs.summary:
        lines.append(f"**{inline(r.texts.costs_line_label)}:** {inline(r.costs.summary)}")
    if r.procurement is not None:
        lines.append(f"**{inline(r.procurement.label)}:** {inline(r.procurement_line())}")
    return ["  \n".join(lines)] if lines else []


def blocks(r: Report) -> list[Block]:
    """The report as Markdown blocks; HTML wraps each in its own section (page breaks)."""
    t = r.texts
    front = [
        f"# {user(r.title)}",
        inline(t.date_line.format(date=r.date_text)),
        *_scenario_and_costs(r),
        *_decision_points(r),
        f"### {inline(t.participants_heading)}",
        table(t.participants_columns, r.participants) if r.participants else inline(t.no_participants),
        *([f"### {inline(t.votes_heading)}", *[inline(line) for line in r.workshop]] if r.workshop else []),
    ]
    out: list[Block] = [("front", "\n\n".join(front))]
    out.append(("guide", "\n\n".join([f"## {inline(t.reading_guide_heading)}",
                                         *[inline(p) for p in r.reading_guide]])))
    out.append(("choices", _choices(r)))
    out.append(("question", _elements_annex(r)))
    if r.costs is not None:
        out.append(("costs", _costs(r)))
    if r.procurement is not None:
        out.append(("procurement", _procurement(r)))
    if r.scenarios or r.scenario_table:
        out.append(("comparison", _comparison(r)))
    out.append(("back", _back(r)))
    return out


def render_md(r: Report) -> bytes:
    return ("\n\n".join(text for _, text in blocks(r)) + "\n").encode("utf-8")
