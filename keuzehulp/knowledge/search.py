"""Kennisbank search that finds what a Dutch policy officer types.

A query is split into words ("terms"). Each term matches a page on one of four levels:

1. **exact**: the word itself ("wachttijd");
2. **stem**: another form of the same word, by the Snowball Dutch stemmer ("wachten" and
   "gewacht" meet in "wacht"; "financiering", "financieren", "gefinancierd" in "financier");
3. **part or synonym**: a part of a compound or a word that means the same. Compounds are
   split into words the knowledge base itself uses (see `CompoundSplitter`), so "groep" finds
   "groepsgrootte" and "werkgeversbenadering" finds a page about "werkgevers" and their
   "benadering". Synonyms come from the glossary's front matter (title and `aliases`), so
   "kosten" finds "financiering" and "WSP" finds "werkgeversservicepunt";
4. **typo**: a term that occurs nowhere is replaced by the closest words in the knowledge base
   (rapidfuzz, Levenshtein distance 1 for words of 5 to 7 letters, 2 from 8 letters).

Pages are ranked: more matching terms first, then the sum of each term's best match (a title
hit counts three times a body hit; exact above stem above part/synonym above typo), then how
often the matching words occur. Each hit carries a short passage around the first match with
the matching words marked, as plain text segments: the page decides how to show them.

The index is built once per knowledge base (`KnowledgeBase.search_index`). Pages are sets of
words in bit masks (one bit per page), so a search is a few set look-ups and integer ORs.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from keuzehulp.knowledge.ranking import (
    EXACT,
    PART,
    STEM,
    TITLE_WEIGHT,
    TYPO,
    Block,
    Hit,
    SearchResult,
    best_marks,
    block_of,
    passage,
)
from keuzehulp.knowledge.searchterms import (
    LINKS,
    MAX_TERM_LENGTH,
    MIN_PART,
    CompoundSplitter,
    plain_blocks,
    stemmer,
    words,
)

MAX_QUERY = 2000  # characters of a query that are read; the rest of a pasted text is not
MAX_TERMS = 12  # a pasted paragraph searches on its first twelve distinct words


class Page(Protocol):
    id: str
    title: str
    kind: str
    summary: str | None
    identifier: str | None
    body: str
    aliases: list[str]  # glossary: other names; `abbreviations` (term, meaning) is read if present


def _abbreviations(page: Any) -> list[str]:
    """The abbreviations a glossary or route page explains (front matter `abbreviations`)."""
    return [a.term for a in getattr(page, "abbreviations", ())]


# --- words -----------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One page in the index: its words in the title field and the text field."""

    page: Any
    bit: int
    title_words: set[str]
    title_first: str  # the first word of the title: a page *named* after a term ranks first
    body_counts: Counter[str]
    blocks: list[Block]  # summary first, then the body's blocks


@dataclass
class _Alternative:
    """One way a term can match: a page must contain a word from every set (a phrase or the
    parts of a compound), in its title or its text."""

    level: float
    word_sets: list[frozenset[str]]
    title_counts: bool = True  # a synonym in another page's title is no title hit for that page


# --- the index -------------------------------------------------------------------------------

