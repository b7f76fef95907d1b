"""HTML: one self-contained file (inline CSS, no external assets), printable, from the Markdown.

The body is the Markdown download rendered by markdown-it-py with raw HTML off, so anything a
user typed is shown as text; the <title> is escaped separately.
"""

from __future__ import annotations

from html import escape

from keuzehulp.dutch.markdown import render_markdown

from .as_md import blocks
from .model import Report

CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.5; color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; color: #154273; margin-bottom: .25rem; }
h2 { font-size: 1.35rem; color: #154273; border-bottom: 2px solid #154273; padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.12rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
li { margin: .15rem 0; }
/* The checklist (the list right after "Werkzame elementen"): its ☐ is the bullet. */
section.question h3 + ul { padding-left: .3rem; }
section.question h3 + ul > li { list-style: none; }
section.question h3 + ul ul { list-style: disc; }
blockquote { margin: .75rem 0 1rem; padding: .4rem .9rem; border-left: 4px solid #b08d3c;
  background: #faf7ef; }
blockquote p { margin: .2rem 0; }
hr { border: 0; border-top: 1px solid #8a8a8a; margin-top: 2rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  @page { size: A4; margin: 2cm 2cm 2.2cm; }
  section.guide, section.question, section.comparison, section.back { break-before: page; }
  h2, h3 { break-after: avoid; }
  table, li, p { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(r: Report) -> bytes:
    sections = "\n".join(
        f'<section class="{kind}">\n{render_markdown(text)}</section>' for kind, text in blocks(r)
    )
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(r.texts.tool_name)}">\n'
        f"<title>{escape(r.title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{sections}\n</main>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
