"""Markdown to HTML with raw HTML switched off: typed or stored markup is shown as text."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # "commonmark" with html=False escapes any <tag> in the source; tables for the reports.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render_markdown(text: str) -> str:
    """Render trusted or untrusted Markdown to safe HTML (no raw HTML passes through)."""
    return _md().render(text)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>&~=:")


def escape_markdown(text: str) -> str:
    """Make user text inert inside Markdown: no emphasis, links, headings, tags or tables.

    CommonMark renders a backslash-escaped punctuation mark as the mark itself, so the
    escaped text reads the same once rendered, and `<script>` stays text.
    """
    flat = " ".join(text.split())  # no line breaks: one value stays on one line
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
    flat = " ".join(str(text).split())
    out: list[str] = []
    for i, ch in enumerate(flat):
        if ch == "." and flat[max(0, i - 3):i].lower() == "www":
            out.append(WORD_JOINER)
        out.append("\\" + ch if ch in _SCREEN_SPECIAL else ch)
        after = flat[i + 1:i + 2]
        if ch == "@" or (ch == ":" and after.strip()):
            out.append(WORD_JOINER)
    return "".join(out)
