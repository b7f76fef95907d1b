"""Small text helpers for the reports: safe user text, file-name slugs (Dutch dates: dutchdate.py)."""

from __future__ import annotations

import re
import unicodedata

from keuzehulp.dutch.markdown import strip_invisible

# Characters XML 1.0 forbids (python-docx raises on them) and that have no business in a
# report anyway: C0 controls except tab/newline/carriage return, lone surrogates, U+FFFE/F.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text without forbidden control characters and invisible ones (bidirectional
    controls, zero-width characters: markdown.strip_invisible); tabs and line breaks become spaces."""
    return " ".join(_FORBIDDEN.sub("", strip_invisible(text)).split())


def lines(text: str) -> list[str]:
    """Multi-line user text (a note, a reason) as its non-empty lines, each cleaned."""
    out = []
    for raw in _FORBIDDEN.sub("", strip_invisible(text)).splitlines():
        line = clean(raw)
        if line:
            out.append(line)
    return out


def slug(text: str, limit: int | None = None) -> str:
    """'Súdwest-Fryslân & Co' -> 'sudwest-fryslan-co' (lowercase ASCII, '-' between words),
    cut to `limit` characters; "" when nothing is left. The one file-name slug of the project."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:limit]
