"""The ranking of the Kennisbank search: match levels, the hits and result of a search, and the
passage shown under a hit with the matching words marked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from keuzehulp.knowledge.searchterms import WORD, fold_word

EXCERPT_CHARS = 220  # about two lines of passage under a result
EXACT, STEM, PART, TYPO = 4, 3, 2, 1  # match levels, best first
TITLE_WEIGHT = 3  # a hit in the title (or alias) counts three times a hit in the text


@dataclass
class Block:
    text: str
    spans: list[tuple[int, int, str]]  # start, end, folded word


def block_of(text: str) -> Block:
    return Block(text, [(m.start(), m.end(), fold_word(m.group())) for m in WORD.finditer(text)])


# --- results ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    """One page found, with why and where."""

    item: Any
    score: float
    terms: tuple[str, ...]  # the query terms this page matches
    in_title: bool  # at least one term matches the title (or an alias)
    passage: tuple[tuple[str, bool], ...]  # text segments; True = a matching word


@dataclass(frozen=True)
class SearchResult:
    terms: tuple[str, ...]  # the query's words as searched (folded, at most MAX_TERMS)
    hits: tuple[Hit, ...]
    complete: bool = True  # every hit matches every term (else: the pages with most terms)
    corrections: dict[str, tuple[str, ...]] = field(default_factory=dict)  # typo -> words used
    suggestions: tuple[str, ...] = ()  # "Bedoelt u ...?" when nothing is found
    dropped: int = 0  # distinct words beyond MAX_TERMS that were not searched

    @property
    def items(self) -> list[Any]:
        return [hit.item for hit in self.hits]


def best_marks(per_term: dict[str, dict[str, float]], body: Counter[str]) -> dict[str, float]:
    """The words to mark in a page's text: per term only those of its best match there, so
    "wachttijd" marks "wachttijd", not also "tijd" (which only a split of the word would use)."""
    marks: dict[str, float] = {}
    for words_levels in per_term.values():
        in_text = {w: level for w, level in words_levels.items() if body[w]}
        top = max(in_text.values(), default=0)
        for word, level in in_text.items():
            if level == top:
                marks[word] = max(marks.get(word, 0), level)
    return marks


def passage(blocks: Sequence[Block], matching: dict[str, float]) -> tuple[tuple[str, bool], ...]:
    """A short excerpt of the best block around its first match: the block with the best match
    (exact before stem, part or typo), then with the most different matching words.

    Segments of (text, is_match); text cut off at either end is shown as '…'.
    """
    best, best_key = None, (0, 0)
    for block in blocks:
        found = {word for _, _, word in block.spans if word in matching}
        key = (max((matching[w] for w in found), default=0), len(found))
        if key > best_key:
            best, best_key = block, key
    if best is None:
        return ((cut_passage(blocks[0].text), False),) if blocks else ()
    text = best.text
    top = best_key[0]
    spans = [(s, e) for s, e, word in best.spans if word in matching]
    first = next(s for s, e, word in best.spans if matching.get(word) == top)
    start = 0 if first < 60 else text.rfind(" ", 0, first - 40) + 1
    end = min(len(text), start + EXCERPT_CHARS)
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    segments: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if s > cursor:
            segments.append((text[cursor:s], False))
        segments.append((text[s:e], True))
        cursor = e
    if cursor < end:
        segments.append((text[cursor:end], False))
    if end < len(text):
        segments.append(("…", False))
    return tuple(segments)


def cut_passage(text: str) -> str:
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS)
    return text[: cut if cut > 0 else EXCERPT_CHARS] + " …"
