"""Abbreviations and jargon, explained on first use: "WSP (werkgeversservicepunt)".

Each term is declared once, in the front matter of the glossary (or route) page that explains
it (`abbreviations:` in knowledge/glossary/*.md). A page, a slide or a download reads its texts
through one FirstUse in reading order: the first occurrence of a term gets its meaning in
brackets unless the text already explains it there ("werkgeversservicepunt (WSP)" or
"WSP (werkgeversservicepunt)"); later occurrences stay as they are. Text between quotation
marks (‘…’, “…”) is a verbatim quote and is never changed. No Streamlit here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

# Quoted passages ‘…’ may hold a quoted word ‘…’ themselves: the span runs to the last closing
# mark before the next opening one on the same text, which is what a reader sees as the quote.
QUOTED = re.compile(r"‘[^‘]*(?:‘[^’]*’[^‘’]*)*’|“[^“”]*”")


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    page: str  # the knowledge page that explains it (a glossary or route page)

    @cached_property  # asked for every text of every page run: compiled once per term
    def pattern(self) -> re.Pattern[str]:
        flags = 0 if any(ch.isupper() for ch in self.term) else re.IGNORECASE
        # Not part of a longer word ("B1" in "B1-route"), also where Markdown escaping made the
        # hyphen "\\-" (inert text is explained after it is escaped).
        return re.compile(rf"(?<![\w-])(?<!\\-){re.escape(self.term)}(?![\w-]|\\-)", flags)

    @cached_property
    def folded(self) -> str:
        """The term in lower case: a text without it cannot contain the term (a quick test)."""
        return self.term.lower()


def terms_of(kb: Any) -> tuple[Term, ...]:
    """Every term the knowledge base explains, longest first ("B1-route" before "B1")."""
    if kb is None:
        return ()
    found = [Term(a.term, a.meaning, item.id) for item in kb.items.values() for a in item.abbreviations]
    return tuple(sorted(found, key=lambda t: (-len(t.term), t.term)))


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The terms of the project's knowledge base (none while it does not load)."""
    from keuzehulp.knowledge.base import base_knowledge

    try:
        return terms_of(base_knowledge())
    except Exception:  # a content error is reported by `python -m keuzehulp check`
        return ()


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


def occurrences(text: str, term: Term, quoted: list[tuple[int, int]] | None = None) -> list[re.Match[str]]:
    """Where the term occurs outside quotes and outside a longer term ("B1" not in "B1-route").
    `quoted`: the text's quoted spans, when the caller has them already."""
    spans = _quoted(text) if quoted is None else quoted
    return [m for m in term.pattern.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def explained_at(text: str, match: re.Match[str], meaning: str) -> bool:
    """Whether the text explains the term where it occurs: "(WSP)" after its meaning,
    "WSP (werkgeversservicepunt…" with the meaning right after it, or a title that defines it
    ("Het PIP: persoonlijk plan inburgering en participatie")."""
    # Inert Markdown escapes brackets ("\\("): an explanation there is one all the same.
    before = text[:match.start()].replace("\\(", "(")
    after = text[match.end():].casefold().replace("\\(", "(").replace("\\)", ")")
    if before.endswith("(") and after.startswith((")", ",", ";")):
        return True
    return after.startswith((f" ({meaning.casefold()}", f": {meaning.casefold()}"))


@dataclass
class FirstUse:
    """The terms already met on one page, slide or document, in reading order."""

    terms: tuple[Term, ...] = field(default_factory=terms)
    seen: dict[str, Term] = field(default_factory=dict)  # term -> Term, in order of first use

    def explain(self, text: str) -> str:
        """The text with the first occurrence of each term not yet met spelled out."""
        if not text:
            return text
        inserts: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []  # spans of longer terms already handled here
        lower = text.lower()
        quoted: list[tuple[int, int]] | None = None
        for term in self.terms:
            if term.folded not in lower:
                continue
            if quoted is None:
                quoted = _quoted(text)
            found = [m for m in occurrences(text, term, quoted)
                     if not any(a <= m.start() < b for a, b in taken)]
            if not found:
                continue
            taken += [m.span() for m in found]
            if term.term in self.seen:
                continue
            self.seen[term.term] = term
            first = found[0]
            if not explained_at(text, first, term.meaning):
                inserts.append((first.end(), f" ({term.meaning})"))
        for position, insert in sorted(inserts, reverse=True):
            text = text[:position] + insert + text[position:]
        return text

    def explain_all(self, texts: list[str]) -> list[str]:
        return [self.explain(t) for t in texts]

    def used(self) -> list[Term]:
        """The terms met so far, in order of first use (a list of abbreviations, links)."""
        return list(self.seen.values())


def first_unexplained(text: str, explanations: dict[str, str]) -> str | None:
    """For tests: the first term (of term -> meaning) whose first occurrence in the text, outside
    quotes, is not explained there; None when all are."""
    for term, meaning in explanations.items():
        found = occurrences(text, Term(term, meaning, ""))
        if found and not explained_at(text, found[0], meaning):
            return term
    return None
