"""PDF with fpdf2 (pure Python): A4, DejaVu Sans for every Dutch character, page numbers,
headings with bookmarks, real tables. A question starts on a new page unless most of the
page is still free (short questions such as q1 would otherwise leave empty pages).

The font ships with the package (keuzehulp/report/fonts/, Bitstream Vera licence), so the
PDF looks the same on a Windows laptop as on a Debian server; see docs/REPORTS.md. Characters
DejaVu lacks: Ethiopic from a bundled Noto subset, the rest a visible "[teken]" (pdftext.py).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, time
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from keuzehulp.costs import view as cv
from keuzehulp.knowledge.provenance import texts as basis_texts

from .model import DecisionPart, ElementPart, QuestionPart, ReasonPart, Report
from .pdftext import covered, pdf_safe, right_to_left

FONT_DIRS = (
    Path(__file__).resolve().parent / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian/Ubuntu: fonts-dejavu-core
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
# Fallback for what DejaVu lacks: the Ethiopic script of Tigrinya and Amharic names (a subset
# of Noto Sans Ethiopic, OFL; regular only, also for bold, to keep the package small).
FALLBACK_FILE = FONT_DIRS[0] / "NotoSansEthiopic-Regular.ttf"
FALLBACK_FAMILY = "NotoEthiopic"
BLUE = (21, 66, 115)
GREY = (80, 80, 80)
# Page-count placeholder: nothing a user types is likely to contain it (fpdf2's default "{nb}"
# is something a user could type, and would then be replaced by the page count).
NB_ALIAS = "{{keuzehulp-aantal-paginas}}"


class FontMissingError(RuntimeError):
    """The PDF font is missing; the message is Dutch and says how to fix it."""


def font_paths() -> dict[str, Path]:
    for folder in FONT_DIRS:
        paths = {style: folder / name for style, name in FONT_FILES.items()}
        if all(p.is_file() for p in paths.values()):
            return paths
    raise FontMissingError(
        "Het lettertype DejaVu Sans ontbreekt, dus de PDF kan niet worden gemaakt. "
        f"Zet DejaVuSans.ttf en DejaVuSans-Bold.ttf terug in {FONT_DIRS[0]} "
        "of installeer het pakket fonts-dejavu-core. Word, HTML en Markdown werken wel."
    )


class _Pdf(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(format="A4", unit="mm")
        self.report = report
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        paths = font_paths()
        for style, path in paths.items():
            self.add_font(FAMILY, style, str(path))
        fallback: tuple[str, ...] = ()
        if FALLBACK_FILE.is_file():
            for style in paths:
                self.add_font(FALLBACK_FAMILY, style, str(FALLBACK_FILE))
            self.set_fallback_fonts([FALLBACK_FAMILY], exact_match=False)
            fallback = (str(FALLBACK_FILE),)
        have = covered(tuple(str(p) for p in paths.values()), fallback)
        # fpdf2 measures the same words many times while wrapping lines: prepare each text once.
        self._prepare = lru_cache(maxsize=4096)(lambda text: (pdf_safe(text, have), right_to_left(text)))
        self.alias_nb_pages(NB_ALIAS)

    def normalize_text(self, text: str) -> str:
        """Every text passes here before it is laid out: characters no font has become
        "[teken]" (no English warning on the console), and right-to-left text is shaped."""
        text, rtl = self._prepare(text)
        if rtl != bool(self.text_shaping):
            self.set_text_shaping(rtl)
        return super().normalize_text(text)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        page = self.report.texts.page_label.format(page=self.page_no(), pages=NB_ALIAS)
        self.cell(self.epw - 30, 5, self.report.footer, align="L")
        # Left-aligned in a fixed slot: the page count is filled in after layout, so a
        # right alignment would be computed on the placeholder's width.
        self.set_x(self.l_margin + self.epw - 27)
        self.cell(27, 5, page, align="L")
        self.set_text_color(0, 0, 0)

    # --- building blocks -----------------------------------------------------------------
    def heading(self, text: str, level: int) -> None:
        size = {0: 18, 1: 14, 2: 11.5}[level]
        if level > 0 and self.will_page_break(size + 22):
            self.add_page()
        self.ln({0: 0, 1: 4, 2: 3}[level])
        self.start_section(text, level=level)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*(BLUE if level < 2 else (0, 0, 0)))
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        if level == 1:
            self.set_draw_color(*BLUE)
            self.set_line_width(0.5)
            self.line(self.l_margin, self.get_y() + 0.8, self.l_margin + self.epw, self.get_y() + 0.8)
            self.ln(2)
        self.set_text_color(0, 0, 0)
        self.ln(1.5)

    def para(self, text: str, label: str = "", muted: bool = False, indent: float = 0) -> None:
        self.set_text_color(*(GREY if muted else (0, 0, 0)))
        if label:
            # write() wraps to the left margin: move it in, so wrapped lines keep the indent.
            margin = self.l_margin
            self.set_left_margin(margin + indent)
            self.set_x(margin + indent)
            self.set_font(FAMILY, "B", 10)
            self.write(5, f"{label}: ")
            self.set_font(FAMILY, "", 10)
            self.write(5, text)
            self.ln(5)
            self.set_left_margin(margin)
        else:
            self.set_x(self.l_margin + indent)
            self.set_font(FAMILY, "", 10)
            self.multi_cell(self.epw - indent, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_text_color(0, 0, 0)
        self.ln(1.2)

    def bullet_height(self, item: str, indent: float = 0) -> float:
        """How tall one bullet will be (its lines estimated from its width: no second layout)."""
        self.set_font(FAMILY, "", 10)
        width = self.epw - indent - 5
        return 5.6 * math.ceil(self.get_string_width(item) / (width - 3))

    def label(self, text: str, keep: float = 7) -> None:
        """A bold label, on the same page as the first `keep` mm of what follows it."""
        if self.will_page_break(5 + keep):
            self.add_page()
        self.set_font(FAMILY, "B", 10)
        self.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def bullet(self, text: str, indent: float, mark: str) -> None:
        """One item: its mark, and its text wrapped beside it (in the current font)."""
        self.set_x(self.l_margin + indent)
        self.cell(5, 5, mark)
        self.multi_cell(self.epw - indent - 5, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def bullets(self, items: list[str], indent: float = 0, mark: str = "•") -> None:
        for item in items:
            # bullet_height also sets the bullets' font.
            if self.will_page_break(self.bullet_height(item, indent)):  # one item, one page
                self.add_page()
            self.bullet(item, indent, mark)
            self.ln(0.6)
        self.ln(1)

    def labelled_list(self, label: str, items: list[str]) -> None:
        if items:
            self.label(label, keep=self.bullet_height(items[0], 2))
            self.bullets(items, indent=2)

    def reason_height(self, item: ReasonPart, indent: float = 2) -> float:
        """A reason and its grey basis line (8.5 pt, 4.2 mm lines) together."""
        height = self.bullet_height(item.text, indent) + 0.8
        if item.basis_line:
            self.set_font(FAMILY, "", 8.5)
            width = self.epw - indent - 5
            height += 4.2 * math.ceil(self.get_string_width(item.basis_line) / (width - 3))
        return height

    def reasons(self, items: list[ReasonPart], indent: float = 2, mark: str = "•") -> None:
        """Bullets, each followed by what it rests on in smaller grey text (never split apart)."""
        width = self.epw - indent - 5
        for item in items:
            height = self.reason_height(item, indent)
            if self.will_page_break(height):
                self.add_page()
            self.set_font(FAMILY, "", 10)
            self.bullet(item.text, indent, mark)
            if item.basis_line:
                self.set_font(FAMILY, "", 8.5)
                self.set_text_color(*GREY)
                self.set_x(self.l_margin + indent + 5)
                self.multi_cell(width, 4.2, item.basis_line, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
                self.set_text_color(0, 0, 0)
            self.ln(0.8)
        self.ln(1)

    def labelled_reasons(self, label: str, items: list[ReasonPart]) -> None:
        if items:
            self.label(label, keep=self.reason_height(items[0], 2))
            self.reasons(items, indent=2)

    def grid(self, header: list[str], rows: list[list[str]] | list[tuple[str, str]],
             widths: tuple[float, ...] | None = None, keep: float = 0) -> None:
        if keep and self.will_page_break(keep):
            self.add_page()  # a short table stays on one page
        self.set_font(FAMILY, "", 9.5)
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        heading = FontFace(emphasis="BOLD", fill_color=(232, 238, 245))
        with self.table(col_widths=widths, text_align="LEFT", v_align="TOP", line_height=4.8,
                        headings_style=heading, padding=1.5, repeat_headings=1) as table:
            for row in [header, *rows]:
                cells = table.row()
                for text in row:
                    cells.cell(text)
        self.ln(3)


def _decision(pdf: _Pdf, d: DecisionPart, r: Report) -> None:
    t = r.texts
    pdf.heading(d.title, 2)
    pdf.para(d.choice, label=t.advice_label)
    pdf.para(d.strength, label=t.strength_label)
    pdf.labelled_reasons(t.reasons_for_label, d.reasons_for)
    pdf.labelled_reasons(t.reasons_against_label, d.reasons_against)
    pdf.labelled_list(t.flips_label, d.flips or [t.no_flips])
    if d.examples:
        pdf.para("; ".join(d.examples), label=t.decision_examples_label)
    if d.sources:
        pdf.para("; ".join(d.sources), label=t.decision_sources_label)
    if d.votes is not None:  # the room's votes: apart from the advice and the team's choice
        pdf.para(d.votes.summary, label=t.votes_label)
        pdf.para(d.votes.spread, indent=3)
        if d.votes.split:
            pdf.para(t.votes_split, indent=3)
        pdf.labelled_list(t.votes_reasons_label, d.votes.reasons)
    # The team's own choice beside a gold bar, so it never reads as the tool's advice.
    if pdf.will_page_break(16):
        pdf.add_page()
    y, page = pdf.get_y(), pdf.page
    pdf.ln(1)
    pdf.para(d.team.choice or t.team_undecided, label=t.team_label, muted=not d.team.choice, indent=3)
    if d.team.differs:
        pdf.para(t.team_differs, muted=True, indent=3)
    for i, line in enumerate(d.team.reason):
        pdf.para(line, label=t.team_reason_label if i == 0 else "", indent=3)
    _team_bar(pdf, y, page)
    pdf.ln(2)


def _team_bar(pdf: _Pdf, y: float, page: int | None = None, x: float = 0) -> None:
    """A gold bar left of the team's own input (from y down), on the current page."""
    if page is not None and page != pdf.page:
        y = pdf.t_margin  # a long text ran onto a new page: mark at least its last part
    if pdf.get_y() > y:
        pdf.set_draw_color(176, 141, 60)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin + x + 0.5, y + 0.5, pdf.l_margin + x + 0.5, pdf.get_y() - 1)