class SearchIndex:
    """All pages' words, stems, compound parts and glossary synonyms, built once."""

    def __init__(self, pages: Sequence[Page]):
        self.stem = stemmer()
        self.entries: list[_Entry] = []
        vocabulary: Counter[str] = Counter()
        for index, page in enumerate(pages):
            title_text = " ".join([page.title, page.identifier or "", *page.aliases, *_abbreviations(page)])
            blocks = [block_of(b) for b in ([page.summary] if page.summary else []) + plain_blocks(page.body)]
            body_counts = Counter(word for block in blocks for _, _, word in block.spans)
            title_words = words(page.title)
            entry = _Entry(page, 1 << index, set(words(title_text)), title_words[0] if title_words else "",
                           body_counts, blocks)
            self.entries.append(entry)
            vocabulary.update(entry.title_words | set(entry.body_counts))
        self.page_count = len(self.entries)
        self.vocabulary = vocabulary  # word -> number of pages that have it
        self.word_list = sorted(vocabulary)
        # Postings: word -> bit mask of pages that have it in the title / in the text.
        self.title_mask: dict[str, int] = {}
        self.body_mask: dict[str, int] = {}
        for entry in self.entries:
            for word in entry.title_words:
                self.title_mask[word] = self.title_mask.get(word, 0) | entry.bit
            for word in entry.body_counts:
                self.body_mask[word] = self.body_mask.get(word, 0) | entry.bit
        self.by_stem: dict[str, set[str]] = {}
        for word in vocabulary:
            self.by_stem.setdefault(self.stem(word), set()).add(word)
        self.splitter = CompoundSplitter(vocabulary, self.by_stem, self.stem)
        self.by_part: dict[str, set[str]] = {}  # stem of a part -> compounds that contain it
        for word in vocabulary:
            for part in self.splitter.split(word) or ():
                self.by_part.setdefault(self.stem(part), set()).add(word)
        self.synonyms = self._synonym_groups(pages)
        # stem of a one-word name -> pages that explain it (their glossary or route entry)
        self.explains: dict[str, int] = {}
        for entry in self.entries:
            for name in self._names(entry.page):
                if len(name) == 1:
                    key = self.stem(name[0])
                    self.explains[key] = self.explains.get(key, 0) | entry.bit

    @staticmethod
    def _names(page: Page) -> list[tuple[str, ...]]:
        """A glossary (or route) page's names: its title, split at '(', ')' and '/', its aliases
        and the abbreviations it explains with their meaning, as phrases of folded words."""
        if page.kind not in ("glossary", "route"):
            return []
        names = [n for n in re.split(r"[()/]", page.title) if n.strip()] + list(page.aliases)
        names += [name for a in getattr(page, "abbreviations", ()) for name in (a.term, a.meaning)]
        return list(dict.fromkeys(tuple(words(n)) for n in names if words(n)))

    def _synonym_groups(self, pages: Sequence[Page]) -> list[list[tuple[str, ...]]]:
        """The names of each glossary or route page: a term that is one of them also searches
        for the others ("kosten" for "financiering", "PVT" for "participatieverklaringstraject")."""
        return [names for page in pages if len(names := self._names(page)) > 1]

    # -- term expansion --

    def _stem_words(self, word: str) -> set[str]:
        return set(self.by_stem.get(self.stem(word), ()))

    def _occurs(self, word: str) -> bool:
        """The word, or another form of it, is in the knowledge base (so it is no typo)."""
        return word in self.vocabulary or self.stem(word) in self.by_stem

    def _phrase(self, phrase: tuple[str, ...], level: int) -> _Alternative:
        """A name of several words: every word of four letters or more must occur ("persoonlijk
        plan inburgering en participatie" does not need "en")."""
        content = [w for w in phrase if len(w) > 3] or list(phrase)
        return _Alternative(level, [frozenset({w} | self._close_forms(w)) for w in content], title_counts=False)

    def _close_forms(self, word: str) -> set[str]:
        """Forms of a synonym that differ only at the end ("nieuwkomers" for "nieuwkomer"), not
        every word with its stem ("inburgering" for "inburgeraar")."""
        return {w for w in self._stem_words(word) if w[:max(3, len(word) - 2)] == word[:max(3, len(word) - 2)]}

    def correct(self, term: str) -> tuple[str, ...]:
        """The closest words in the knowledge base to a word that occurs nowhere."""
        if len(term) < 5 or len(term) > MAX_TERM_LENGTH or not term.isalpha():
            return ()
        limit = 1 if len(term) < 8 else 2
        found = process.extract(term, self.word_list, scorer=Levenshtein.distance,
                                score_cutoff=limit, limit=20)
        if not found:
            return ()
        best = min(distance for _, distance, _ in found)
        return self._most_used([word for word, distance, _ in found if distance == best])

    def _most_used(self, words: list[str]) -> tuple[str, ...]:
        """The three words the knowledge base uses most (ties: A to Z), to name as corrections."""
        return tuple(sorted(words, key=lambda w: (-self.vocabulary[w], w))[:3])

    def completions(self, term: str) -> list[str]:
        """Words of the knowledge base that begin with a term of five letters or more."""
        if len(term) < 5 or len(term) > MAX_TERM_LENGTH:
            return []
        start = bisect.bisect_left(self.word_list, term)
        end = bisect.bisect_left(self.word_list, term + "\uffff")
        return self.word_list[start:end][:50]

    def _fuzzy_compound(self, term: str) -> tuple[str, ...] | None:
        """A misspelt compound: a known head and a tail one typo away ("werkgeversbenaderng")."""
        if not term.isalpha() or len(term) < 2 * MIN_PART + 1 or len(term) > MAX_TERM_LENGTH:
            return None
        for cut in range(len(term) - MIN_PART - 1, MIN_PART - 1, -1):
            head = term[:cut]
            if head not in self.vocabulary:
                continue
            for link in LINKS:
                tail = term[cut + len(link):]
                if term.startswith(link, cut) and len(tail) >= 5 and (fixed := self.correct(tail)):
                    return (head, fixed[0])
        return None

    def expand(self, term: str) -> tuple[list[_Alternative], tuple[str, ...]]:
        """Every way a term can match, and the typo corrections used (if any)."""
        alternatives = [_Alternative(EXACT, [frozenset({term})])]
        if len(term) > MAX_TERM_LENGTH:
            return alternatives, ()
        stem = self.stem(term)
        alternatives.append(_Alternative(STEM, [frozenset(self.by_stem.get(stem, ()))]))
        alternatives.append(_Alternative(PART, [frozenset(self.by_part.get(stem, ()))]))
        parts = self.splitter.split(term)
        split = _Alternative(PART, [frozenset({p} | self._stem_words(p)) for p in parts or ()])
        if parts:
            alternatives.append(split)
        for group in self.synonyms:
            if any(len(phrase) == 1 and self.stem(phrase[0]) == stem for phrase in group):
                alternatives += [self._phrase(p, PART) for p in group if not (len(p) == 1 and self.stem(p[0]) == stem)]
        corrections: tuple[str, ...] = ()
        known = self._occurs(term)
        if not known and (begun := self.completions(term)):
            # a word not typed to the end: "kinderop" searches kinderopvang, not "kinderen"
            alternatives.append(_Alternative(TYPO, [frozenset(begun)]))
            corrections = self._most_used(begun)
        elif not known:
            corrections = self.correct(term)
            if corrections:
                split.level = TYPO - 0.5  # "groepsgrote": "groepsgrootte" before "grote groep"
            for word in corrections:
                alternatives.append(_Alternative(TYPO, [frozenset({word} | self._stem_words(word))]))
                # its other forms, parts and synonyms, each ranked below the corrected word itself
                alternatives += [_Alternative(TYPO * a.level / EXACT, a.word_sets, a.title_counts)
                                 for a in self.expand(word)[0][1:]]
            if not corrections and (fixed := self._fuzzy_compound(term)):
                corrections = ("".join(fixed),)
                alternatives.append(_Alternative(TYPO, [frozenset({p} | self._stem_words(p)) for p in fixed]))
        alternatives = [a for a in alternatives if a.word_sets and all(a.word_sets)]
        return alternatives, corrections

    def _masks(self, alternative: _Alternative) -> tuple[int, int]:
        """Pages where every word set of the alternative occurs: in the title, anywhere."""
        title_all = everywhere = -1
        for word_set in alternative.word_sets:
            title = body = 0
            for word in word_set:
                title |= self.title_mask.get(word, 0)
                body |= self.body_mask.get(word, 0)
            title_all &= title
            everywhere &= title | body
        return title_all, everywhere

    # -- search --

    def search(self, query: str, kind: str | None = None) -> SearchResult:
        distinct = list(dict.fromkeys(words(str(query)[:MAX_QUERY])))
        terms = tuple(distinct[:MAX_TERMS])
        dropped = len(distinct) - len(terms)
        if not terms:
            return SearchResult(terms=(), hits=(), dropped=dropped)
        allowed = sum(e.bit for e in self.entries if kind is None or e.page.kind == kind)
        scores: dict[int, dict[str, float]] = {}  # page bit -> term -> best score
        highlight: dict[int, dict[str, dict[str, float]]] = {}  # page bit -> term -> word -> best level
        in_title: dict[int, bool] = {}
        corrections: dict[str, tuple[str, ...]] = {}
        common: set[str] = set()
        for term in terms:
            alternatives, fixed = self.expand(term)
            explains = self.explains.get(self.stem(term), 0)
            pages_with_term = 0
            for alternative in alternatives:
                title, anywhere = self._masks(alternative)
                anywhere &= allowed
                if not anywhere:
                    continue
                pages_with_term |= anywhere
                word_masks = [(w, self.title_mask.get(w, 0) | self.body_mask.get(w, 0))
                              for word_set in alternative.word_sets for w in word_set]
                for entry in self._entries(anywhere):
                    hit_title = alternative.title_counts and bool(title & entry.bit)
                    weight = 1
                    if hit_title:
                        named = entry.title_first in alternative.word_sets[0] or entry.bit & explains
                        weight = TITLE_WEIGHT + bool(named)  # the page named after the term first
                    score = alternative.level * weight
                    per_page = scores.setdefault(entry.bit, {})
                    per_page[term] = max(per_page.get(term, 0), score)
                    in_title[entry.bit] = in_title.get(entry.bit, False) or hit_title
                    marks = highlight.setdefault(entry.bit, {}).setdefault(term, {})
                    for word, mask in word_masks:
                        if mask & entry.bit and marks.get(word, 0) < alternative.level:
                            marks[word] = alternative.level
            if fixed and pages_with_term:  # a correction is only news when it found something
                corrections[term] = fixed
            if pages_with_term.bit_count() > self.page_count / 2:
                common.add(term)  # "de", "en": on most pages, no reason to show a page
        return self._rank(terms, scores, highlight, in_title, corrections, common, dropped)

    def _entries(self, mask: int) -> Iterable[_Entry]:
        while mask:
            low = mask & -mask
            yield self.entries[low.bit_length() - 1]
            mask ^= low

    def _rank(self, terms: tuple[str, ...], scores: dict[int, dict[str, float]],
              highlight: dict[int, dict[str, dict[str, float]]], in_title: dict[int, bool],
              corrections: dict[str, tuple[str, ...]], common: set[str], dropped: int) -> SearchResult:
        """Every term if some page has them all; otherwise pages with at least half of them."""
        needed = len(terms) if any(len(t) == len(terms) for t in scores.values()) else -(-len(terms) // 2)
        complete = needed == len(terms)
        df = Counter(term for per_term in scores.values() for term in per_term)
        ranked = []
        for bit, per_term in scores.items():
            if len(per_term) < needed or (not complete and not set(per_term) - common):
                continue
            entry = self.entries[bit.bit_length() - 1]
            score = sum(per_term[t] * (1 + math.log(self.page_count / df[t])) for t in per_term)
            marks = best_marks(highlight[bit], entry.body_counts)
            occurrences = sum(entry.body_counts[w] * level for w, level in marks.items())
            ranked.append((-len(per_term), -score, -occurrences, entry.page.title, entry, score, marks))
        ranked.sort(key=lambda r: r[:4])
        hits = tuple(
            Hit(item=entry.page, score=round(score, 3), terms=tuple(t for t in terms if t in scores[entry.bit]),
                in_title=in_title[entry.bit], passage=passage(entry.blocks, marks))
            for *_, entry, score, marks in ranked
        )
        corrections = {t: fixed for t, fixed in corrections.items() if any(t in hit.terms for hit in hits)}
        suggestions = () if hits else self.suggest(terms)
        return SearchResult(terms=terms, hits=hits, complete=complete or not hits, corrections=corrections,
                            suggestions=suggestions, dropped=dropped)

    def suggest(self, terms: Sequence[str]) -> tuple[str, ...]:
        """Words of the knowledge base that look most like the terms (for "Bedoelt u ...?")."""
        found: list[tuple[float, str]] = []
        for term in terms:
            if len(term) < 4 or len(term) > MAX_TERM_LENGTH:
                continue
            for word, similarity, _ in process.extract(term, self.word_list, scorer=fuzz.ratio,
                                                       score_cutoff=70, limit=3):
                if word != term:
                    found.append((similarity, word))
        found.sort(key=lambda f: (-f[0], f[1]))
        return tuple(dict.fromkeys(word for _, word in found))[:3]
