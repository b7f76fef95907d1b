"""The choice summary (keuzeoverzicht) as a download: one report model, one module per format.

    render("docx", advice, session, today) -> bytes
    filename("docx", profile, today) -> "keuzeoverzicht-lochem-2026-11-27.docx"

Every format renders from the same `Report` (build.py), so none has content the others lack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..schema import Advice, Profile, Session
from .as_docx import render_docx
from .as_html import render_html
from .as_json import render_json
from .as_md import render_md
from .as_pdf import FontMissingError, render_pdf
from .build import build_report
from .model import Report
from .plain import slug


@dataclass(frozen=True)
class Format:
    name: str  # the registry key, also the CLI's --format value
    label: str  # Dutch, for a download button
    extension: str
    mime: str
    render: Callable[[Report], bytes]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("docx", "Word", "docx",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_docx),
        Format("pdf", "PDF", "pdf", "application/pdf", render_pdf),
        Format("html", "Webpagina (HTML)", "html", "text/html", render_html),
        Format("md", "Markdown", "md", "text/markdown", render_md),
        Format("json", "Gegevens (JSON)", "json", "application/json", render_json),
    )
}


def render(fmt: str, advice: Advice, session: Session | None = None, today: date | None = None) -> bytes:
    """The choice summary in one format. Raises KeyError for an unknown format name."""
    return FORMATS[fmt].render(build_report(advice, session, today))


def filename(fmt: str, profile: Profile, today: date | None = None) -> str:
    """keuzeoverzicht-<municipality>-<yyyy-mm-dd>.<ext>; without a name: keuzeoverzicht-<date>.<ext>."""
    day = (today or date.today()).isoformat()
    name = slug(profile.municipality)
    stem = f"keuzeoverzicht-{name}-{day}" if name else f"keuzeoverzicht-{day}"
    return f"{stem}.{FORMATS[fmt].extension}"


__all__ = ["FORMATS", "Format", "FontMissingError", "Report", "build_report", "filename", "render"]