def _element(pdf: _Pdf, e: ElementPart, r: Report) -> None:
    if pdf.will_page_break(22):
        pdf.add_page()
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(6, 5, "☐")
    pdf.multi_cell(pdf.epw - 6, 5, f"{e.title} ({e.priority})", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    if e.votes:
        pdf.para(e.votes, indent=6)
    for label, items in ((r.texts.element_reasons_label, e.reasons), (r.texts.element_actions_label, e.actions)):
        if not items:
            continue
        if pdf.will_page_break(5 + pdf.reason_height(items[0], 8)):
            pdf.add_page()  # "Waarom:" / "Wat kunt u doen:" stays with its first item
        pdf.set_x(pdf.l_margin + 6)
        pdf.set_font(FAMILY, "B", 10)
        pdf.cell(0, 5, f"{label}:", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.reasons(items, indent=8, mark="–")
    if e.team_action:
        a, t = e.team_action, r.texts
        extra = " · ".join(f"{label}: {value}" for label, value in
                           ((t.action_owner_label, a.owner), (t.action_due_label, a.due)) if value)
        y, page = pdf.get_y(), pdf.page
        pdf.para(" · ".join(x for x in (a.action, extra) if x), label=t.team_action_label, indent=9)
        _team_bar(pdf, y, page, x=6)
    pdf.ln(1.5)


def _new_part(pdf: _Pdf) -> None:
    """A question starts on a new page unless most of this page is still free."""
    if pdf.will_page_break(pdf.eph * 0.45):
        pdf.add_page()
    else:
        pdf.ln(8)


def _question(pdf: _Pdf, q: QuestionPart, r: Report) -> None:
    t = r.texts
    _new_part(pdf)
    pdf.heading(q.heading, 1)
    for d in q.decisions:
        _decision(pdf, d, r)
    if q.group_formation:
        pdf.heading(t.group_formation_heading, 2)
        pdf.para(t.group_formation_intro)
        pdf.para(q.group_formation)
    if q.elements:
        pdf.heading(t.elements_heading, 2)
        for e in q.elements:
            _element(pdf, e, r)
    if q.notes:
        pdf.heading(t.notes_heading, 2)
        y, page = pdf.get_y(), pdf.page
        for note in q.notes:
            if pdf.will_page_break(7):
                _team_bar(pdf, y, page)
                pdf.add_page()
                y, page = pdf.get_y(), pdf.page
            pdf.para(note, indent=3)
        _team_bar(pdf, y, page)


def _decision_points(pdf: _Pdf, r: Report) -> None:
    """Page 1: per decision advice, team choice and reason (≠ where they differ); the actions."""
    t = r.texts
    pdf.heading(t.decisions_heading, 1)
    pdf.para(t.decisions_intro)
    pdf.grid(t.decisions_columns, r.decision_rows(), widths=(3, 3, 3, 4))
    pdf.heading(t.actions_heading, 2)
    if r.actions:
        pdf.grid(t.actions_columns, r.action_rows(), widths=(3, 5, 2, 2))
    else:
        pdf.para(t.no_actions)
    pdf.heading(t.participants_heading, 2)
    if r.participants:
        pdf.grid(t.participants_columns, r.participants, widths=(1, 1), keep=8 * (len(r.participants) + 1))
    else:
        pdf.para(t.no_participants)
    if r.workshop:
        pdf.heading(t.votes_heading, 2)
        for line in r.workshop:
            pdf.para(line)


def _costs(pdf: _Pdf, r: Report) -> None:
    """Kosten en doorlooptijd (issue 12)."""
    c = r.costs
    assert c is not None
    _new_part(pdf)
    pdf.heading(cv.REPORT_HEADING, 1)
    pdf.para(cv.REPORT_INTRO)
    pdf.heading(cv.COST_HEADING, 2)
    for line in (c.headline, c.volumes, c.training):
        if line:
            pdf.para(line)
    pdf.grid(c.cost_table.header, c.cost_table.rows, keep=6 * len(c.cost_table.rows) + 12)
    if c.money_table is not None:
        pdf.heading(cv.MONEY_HEADING, 2)
        pdf.grid(c.money_table.header, c.money_table.rows, keep=6 * len(c.money_table.rows) + 12)
    if c.drivers:
        pdf.heading(cv.DRIVERS_HEADING, 2)
        pdf.bullets(c.drivers)
    pdf.heading(cv.TIMELINE_HEADING, 2)
    pdf.para(c.timeline_headline)
    if c.warnings:
        pdf.bullets([f"Let op: {w}" for w in c.warnings])
    pdf.grid(c.timeline_table.header, c.timeline_table.rows, keep=6 * len(c.timeline_table.rows) + 12)
    pdf.heading(cv.AMOUNTS_HEADING, 2)
    pdf.para(c.note)
    pdf.grid(c.amounts_table.header, c.amounts_table.rows)


def _comparison(pdf: _Pdf, r: Report) -> None:
    t = r.texts
    _new_part(pdf)
    if pdf.will_page_break(16 * len(r.scenario_table) + 30):
        pdf.add_page()  # heading, intro and comparison table together
    pdf.heading(t.scenarios_heading, 1)
    pdf.para(t.scenarios_intro)
    pdf.grid(r.scenario_table[0], r.scenario_table[1:], keep=16 * len(r.scenario_table))
    for s in r.scenarios:
        pdf.heading(t.scenario_heading.format(name=s.name), 2)
        pdf.labelled_list(t.scenario_differences_label, s.differences)
        if not s.differences:
            pdf.para(t.scenario_no_differences)
        pdf.labelled_list(t.advice_label, s.choices)
        pdf.para(s.group_formation)
        pdf.labelled_list(t.scenario_essential_label, s.essential)


def _back(pdf: _Pdf, r: Report) -> None:
    """Appendices: the answers, the pilot examples, the sources, the abbreviations; then the colophon."""
    t = r.texts
    _new_part(pdf)
    pdf.heading(t.profile_heading, 1)
    pdf.grid(t.profile_columns, r.profile, widths=(3, 2))
    pdf.heading(t.examples_heading, 1)
    if r.examples:
        pdf.para(t.examples_intro)
        pdf.bullets([f"{x.title} ({', '.join(x.municipalities)}): {'; '.join(x.relates_to)}"
                     for x in r.examples])
    else:
        pdf.para(t.no_examples)
    if r.assumptions:
        bt = basis_texts()
        pdf.heading(bt.assumptions_heading, 1)
        pdf.para(bt.assumptions_intro)
        for a in r.assumptions:
            pdf.label(f"{a.title} ({a.id})", keep=20)
            pdf.para(a.says, label=bt.assumption_says_label, indent=2)
            if a.why:
                pdf.para(a.why, label=bt.assumption_why_label, indent=2)
            if a.numbers:
                pdf.para("; ".join(a.numbers), label=bt.assumption_numbers_label, indent=2)
            pdf.para("; ".join(a.changed_by), label=bt.assumption_changed_by_label, indent=2)
            if a.rules:
                pdf.para(", ".join(a.rules), label=bt.assumption_used_by_label, indent=2, muted=True)
    pdf.heading(t.sources_heading, 1)
    pdf.para(t.sources_intro)
    for group in r.sources:
        if group.heading:
            pdf.label(group.heading)
        for s in group.items:
            text = s.title
            pdf.bullets([text])
            if s.details:
                pdf.bullets(s.details, indent=6, mark="–")
    if r.abbreviations:
        pdf.heading(t.abbreviations_heading, 1)
        pdf.para(t.abbreviations_intro)
        pdf.grid(t.abbreviations_columns, r.abbreviations, widths=(1, 3))
    pdf.heading(t.colophon_heading, 2)
    pdf.para(r.colophon, muted=True)


def render_pdf(r: Report) -> bytes:
    t = r.texts
    pdf = _Pdf(r)
    pdf.set_title(r.title)
    pdf.set_lang("nl-NL")
    pdf.set_author(t.tool_name)
    pdf.set_creator(t.tool_name)
    pdf.set_subject(t.title)
    pdf.set_keywords(t.metadata_keywords.format(rules_date=r.rules_date, rules_version=r.rules_version))
    pdf.set_creation_date(datetime.combine(r.date, time(12), tzinfo=UTC))
    pdf.add_page()
    pdf.heading(r.title, 0)
    pdf.para(t.date_line.format(date=r.date_text), muted=True)
    _decision_points(pdf, r)
    pdf.add_page()
    pdf.heading(t.reading_guide_heading, 1)
    for paragraph in r.reading_guide:
        pdf.para(paragraph)
    for q in r.questions:
        _question(pdf, q, r)
    if r.costs is not None:
        _costs(pdf, r)
    if r.scenario_table:
        _comparison(pdf, r)
    _back(pdf, r)
    return bytes(pdf.output())
