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
