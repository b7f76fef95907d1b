"""The knowledge base: every page under knowledge/, validated, rendered and searchable.

`load_knowledge()` reads all pages and reports every problem at once as `file:line: message`
(ContentError); `knowledge_base()` does so once per process. A page's id is its path from the
project root, e.g. `knowledge/elements/pre-teaching.md`. Page format: knowledge/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, PrivateAttr

from keuzehulp.contract.schema import SectionId
from keuzehulp.contract.yamlio import ContentError, Problem, display_path
from keuzehulp.dutch.markdown import render_markdown
from keuzehulp.knowledge.pages import (
    EXTERNAL_LINK,
    LINK_PARSER,
    SOURCE_KINDS,
    Abbreviation,
    Kind,
    ParsedPage,
    RefSource,
    SourceEntry,
    parse_page,
)
from keuzehulp.knowledge.ranking import SearchResult
from keuzehulp.knowledge.search import SearchIndex

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
ID_PREFIX = "knowledge/"


class KnowledgeItem(BaseModel):
    """One page: front matter, Markdown body and its safe HTML rendering."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    kind: Kind
    section: SectionId | None = None
    sources: list[SourceEntry]
    related: list[str] = []
    summary: str | None = None
    municipalities: list[str] = []
    identifier: str | None = None
    aliases: list[str] = []  # glossary: other names a user may search for
    abbreviations: list[Abbreviation] = []
    body: str
    html: str
    links: list[str] = []  # ids of pages the body links to

    @property
    def slug(self) -> str:
        """The file name without .md: the element, example or decision id for those kinds."""
        return self.id.rsplit("/", 1)[-1].removesuffix(".md")


