"""The regional summary (issue 25) as JSON (the RegionView itself, DOMAIN.md's region output),
Markdown, Word and PDF. Page 1: the shared arrangements per deelproduct (scale, lead, who
joins); then each municipality's deviations and actions with owners; then why (the reasons per
deelproduct with their basis, group formation per scale), the differences between the
municipalities' own advice, and the costs. With a regional workshop's recorded votes, their
spread within and between the municipalities follows the municipalities' part. One document model (`document`) feeds every format,
so a figure reads the same in each. Words from texts/region.yaml."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from keuzehulp.contract.labels import labels
from keuzehulp.dutch.dates import dutch_date
from keuzehulp.dutch.numbers import euro, format_whole_number
from keuzehulp.region.costs import RegionCosts
from keuzehulp.region.texts import texts
from keuzehulp.region.view import DeelproductView, RegionView
from keuzehulp.region.votes import DeelproductSpread, MunicipalitySpread

from .as_md import assumption_entry, inline, table
from .basis import assumption_parts, basis_texts, reason_part
from .docxparts import _reasons as reasons_list
from .docxparts import assumption_entry as word_assumption_entry
from .docxparts import word_table
from .docxrows import docx_bytes
from .pdfdoc import PlainPdf
from .plain import slug
from .sources import knowledge_or_none

FORMATS = ("json", "md", "docx", "pdf")
MIME = {"json": "application/json", "md": "text/markdown",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf"}
Block = tuple[str, Any]  # (kind, content): h0 h1 h2 p em bullets reasons assumption table break
MARGIN_MM = 20  # the Word summary's side margins
TEXT_WIDTH_MM = 210 - 2 * MARGIN_MM


def filename(fmt: str, view: RegionView, today: date) -> str:
    name = slug(view.region, 40)
    return f"regio{'-' + name if name else ''}-{today.isoformat()}.{fmt}"


def scale_word(d: DeelproductView) -> str:
    t = texts()
    word = t.scales[d.scale]
    if d.chosen_scale:
        word += f" ({t.chosen})"
        if d.chosen_scale != d.advised_scale:
            word += ". " + t.advised_differs.format(scale=t.scales[d.advised_scale])
    return word


def shared_rows(view: RegionView) -> list[list[str]]:
    """Page 1: per deelproduct the scale, the lead municipality and who joins."""
    t = texts()
    rows = []
    for d in view.deelproducten:
        joins = t.every_municipality if d.scale == "lokaal" else ", ".join(d.joins)
        rows.append([t.deelproducten[d.id], scale_word(d), d.lead or "", joins])
    return rows


def deviations(view: RegionView) -> dict[str, list[str]]:
    """Per municipality where she departs from the shared arrangements, or could."""
    t, lab = texts(), labels()
    out: dict[str, list[str]] = {m.municipality: [] for m in view.municipalities}
    for d in view.deelproducten:
        for name in d.not_joining:
            out[name].append(t.deviation_not_joining.format(deelproduct=t.deelproducten[d.id],
                                                            scale=t.scales[d.scale]))
        for name in d.alone_in_time:
            out[name].append(t.deviation_alone.format(deelproduct=t.deelproducten[d.id]))
    for diff in view.differences:
        common = Counter(diff.choices.values()).most_common(1)[0][0]
        for name, choice in diff.choices.items():
            if choice != common:
                out[name].append(t.deviation_advice.format(what=lab.decisions[diff.decision].title,
                                                           choice=lab.option(diff.decision, choice)))
    return out


def action_rows(view: RegionView, municipality: str | None) -> list[list[str]]:
    t = texts()
    return [[(t.deelproducten[a.deelproduct] + ": " if a.deelproduct else "") + a.action, a.owner,
             dutch_date(a.due) if a.due else ""] for a in view.actions if a.municipality == municipality]


def municipality_vote(m: MunicipalitySpread) -> str:
    """One municipality's votes on one deelproduct, in words: 'regionaal (2 van 3, meerderheid)'."""
    t = texts()
    if m.majority is None:
        if m.within == "none":
            return t.within["none"]
        return f"{t.within['split']} ({', '.join(f'{t.scales[s]} {n}' for s, n in m.counts.items())})"
    if m.within == "single":
        return f"{t.scales[m.majority]} ({t.within['single']})"
    return f"{t.votes_of.format(scale=t.scales[m.majority], votes=m.counts[m.majority], total=m.votes)}, " \
           f"{t.within[m.within]}"


