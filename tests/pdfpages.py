"""Reading a rendered PDF the way a reader sees it (pypdf): pages, words, broken words.

Shared by tests/test_report_pages.py (the choice summary from Word via LibreOffice, and from the
PDF writer) and the comparison's PDF test."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable

import pypdf

_EDGE = "\"'‘’“”.,;:!?()[]…·"


def pages(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _in_address(text: str, at: int) -> bool:
    """Whether position `at` is inside a web address (which may break anywhere)."""
    line_start = text.rfind("\n", 0, at) + 1
    return "://" in text[line_start:at + 1] or "://" in text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:line_start]


def broken_words(text: str, cells: Iterable[str], shortest: int = 6) -> list[str]:
    """Words of the table cells that the PDF breaks mid-word over two lines ("Participatiepla" /
    "ats"). A break right after the word's own hyphen ("Onderwijsroute-" / "advies") is fine.
    The PDF's text has no table structure, so a line that happens to end in "groep" before a
    line starting with "en" in running text would look like "groepen" broken: a split into two
    halves that are both whole words elsewhere in the text is not counted."""
    flat = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    # How often each word stands in the text (a line break counts as a space, so a broken word's
    # halves are counted too: those occurrences are taken off again below).
    tokens = Counter(re.findall(r"[^\W_]+", flat.replace("\n", " ")))
    broken = set()
    for cell in cells:
        for raw in cell.split():
            word = raw.strip(_EDGE)
            if len(word) < shortest or not re.search(r"[A-Za-z]", word):
                continue
            for k in range(2, len(word) - 1):
                head, tail = word[:k], word[k:]
                if head[-1] == "-":
                    continue  # a break right after the word's own hyphen
                at = [m.start() for m in re.finditer(re.escape(f"{head}\n{tail}"), flat)
                      if not _in_address(flat, m.start())]
                if not at:
                    continue
                if tokens[head] > len(at) and tokens[tail] > len(at):
                    continue  # both halves are whole words elsewhere too: running text, not a cut word
                broken.add(f"{head}/{tail}")
    return sorted(broken)


def first_page_with_line(texts: list[str], line: str) -> int:
    """1-based number of the first page with a line that is exactly `line`; 0 if none."""
    for number, text in enumerate(texts, start=1):
        if any(x.strip() == line for x in text.splitlines()):
            return number
    return 0


def _heading_below(page, top: float) -> str:  # type: ignore[no-untyped-def]
    """The first two lines of text at or below `top` (PDF units from the bottom) on the page:
    a heading, which may wrap."""
    lines: list[tuple[float, str]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, fd, fs: lines.append((tm[5], text.strip())))
    below = [text for y, text in sorted(lines, key=lambda x: -x[0]) if y <= top + 2 and text]
    return " ".join(below[:2])


def linked_ids(data: bytes) -> set[str]:
    """The ids in brackets, '(group-model)', in the headings the PDF's internal links land on."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    refs = [p.indirect_reference for p in reader.pages]
    ids = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and annot.get("/Dest") is not None:
                dest = annot["/Dest"]
                text = _heading_below(reader.pages[refs.index(dest[0])], float(dest[3]))
                ids |= {m.group(1) for m in re.finditer(r"\(([a-z0-9-]+)\)", text)}
    return ids
