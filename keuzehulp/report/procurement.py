"""The building blocks for procurement as downloads (issue 26): JSON (the Procurement itself,
DOMAIN.md), Markdown, an editable Word file "Bouwstenen programma van eisen" and PDF. Every
block carries the line that says what it rests on, as every reason in the choice summary does
(basis.reason_part). Words from texts/procurement.yaml."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Reason
from keuzehulp.dutch.dates import dutch_date
from keuzehulp.procurement.content import DEELPRODUCTEN
from keuzehulp.procurement.derive import BuildingBlock, Procurement
from keuzehulp.procurement.texts import texts

from .as_md import assumption_entry, inline, table, user
from .basis import assumption_parts, basis_texts, reason_part
from .docxparts import assumption_entry as word_assumption_entry
from .docxparts import link_to_assumption
from .docxrows import docx_bytes, set_widths
from .model import AssumptionPart, ReasonPart
from .pdfdoc import PlainPdf
from .plain import slug
from .sources import knowledge_or_none

FORMATS = ("json", "md", "docx", "pdf")
MIME = {"json": "application/json", "md": "text/markdown",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf"}


def filename(fmt: str, p: Procurement, today: date) -> str:
    name = slug(p.municipality, 40)
    return f"bouwstenen-inkoop{'-' + name if name else ''}-{today.isoformat()}.{fmt}"


def part_of(block: BuildingBlock, kb: Any) -> ReasonPart:
    """The block as a reason: its text and the line that says what it rests on."""
    return reason_part(Reason(text=block.text, basis=block.basis, passage=block.passage,
                              sources=block.sources, assumption=block.assumption, rule=block.id), kb)


def _choice(p: Procurement) -> list[tuple[str, str]]:
    t, lab = texts(), labels()
    return [(lab.decisions[c.decision].title, f"{lab.decisions[c.decision].options[c.choice]} "
             f"({t.choice_source[c.source]})") for c in p.design]


def groups(p: Procurement) -> list[tuple[str, list[BuildingBlock]]]:
    t = texts()
    return [(t.deelproducten[d], [b for b in p.blocks if b.deelproduct == d])
            for d in [*DEELPRODUCTEN[1:], DEELPRODUCTEN[0]] if any(b.deelproduct == d for b in p.blocks)]


def who_buys(p: Procurement, title: str) -> str | None:
    """In a region: the line that says at which scale the deelproduct titled `title` is bought and
    who buys it (None outside a region, and for the procurement itself)."""
    t = texts()
    return next((b.text for b in p.buying if t.deelproducten[b.deelproduct] == title), None)


def region_intro(p: Procurement) -> tuple[str, str] | None:
    """In a region: the section's title and its introduction."""
    if p.region is None:
        return None
    t = texts().region
    return (t.title.format(region=p.region),
            " ".join(t.intro.format(region=p.region, municipality=p.municipality).split()))


def follows(block: BuildingBlock) -> str:
    lab, t = labels(), texts()
    words = []
    for name in block.follows_from:
        if name in lab.decisions:
            words.append(lab.decisions[name].title)
        elif name in lab.elements:
            words.append(lab.elements[name])
        elif name in t.names:
            words.append(t.names[name])
        elif name in lab.fields:
            words.append(lab.field(name))
        else:
            words.append(name)
    return ", ".join(words)


def cited(p: Procurement) -> list[AssumptionPart]:
    """The assumptions the blocks rest on, in the register's order: their entries end the
    download, so that 'zie Aannames van de keuzehulp' points to something in it."""
    return assumption_parts({b.assumption for b in p.blocks if b.assumption})