class KnowledgeBase(BaseModel):
    """All pages by id, with look-ups the app and the reports use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: dict[str, KnowledgeItem]
    _index: SearchIndex | None = PrivateAttr(default=None)

    def get(self, item_id: str) -> KnowledgeItem | None:
        return self.items.get(item_id)

    def _page(self, item_id: str) -> KnowledgeItem:
        item = self.items.get(item_id)
        if item is None:
            raise KeyError(f"no knowledge page {item_id}")
        return item

    def element(self, element_id: str) -> KnowledgeItem:
        return self._page(f"{ID_PREFIX}elements/{element_id}.md")

    def example(self, example_id: str) -> KnowledgeItem:
        return self._page(f"{ID_PREFIX}examples/{example_id}.md")

    def question(self, section_id: str) -> KnowledgeItem:
        return self._page(f"{ID_PREFIX}questions/{section_id}.md")

    def decision(self, decision_id: str) -> KnowledgeItem:
        """The trade-off page of a decision (delivery, training_format, matching)."""
        return self._page(f"{ID_PREFIX}tradeoffs/{decision_id}.md")

    def by_kind(self, kind: str) -> list[KnowledgeItem]:
        return sorted((i for i in self.items.values() if i.kind == kind), key=lambda i: i.id)

    def backlinks(self, item_id: str) -> list[KnowledgeItem]:
        """Pages that name this page in `related` or link to it in their text."""
        return sorted(
            (
                i
                for i in self.items.values()
                if i.id != item_id and (item_id in i.related or item_id in i.links)
            ),
            key=lambda i: i.id,
        )

    def search_index(self) -> SearchIndex:
        """The search index, built on first use and kept with the knowledge base."""
        if self._index is None:
            self._index = SearchIndex(sorted(self.items.values(), key=lambda i: i.id))
        return self._index

    def find(self, query: str, kind: str | None = None) -> SearchResult:
        """Ranked hits with their passages (keuzehulp/knowledge/search.py); pages with most terms when
        no page has them all."""
        return self.search_index().search(query, kind)

    def search(self, query: str, kind: str | None = None) -> list[KnowledgeItem]:
        """Pages that match every word of the query (as a word, another form, a compound part,
        a glossary synonym or, for a word found nowhere, its closest spelling); best first."""
        result = self.find(query, kind)
        return result.items if result.complete else []


def render_page(body: str, link: Callable[[str], str] | None = None) -> str:
    """Safe HTML of a page body; `link` maps an internal page id to the address to use."""
    if link is None:
        return render_markdown(body)
    tokens = LINK_PARSER.parse(body)
    for token in tokens:
        for child in token.children or []:
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            if href and not EXTERNAL_LINK.match(href):
                child.attrs["href"] = link(href)
    return LINK_PARSER.renderer.render(tokens, LINK_PARSER.options, {})


def _page_id(path: Path, root: Path) -> str:
    return ID_PREFIX + path.relative_to(root).as_posix()


def _cross_checks(pages: dict[str, ParsedPage], found: set[str]) -> list[Problem]:
    """Related ids, source refs and links resolve. `found` also holds pages that failed to
    load, so a broken page is reported once, not again by every page that names it."""
    problems = []
    explained: dict[str, str] = {}  # abbreviation -> the page that explains it
    for page in pages.values():
        for abbreviation, line in zip(page.front.abbreviations, page.abbreviation_lines, strict=False):
            first = explained.setdefault(abbreviation.term.casefold(), page.id)
            if first != page.id:
                problems.append(Problem(page.file, line,
                                        f"abbreviations: '{abbreviation.term}' is already explained in {first}"))
        for target, line in zip(page.front.related, page.related_lines, strict=False):
            if target not in found:
                problems.append(
                    Problem(
                        page.file,
                        line,
                        f"related: no page '{target}'",
                    )
                )
        for source, line in zip(page.sources, page.source_lines, strict=False):
            if isinstance(source, RefSource):
                target_page = pages.get(source.ref)
                if source.ref not in found:
                    problems.append(Problem(page.file, line, f"sources: no page '{source.ref}'"))
                elif target_page is not None and target_page.front.kind not in SOURCE_KINDS:
                    problems.append(
                        Problem(page.file, line, f"sources: '{source.ref}' is not a source or fact page")
                    )
        for target, line in page.links:
            if target not in found:
                problems.append(Problem(page.file, line, f"link to '{target}' does not lead to a page"))
    return problems


def load_knowledge(root: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Read and check every page under root; raise ContentError with all problems at once."""
    root = Path(root)
    pages: dict[str, ParsedPage] = {}
    problems: list[Problem] = []
    found: set[str] = set()
    for path in sorted(root.rglob("*.md")):
        if path.name == "README.md":
            continue
        found.add(_page_id(path, root))
        file = display_path(path, PROJECT_ROOT)
        try:
            text = path.read_text(encoding="utf-8-sig")  # an editor may save a BOM
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(file, 1, f"cannot read file: {exc}"))
            continue
        page, page_problems = parse_page(_page_id(path, root), file, text)
        problems += page_problems
        if page is not None:
            pages[page.id] = page
    problems += _cross_checks(pages, found)
    if problems:
        raise ContentError(problems)
    return KnowledgeBase(items={pid: _item(page) for pid, page in pages.items()})


def _item(page: ParsedPage) -> KnowledgeItem:
    front = page.front
    return KnowledgeItem(
        id=page.id,
        title=front.title,
        kind=front.kind,
        section=front.section,
        sources=page.sources,
        related=front.related,
        summary=front.summary,
        municipalities=front.municipalities,
        identifier=front.identifier,
        aliases=front.aliases,
        abbreviations=front.abbreviations,
        body=page.body,
        html=render_markdown(page.body),
        links=list(dict.fromkeys(target for target, _ in page.links)),
    )


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The real knowledge base, loaded once per process (the app adds st.cache_resource),
    with the assumptions register as pages ("Aannames van de keuzehulp")."""
    from keuzehulp.knowledge.assumption_pages import assumption_items
    from keuzehulp.rules.register import register

    base = load_knowledge(KNOWLEDGE_DIR)
    pages = {pid: KnowledgeItem(**fields) for pid, fields in assumption_items(register()).items()}
    return KnowledgeBase(items={**base.items, **pages})
