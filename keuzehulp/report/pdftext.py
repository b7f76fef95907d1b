"""Every character a Dutch user may type, written into the PDF or visibly replaced.

The PDF embeds DejaVu Sans (Latin with every accent, Greek, Cyrillic, Arabic, Hebrew and a
few hundred symbols and emoticons) and, as a fallback, Noto Sans Ethiopic (Tigrinya and
Amharic names). Right-to-left text (Arabic, Hebrew) is shaped and ordered by HarfBuzz
(fpdf2's text shaping, uharfbuzz), switched on only for the texts that need it, so the rest
of the PDF is laid out as before.

What none of the fonts has (most colour emoji, Chinese, flags) becomes "[teken]" — one per
run of such characters — instead of fpdf2 dropping it with an English warning on the
console. Invisible format characters (direction marks and overrides, joiners, variation
selectors, skin-tone modifiers) have no glyph and are left out: nothing visible is lost.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from fontTools.ttLib import TTFont

REPLACEMENT = "[teken]"
KEEP_FORMAT = {"\u00ad"}  # soft hyphen: fpdf2 uses it to break words
_INVISIBLE_CATEGORIES = {"Cf", "Cc"}
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))


@lru_cache(maxsize=4)
def _cmap(path: str) -> frozenset[int]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@lru_cache(maxsize=4)
def covered(paths: tuple[str, ...], fallback: tuple[str, ...]) -> frozenset[int]:
    """Code points every main font style has, plus those of the fallback fonts."""
    main = frozenset.intersection(*(_cmap(p) for p in paths))
    return main.union(*(_cmap(p) for p in fallback))


def _invisible(ch: str) -> bool:
    code = ord(ch)
    if ch in KEEP_FORMAT or ch in "\n\t":
        return False
    return (unicodedata.category(ch) in _INVISIBLE_CATEGORIES or code in _SKIN_TONES
            or any(code in block for block in _VARIATION_SELECTORS))


def pdf_safe(text: str, have: frozenset[int]) -> str:
    """`text` with every character the fonts lack replaced visibly, invisible ones left out."""
    if all(ord(ch) in have or ch in "\n\t" for ch in text) and not any(_invisible(ch) for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        if _invisible(ch):
            continue
        if ord(ch) in have or ch in "\n\t":
            out.append(ch)
        elif not (out and out[-1] == REPLACEMENT):
            out.append(REPLACEMENT)
    return "".join(out)


def right_to_left(text: str) -> bool:
    """Whether `text` holds right-to-left letters (Arabic, Hebrew, ...) that need shaping."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)
