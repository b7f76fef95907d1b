"""Markdown to HTML with raw HTML switched off: typed or stored markup is shown as text."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

# --- harden (issue 22): invisible characters are removed from all user text at the edge ------
# Bidirectional controls (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates,
# U+200E/U+200F and U+061C marks) let "Anna\u202egnip" read as "Annaping..." backwards: a
# name, reason or file name that looks like something else (visual spoofing). Zero-width
# characters (U+200B space, U+200C/U+200D non-joiner and joiner, U+2060-U+2064 word joiner and
# invisible operators, U+FEFF, U+180E), the soft hyphen, the deprecated format characters
# U+206A-U+206F, interlinear annotations (U+FFF9-U+FFFB) and tag characters (U+E0000-U+E007F)
# hide inside a word, so two names that look the same differ. None of them is needed in what
# a municipality types here. The schema's text fields (keuzehulp/contract/schema.py UserText), the
# votes (workshop/ballot.py one_line) and the screen and download helpers below all call
# strip_invisible, this one function.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def strip_invisible(text: str) -> str:
    """User text without bidirectional controls and zero-width or other invisible characters."""
    return _INVISIBLE.sub("", text)


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # "commonmark" with html=False escapes any <tag> in the source; tables for the reports.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render_markdown(text: str) -> str:
    """Render trusted or untrusted Markdown to safe HTML (no raw HTML passes through)."""
    return _md().render(text)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>&~=:@")  # "@": no e-mail autolink in a download


def escape_markdown(text: str) -> str:
    """Make user text inert inside Markdown: no emphasis, links, headings, tags or tables.

    CommonMark renders a backslash-escaped punctuation mark as the mark itself, so the
    escaped text reads the same once rendered, and `<script>` stays text.
    """
    flat = " ".join(strip_invisible(text).split())  # no line breaks: one value stays on one line
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)


# --- harden (issue 15): user text on screen ---------------------------------------------------
# Streamlit's Markdown goes further than CommonMark: GitHub's autolinks find bare addresses
# (www.x.nl, http://..., a@b.nl) in the text *after* backslash escapes are resolved, KaTeX
# reads $...$, and `:material/home:`, `:smile:` and `:red[...]` become icons, emoji and colour.
# A backslash cannot stop what is matched in the resolved text, so an invisible WORD JOINER
# (U+2060) goes where those patterns need two characters side by side: after a ':' that is not
# followed by a space (http://, :smile:, :+1:, :material/home:, :red[), after '@' (e-mail) and
# between "www" and '.'. Ordinary text ("1.000", "Let op: ...") gets none.
WORD_JOINER = "\u2060"
_SCREEN_SPECIAL = _MARKDOWN_SPECIAL | set("$'\"%^;?/")


def inert_markdown(text: str) -> str:
    """Anything a user typed, made literal for Streamlit's Markdown (st.markdown, captions,
    messages, labels, table cells): no links, images, maths, icons, emoji codes, colours,
    HTML or formatting; on one line. The one helper for user text on screen; downloads use
    escape_markdown (their Markdown renderer has no autolinks, maths or shortcodes)."""
    flat = " ".join(strip_invisible(str(text)).split())
    out: list[str] = []
    for i, ch in enumerate(flat):
        if ch == "." and flat[max(0, i - 3):i].lower() == "www":
            out.append(WORD_JOINER)
        out.append("\\" + ch if ch in _SCREEN_SPECIAL else ch)
        after = flat[i + 1:i + 2]
        if ch == "@" or (ch == ":" and after.strip()):
            out.append(WORD_JOINER)
    return "".join(out)
