"""The downloads: one registry of formats, one module per format.

    render("docx", advice, session, today) -> bytes
    filename("docx", profile, today) -> "keuzeoverzicht-lochem-2026-11-27.docx"
    render_comparison("docx", comparison, today) -> bytes  (the formats with `compare`)
    comparison_filename("docx", comparison, today) -> "vergelijking-lochem-2026-11-27.docx"

Every format of the choice summary renders from the same `Report` (build.py), so none has
content the others lack. The app and the CLI take labels, MIME types and extensions from
FORMATS; nothing else lists them.

May import: every wing of the engine below it (costs, rules, knowledge, workshop, contract,
dutch); never the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from keuzehulp.contract.schema import Advice, Profile, Session
from keuzehulp.dutch.dates import local_today

from .as_docx import render_docx
from .as_html import render_html
from .as_json import render_json
from .as_md import render_md
from .as_pdf import FontMissingError, render_pdf
from .build import build_report
from .comparison import comparison_docx, comparison_markdown, render_comparison_md
from .comparison import comparison_filename as _comparison_filename
from .comparison_pdf import comparison_pdf
from .model import Report
from .plain import slug

if TYPE_CHECKING:
    from keuzehulp.region.model import Region
    from keuzehulp.report.compare import Comparison


@dataclass(frozen=True)
class Format:
    name: str  # the registry key, also the CLI's --format value
    label: str  # Dutch, for a download button
    extension: str
    mime: str
    render: Callable[[Report], bytes]
    # The scenario comparison in this format, where there is one (Word, PDF and Markdown).
    compare: Callable[[Comparison, date | None], bytes] | None = None

    @property
    def is_text(self) -> bool:
        """Whether it can go to a terminal (the CLI writes the others only to a file)."""
        return self.mime.startswith("text/") or self.mime == "application/json"


# In the order of the download buttons (ui/wizard/advies.py); the CLI's --format choices.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("docx", "Word", "docx",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_docx,
               compare=comparison_docx),
        Format("pdf", "PDF", "pdf", "application/pdf", render_pdf, compare=comparison_pdf),
        Format("html", "HTML", "html", "text/html", render_html),
        Format("md", "Markdown", "md", "text/markdown", render_md, compare=render_comparison_md),
        Format("json", "JSON", "json", "application/json", render_json),
    )
}


def render(fmt: str, advice: Advice, session: Session | None = None, today: date | None = None,
           region: Region | None = None) -> bytes:
    """The choice summary in one format; with `region`, the building blocks at the region's scale.
    Raises KeyError for an unknown format name."""
    return FORMATS[fmt].render(build_report(advice, session, today, region))


def filename(fmt: str, profile: Profile, today: date | None = None) -> str:
    """keuzeoverzicht-<municipality>-<yyyy-mm-dd>.<ext>; without a name: keuzeoverzicht-<date>.<ext>."""
    day = (today or local_today()).isoformat()  # the Dutch date: 00:54 on 6 December says 6 December
    name = slug(profile.municipality)
    stem = f"keuzeoverzicht-{name}-{day}" if name else f"keuzeoverzicht-{day}"
    return f"{stem}.{FORMATS[fmt].extension}"


COMPARISON_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.compare is not None)


def render_comparison(fmt: str, comparison: Comparison, today: date | None = None) -> bytes:
    """The scenario comparison in one format. Raises KeyError for a format without one."""
    compare = FORMATS[fmt].compare
    if compare is None:
        raise KeyError(fmt)
    return compare(comparison, today)


def comparison_filename(fmt: str, comparison: Comparison, today: date) -> str:
    """vergelijking-<municipality or scenario names>-<yyyy-mm-dd>.<ext>"""
    return _comparison_filename(comparison, today, FORMATS[fmt].extension)


__all__ = ["COMPARISON_FORMATS", "FORMATS", "Format", "FontMissingError", "Report", "build_report",
           "comparison_docx", "comparison_pdf", "comparison_filename", "comparison_markdown", "filename", "render",
           "render_comparison"]