def between_words(d: DeelproductSpread) -> str:
    """'≠ verschilt: regionaal: Aa, Bb; lokaal: Cc', or 'eens: regionaal', and who is split within."""
    t = texts()
    words = t.between[d.between]
    if d.between == "differ":
        words += ": " + "; ".join(f"{t.scales[s]}: {', '.join(ns)}" for s, ns in d.majorities.items())
    elif d.between == "agree":
        words += ": " + t.scales[next(iter(d.majorities))]
    if d.split_within:
        words += ". " + t.split_within.format(names=", ".join(d.split_within))
    return words


def vote_rows(view: RegionView) -> list[list[str]]:
    """Per deelproduct with votes: advice, the region's choice, each municipality's votes, between them."""
    t = texts()
    return [[t.deelproducten[d.id], t.scales[d.advised_scale], t.scales[d.chosen_scale] if d.chosen_scale else "",
             "; ".join(f"{m.municipality}: {municipality_vote(m)}" for m in d.municipalities), between_words(d)]
            for d in view.votes if d.votes]


def _vote_blocks(view: RegionView) -> list[Block]:
    if not view.votes:
        return []
    t = texts()
    c = t.votes_columns
    return [("h1", t.votes_title), ("p", t.votes_intro),
            ("table", ([c[k] for k in ("deelproduct", "advised", "chosen", "municipalities", "between")],
                       vote_rows(view)))]


def _cost_blocks(costs: RegionCosts | None) -> list[Block]:
    if costs is None:
        return []
    t = texts()
    out: list[Block] = [("h1", t.costs_title)]
    for s in costs.shared:
        out.append(("p", t.cost_shared.format(groups=s.groups_per_year, alone=s.alone_groups_per_year,
                                              cost=euro(s.cost_per_year), alone_cost=euro(s.alone_cost_per_year),
                                              key=t.cost_key[costs.key])))
    c = t.columns
    out.append(("table", ([c["municipality"], c["share"], c["shared"], c["rijk"]], [
        [m.municipality, f"{round(m.share * 100)}%", euro(m.shared_costs),
         euro(m.rijk_per_year) + ("" if m.rijk_complete else " *")] for m in costs.municipalities])))
    out.append(("p", t.cost_rijk))
    return out


def document(view: RegionView, today: date) -> list[Block]:
    t, kb = texts(), knowledge_or_none()
    c = t.columns
    out: list[Block] = [("h0", f"{t.title}: {view.region}"), ("p", t.intro), ("em", t.disclaimer),
                        ("p", f"Gemaakt op {dutch_date(today)}."), ("h1", t.shared_title),
                        ("table", ([c["deelproduct"], c["scale"], c["lead"], c["joins"]], shared_rows(view))),
                        ("break", None), ("h1", t.municipalities_title)]
    devs = deviations(view)
    for m in view.municipalities:
        out.append(("h2", f"{m.municipality} ({format_whole_number(m.annual_intake)} per jaar)"))
        out.append(("bullets", devs[m.municipality]) if devs[m.municipality] else ("p", t.no_deviations))
        rows = action_rows(view, m.municipality)
        out.append(("table", ([c["action"], c["owner"], c["due"]], rows)) if rows else ("em", t.no_actions))
    region_rows = action_rows(view, None)
    if region_rows:
        out += [("h2", t.region_wide), ("table", ([c["action"], c["owner"], c["due"]], region_rows))]
    out += _vote_blocks(view)
    out.append(("h1", t.scales_title))
    if view.route_mix_missing:
        out.append(("em", t.mix_missing.format(names=", ".join(view.route_mix_missing))))
    for d in view.deelproducten:
        out.append(("h2", f"{t.deelproducten[d.id]}: {scale_word(d)}"))
        out.append(("reasons", [reason_part(r, kb) for r in d.reasons]))
        if d.grouped:
            rows = []
            for scale, units in d.scales.items():
                if units is None:
                    rows.append([t.scales[scale], t.no_subregions if scale == "subregionaal" else t.not_computed])
                    continue
                rows.extend([t.scales[scale], f"{', '.join(u.members)}: {round(u.intake_per_year)} per jaar, "
                             f"{u.text} ({'binnen' if u.in_time else 'langer dan'} {u.max_wait_months} mnd)"]
                            for u in units)
            out.append(("table", ([c["scale"], c["groups"]], rows)))
    out.append(("h1", t.differences_title))
    if not view.differences:
        out.append(("p", t.no_differences))
    for diff in view.differences:
        out += [("p", diff.what), ("bullets", diff.why)]
    return out + _cost_blocks(view.costs) + _assumption_blocks(view)


