"""The PDF document the choice summary is written on: A4, the embedded DejaVu fonts (with the
Ethiopic fallback), text measuring, headings, paragraphs, reasons with their basis and real
tables. as_pdf.py writes the report's sections on it; the comparison PDF and the other PDF
downloads use its fonts."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from .layout import column_widths
from .model import AssumptionPart, ReasonPart, Report
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


@lru_cache(maxsize=1)
def _measurer() -> FPDF:
    pdf = FPDF(unit="mm")
    for style, path in font_paths().items():
        pdf.add_font(FAMILY, style, str(path))
    return pdf


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in mm of a text in DejaVu Sans (also how Word tables are sized: as_docx.py)."""
    pdf = _measurer()
    pdf.set_font(FAMILY, "B" if bold else "", size)
    return pdf.get_string_width(text)


class _AssumptionLinks:
    """Links from a reason's or block's line to its assumption's entry, for both PDF writers."""

    _assumption_links: dict[str, int]  # assumption id -> link to its entry (set in __init__)

    def assumption_link(self, assumption: str) -> int:
        """The link to an assumption's entry (placed there by `assumption_here`)."""
        if assumption not in self._assumption_links:
            self._assumption_links[assumption] = self.add_link()  # type: ignore[attr-defined]
        return self._assumption_links[assumption]

    def assumption_here(self, assumption: str) -> None:
        """The entry of `assumption` starts here: links to it land on this line."""
        self.set_link(self.assumption_link(assumption), y=self.get_y(), page=self.page)  # type: ignore[attr-defined]

    def basis_below(self, item: ReasonPart, indent: float, width: float, text: str) -> None:
        """`text` (the item's basis line, made safe by the caller) small and grey under the item;
        an assumption's line links to its entry."""
        pdf: FPDF = self  # type: ignore[assignment]
        pdf.set_font(FAMILY, "", 8.5)
        pdf.set_text_color(*GREY)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width, 4.2, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L",
                       link=self.assumption_link(item.assumption) if item.assumption else "")
        pdf.set_text_color(0, 0, 0)


class _Pdf(_AssumptionLinks, FPDF):
    def __init__(self, report: Report, orientation: str = "P") -> None:
        super().__init__(orientation=orientation, format="A4", unit="mm")
        self.report = report
        self._assumption_links: dict[str, int] = {}  # assumption id -> link to its annex entry
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
        # One line (issue 24): the footer, then the page number right after it. The page count
        # is filled in after layout, so the number is not right-aligned on the placeholder.
        self.cell(self.get_string_width(self.report.footer + " · "), 5, self.report.footer + " · ", align="L")
        self.cell(30, 5, page, align="L")
        self.set_text_color(0, 0, 0)

    # --- building blocks -----------------------------------------------------------------
    def heading(self, text: str, level: int) -> None:
        size = {0: 18, 1: 14, 2: 11.5, 3: 10.5}[level]
        if level > 0 and self.will_page_break(size + 22):
            self.add_page()
        self.ln({0: 0, 1: 4, 2: 3, 3: 2}[level])
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

    def label(self, text: str, keep: float = 7, assumption: str = "") -> None:
        """A bold label, on the same page as the first `keep` mm of what follows it; with
        `assumption`, the place where links to that assumption's entry land."""
        if self.will_page_break(5 + keep):
            self.add_page()
        if assumption:
            self.assumption_here(assumption)
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
                self.basis_below(item, indent + 5, width, item.basis_line)
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
        if widths is None:  # per table, from its own words, so that no word breaks (issue 24)
            self.set_font(FAMILY, "B", 9.5)  # measured bold: the header is, and bold is wider
            widths = tuple(column_widths([header, *[list(r) for r in rows]], self.epw, self.get_string_width,
                                         padding=3.5))
            self.set_font(FAMILY, "", 9.5)
        with self.table(col_widths=widths, text_align="LEFT", v_align="TOP", line_height=4.8,
                        headings_style=heading, padding=1.5, repeat_headings=1) as table:
            for row in [header, *rows]:
                cells = table.row()
                for text in row:
                    cells.cell(text)
        self.ln(3)


class PlainPdf(_AssumptionLinks, FPDF):
    """A plain A4 document in the summary's fonts: paragraphs and simple tables, for the
    downloads that are lists rather than a report (the building blocks, the regional summary)."""

    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        paths = font_paths()
        for style, path in paths.items():
            self.add_font(FAMILY, style, str(path))
        self.have = covered(tuple(str(x) for x in paths.values()), ())
        self._assumption_links: dict[str, int] = {}

    def para(self, text: str, size: float = 10, style: str = "", gap: float = 1.5, assumption: str = "") -> None:
        """A paragraph; with `assumption`, a link to that assumption's entry."""
        self.set_font(FAMILY, style, size)
        self.multi_cell(0, size * 0.5, pdf_safe(text, self.have), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                        link=self.assumption_link(assumption) if assumption else "")
        self.ln(gap)

    def assumption(self, part: AssumptionPart) -> None:
        """One assumption's entry, the target of its links (on a new page if its heading would end this one)."""
        if self.will_page_break(12):
            self.add_page()
        self.assumption_here(part.id)
        self.para(f"{part.title} ({part.id})", 11, "B", 2)
        self.para(part.says)
        self.para(part.why, 9.5)

    def assumptions(self, heading: str, intro: str, parts: list[AssumptionPart]) -> None:
        """The entries of the assumptions a download cites, under a heading and an introduction."""
        if not parts:
            return
        self.para(heading, 13, "B")
        self.para(intro, 9.5)
        for part in parts:
            self.assumption(part)

    def reasons(self, items: list[ReasonPart]) -> None:
        """Reasons as bullets, each with its basis on a small grey line below; an assumption's
        line links to its entry."""
        for item in items:
            self.para(f"• {item.text}", 9.5, "", 0.3)
            if item.basis_line:
                self.basis_below(item, 3, self.epw - 3, pdf_safe(item.basis_line, self.have))
            self.ln(0.8)
        self.ln(1)

    def grid(self, header: list[str], rows: list[list[str]]) -> None:
        """A table whose widths come from its own words, so that no word breaks (as in the
        summary's tables; equal columns broke 'Werkgeversbenader/ing' in the regional summary)."""
        safe = [[pdf_safe(str(v), self.have) for v in row] for row in [header, *rows]]
        self.set_font(FAMILY, "B", 9)  # measured bold: the header is, and bold is wider
        widths = tuple(column_widths(safe, self.epw, self.get_string_width, padding=3.5))
        self.set_font(FAMILY, "", 9)
        with self.table(col_widths=widths, text_align="LEFT", v_align="TOP", line_height=4.5, padding=1.5) as grid:
            for i, row in enumerate([header, *rows]):
                cells = grid.row()
                for value in row:
                    if i == 0:
                        self.set_font(FAMILY, "B", 9)
                    cells.cell(pdf_safe(value, self.have))
                    self.set_font(FAMILY, "", 9)
        self.ln(2)
