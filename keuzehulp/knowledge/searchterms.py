"""The words of the Kennisbank search: folding, Dutch stems (Snowball), compound parts, and
plain text blocks of a Markdown page. The index (search.py) and the ranking (ranking.py) use them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from markdown_it import MarkdownIt

CACHE_LIMIT = 100_000  # memoised stems and compound splits
MAX_TERM_LENGTH = 40  # longer "words" (a pasted hash, 5000 x 'a') match exactly or not at all
MIN_PART = 4  # shortest part of a compound: "tijd", "werk", "taal"; not "ver" or "in"
LINKS = ("", "s", "e", "en")  # Dutch linking sounds between parts: groep-s-grootte, boek-en-kast
WORD = re.compile(r"[^\W_]+")
URL = re.compile(r"https?://\S+|www\.\S+")  # the words of a web address are no text to find
# Separable verb prefixes: "ge" after these is a participle ("op-ge-steld" -> opstel). The newer
# Snowball Dutch stemmer also drops "ge" inside other words ("werkgever" -> "werkver",
# "begeleiding" -> "beleid", the same stem as "beleid"); for those the Porter variant is used.
SEPARABLE = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "samen",
             "terug", "toe", "uit", "vast", "voor", "weg")


def fold(text: str) -> str:
    """Lower case without accents: 'Geëvalueerd' and 'geevalueerd' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text: lower case, no accents, letters and digits only."""
    return WORD.findall(fold(text))


class Stemmer:
    """Dutch stems, memoised; safe to share between threads (Snowball stemmers are not)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dutch = snowballstemmer.stemmer("dutch")
        self._porter = snowballstemmer.stemmer("dutch_porter")
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) <= 3 or word.isdigit() or len(word) > MAX_TERM_LENGTH:
            stem = word
        else:
            with self._lock:
                stem = self._dutch.stemWord(word)
                inner = word.find("ge", 1)
                if inner > 0 and not stem.startswith(word[:inner + 2]) and word[:inner] not in SEPARABLE \
                        and stem.startswith(word[:min(inner, 2)]):
                    stem = self._porter.stemWord(word)  # "werkgever", not "werkver"
            if len(stem) < 3:
                stem = word  # "als", "alle" -> "al" would meet too much
        if len(self._cache) < CACHE_LIMIT:  # typed words must not grow memory without end
            self._cache[word] = stem
        return stem


@lru_cache(maxsize=1)
def stemmer() -> Stemmer:
    return Stemmer()


class CompoundSplitter:
    """Split a Dutch compound into words the knowledge base knows.

    Dutch writes compounds as one word ("groepsgrootte", "werkgeversbenadering"). A word of at
    least eight letters is cut where the head is a known word of four letters or more and the
    rest, after an optional linking sound (s, e, en), is a known word or a known stem, or can
    itself be split. The longest known head wins ("werkgevers" + "benadering", not "werk" + ...).
    """

    def __init__(self, vocabulary: Iterable[str], stems: Iterable[str], stem: Stemmer):
        self.vocabulary = set(vocabulary)
        self.stems = set(stems)
        self.stem = stem
        self._cache: dict[str, tuple[str, ...] | None] = {}

    def _known(self, word: str) -> bool:
        return word in self.vocabulary or self.stem(word) in self.stems

    def split(self, word: str) -> tuple[str, ...] | None:
        if word in self._cache:
            return self._cache[word]
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()  # typed words must not grow memory without end
        self._cache[word] = None  # guards against recursion on the same word
        parts = None
        if 2 * MIN_PART <= len(word) <= MAX_TERM_LENGTH and word.isalpha():
            for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
                head = word[:cut]
                if head not in self.vocabulary:
                    continue
                for link in LINKS:
                    tail = word[cut + len(link):]
                    if not word.startswith(link, cut) or len(tail) < MIN_PART:
                        continue
                    if self._known(tail):
                        parts = (head, tail)
                    elif (rest := self.split(tail)) is not None:
                        parts = (head, *rest)
                    if parts:
                        break
                if parts:
                    break
        self._cache[word] = parts
        return parts


# --- pages as plain text ---------------------------------------------------------------------

_PLAIN = MarkdownIt("commonmark", {"html": False}).enable("table")


def plain_blocks(markdown: str) -> list[str]:
    """The text of each paragraph, heading, list item and table cell, without markup."""
    blocks = []
    for token in _PLAIN.parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = " ".join(URL.sub("", "".join(parts)).split())
        if text.strip(" :;,.()"):
            blocks.append(text)
    return blocks


@lru_cache(maxsize=50_000)
def fold_word(word: str) -> str:
    return fold(word)