# The assumptions the view rests on without a reason that names them: the time model, the shared
# norms of a group of municipalities and the split of its costs.
ALWAYS_USED = ("group-model", "region-shared-norms", "region-cost-split")


def _assumption_blocks(view: RegionView) -> list[Block]:
    used = set(ALWAYS_USED) | {r.assumption for d in view.deelproducten for r in d.reasons if r.assumption}
    if view.votes:
        used.add("region-vote-spread")
    return [("h1", basis_texts().assumptions_heading), *(("assumption", part) for part in assumption_parts(used))]


def render_json(view: RegionView, today: date) -> bytes:
    return (json.dumps(view.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_md(view: RegionView, today: date) -> bytes:
    out: list[str] = []
    for kind, content in document(view, today):
        if kind in ("h0", "h1", "h2"):
            out += [f"{'#' * (int(kind[1]) + 1)} {inline(content)}", ""]
        elif kind == "p":
            out += [inline(content), ""]
        elif kind == "em":
            out += [f"*{inline(content)}*", ""]
        elif kind == "bullets":
            out += [f"- {inline(item)}" for item in content] + [""]
        elif kind == "reasons":
            out += [f"- {inline(f'{r.text} ({r.basis_line})')}" for r in content] + [""]
        elif kind == "assumption":
            out += assumption_entry(content)
        elif kind == "table":
            out += [table(*content), ""]
        elif kind == "break":
            out += ["---", ""]
    return "\n".join(out).encode("utf-8")


def render_docx(view: RegionView, today: date) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    for kind, content in document(view, today):
        if kind in ("h0", "h1", "h2"):
            doc.add_heading(content, level=int(kind[1]))
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "em":
            doc.add_paragraph().add_run(content).italic = True
        elif kind == "bullets":
            for item in content:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "reasons":  # the basis on its own line; an assumption's links to its entry below
            reasons_list(doc, "", content)
        elif kind == "assumption":
            word_assumption_entry(doc, content)
        elif kind == "table":
            word_table(doc, *content, width_mm=TEXT_WIDTH_MM)  # widths from its own text: no word breaks
        elif kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return docx_bytes(doc)


def render_pdf(view: RegionView, today: date) -> bytes:
    pdf = PlainPdf()
    pdf.add_page()
    sizes = {"h0": 17, "h1": 13, "h2": 11}
    for kind, content in document(view, today):
        if kind in sizes:
            pdf.para(content, sizes[kind], "B", 2)
        elif kind == "p":
            pdf.para(content)
        elif kind == "em":
            pdf.para(content, 9.5)
        elif kind == "bullets":
            for item in content:
                pdf.para(f"• {item}", 9.5, "", 0.8)
            pdf.ln(1)
        elif kind == "reasons":
            pdf.reasons(content)
        elif kind == "assumption":
            pdf.assumption(content)
        elif kind == "table":
            pdf.grid(*content)
        elif kind == "break":
            pdf.add_page()
    return bytes(pdf.output())


RENDER: dict[str, Callable[[RegionView, date], bytes]] = {
    "json": render_json, "md": render_md, "docx": render_docx, "pdf": render_pdf}


def render(fmt: str, view: RegionView, today: date) -> bytes:
    return RENDER[fmt](view, today)