def render_json(p: Procurement, today: date) -> bytes:
    return (json.dumps(p.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_md(p: Procurement, today: date) -> bytes:
    t, kb = texts(), knowledge_or_none()
    out = [f"# {inline(t.title)}" + (f": {user(p.municipality)}" if p.municipality else ""), "",
           inline(t.intro), "", f"*{inline(t.disclaimer)}*", "", f"Gemaakt op {dutch_date(today)}.", "",
           f"## {inline(t.design)}", "", table(["Keuze", "Wat"], _choice(p)), ""]
    out += [f"> {inline(n)}" for n in p.notes] + ([""] if p.notes else [])
    if (intro := region_intro(p)) is not None:
        out += [f"## {user(intro[0])}", "", user(intro[1]), ""]  # names as typed: no links
    out += [f"## {inline(t.prices_title)}", ""] + [f"- {'**Let op:** ' if c.below else ''}{inline(c.text)}"
                                                   for c in p.prices] + [""]
    for title, blocks in groups(p):
        out += [f"## {inline(title)}", ""]
        if (line := who_buys(p, title)) is not None:
            out += [f"**{inline(t.region.column)}:** {user(line)}", ""]
        for b in blocks:
            part = part_of(b, kb)
            out.append(f"- **{inline(t.kinds[b.kind])}:** {inline(b.text)}")
            out.append(f"  - {inline(part.basis_line)}")
            if b.follows_from:
                out.append(f"  - {inline(t.follows_from)}: {inline(follows(b))}")
        out.append("")
    if parts := cited(p):
        bt = basis_texts()
        out += [f"## {inline(bt.assumptions_heading)}", "", inline(bt.assumptions_intro), ""]
        for a in parts:
            out += assumption_entry(a)
    return "\n".join(out).encode("utf-8")


def render_docx(p: Procurement, today: date) -> bytes:
    t, kb = texts(), knowledge_or_none()
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(2)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(t.title + (f": {p.municipality}" if p.municipality else ""), level=0)
    doc.add_paragraph(t.intro)
    doc.add_paragraph().add_run(t.disclaimer).italic = True
    doc.add_paragraph(f"Gemaakt op {dutch_date(today)}.")
    doc.add_heading(t.design, level=1)
    for decision, what in _choice(p):
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(f"{decision}: ").bold = True
        para.add_run(what)
    for note in p.notes:
        doc.add_paragraph().add_run(note).italic = True
    if (intro := region_intro(p)) is not None:
        doc.add_heading(intro[0], level=1)
        doc.add_paragraph(intro[1])
    doc.add_heading(t.prices_title, level=1)
    for check in p.prices:
        para = doc.add_paragraph(style="List Bullet")
        if check.below:
            para.add_run("Let op: ").bold = True
        para.add_run(check.text)
    widths = (Cm(3.0), Cm(9.0), Cm(5.0))
    for title, blocks in groups(p):
        doc.add_heading(title, level=1)
        if (line := who_buys(p, title)) is not None:
            para = doc.add_paragraph()
            para.add_run(f"{t.region.column}: ").bold = True
            para.add_run(line)
        grid = doc.add_table(rows=1, cols=3)
        grid.style = "Table Grid"
        grid.autofit = False
        for cell, head in zip(grid.rows[0].cells, ("Soort", "Bouwsteen", t.basis), strict=True):
            cell.text = head
            cell.paragraphs[0].runs[0].bold = True
        for b in blocks:
            part = part_of(b, kb)
            row = grid.add_row().cells
            row[0].text = t.kinds[b.kind]
            row[1].text = b.text
            if b.follows_from:
                row[1].add_paragraph().add_run(f"{t.follows_from}: {follows(b)}").italic = True
            row[2].text = ""
            run = row[2].paragraphs[0].add_run(part.basis_line)
            if part.assumption:
                link_to_assumption(run, part.assumption)
        set_widths(grid, list(widths))  # Word reads the cells' widths, LibreOffice the grid
    if parts := cited(p):
        bt = basis_texts()
        doc.add_heading(bt.assumptions_heading, level=1)
        doc.add_paragraph(bt.assumptions_intro)
        for a in parts:
            word_assumption_entry(doc, a)
    return docx_bytes(doc)


def render_pdf(p: Procurement, today: date) -> bytes:
    t, kb = texts(), knowledge_or_none()
    pdf = PlainPdf()
    pdf.add_page()
    pdf.para(t.title + (f": {p.municipality}" if p.municipality else ""), 18, "B", 3)
    pdf.para(t.intro)
    pdf.para(t.disclaimer, 10, "", 1.5)
    pdf.para(f"Gemaakt op {dutch_date(today)}.", 9)
    pdf.para(t.design, 13, "B")
    for decision, what in _choice(p):
        pdf.para(f"• {decision}: {what}", 10, "", 0.5)
    for note in p.notes:
        pdf.para(note, 9.5)
    if (intro := region_intro(p)) is not None:
        pdf.para(intro[0], 13, "B")
        pdf.para(intro[1])
    pdf.para(t.prices_title, 13, "B")
    for check in p.prices:
        pdf.para(("Let op: " if check.below else "") + check.text, 10, "B" if check.below else "", 1)
    for title, blocks in groups(p):
        pdf.para(title, 13, "B")
        if (line := who_buys(p, title)) is not None:
            pdf.para(f"{t.region.column}: {line}", 10, "B", 1)
        for b in blocks:
            part = part_of(b, kb)
            pdf.para(f"{t.kinds[b.kind]}: {b.text}", 10, "", 0.5)
            pdf.para(part.basis_line, 8.5, "", 2, assumption=part.assumption)
    bt = basis_texts()
    pdf.assumptions(bt.assumptions_heading, bt.assumptions_intro, cited(p))
    return bytes(pdf.output())


RENDER: dict[str, Callable[[Procurement, date], bytes]] = {
    "json": render_json, "md": render_md, "docx": render_docx, "pdf": render_pdf}


def render(fmt: str, p: Procurement, today: date) -> bytes:
    return RENDER[fmt](p, today)
