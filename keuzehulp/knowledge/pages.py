"""One knowledge page: split front matter from body, validate it, find its internal links.

A page is Markdown with YAML front matter between two `---` lines (format: knowledge/README.md).
Every problem is a `yamlio.Problem` whose line points into the .md file itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from keuzehulp.contract.schema import SectionId
from keuzehulp.contract.yamlio import LineDict, LineList, Problem, load_yaml_text, validation_problems

Kind = Literal[
    "intro", "question", "building-block", "element", "example", "pilot", "route", "glossary", "source", "fact",
    "assumption",  # built from knowledge/assumptions.yaml (keuzehulp/knowledge/assumption_pages.py)
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]

# Folder under knowledge/ -> the kind its pages must have (pages elsewhere may have any kind).
FOLDER_KINDS: dict[str, tuple[str, ...]] = {
    "questions": ("question",),
    "tradeoffs": ("question",),
    "intro": ("intro",),
    "building-blocks": ("building-block",),
    "elements": ("element",),
    "examples": ("example",),
    "pilots": ("pilot",),
    "routes": ("route",),
    "glossary": ("glossary",),
    "sources": ("source",),
    "facts": ("fact",),
    "assumptions": ("assumption",),
}
SOURCE_KINDS = ("source", "fact")  # kinds a `ref:` source entry may point to

_Strict = ConfigDict(extra="forbid", frozen=True)


class SectionSource(BaseModel):
    """The handreiking itself, one of its five questions."""

    model_config = _Strict
    section: SectionId


class RefSource(BaseModel):
    """A source or fact page in the knowledge base."""

    model_config = _Strict
    ref: str = Field(pattern=r"^knowledge/.+\.md$")


class PublicSource(BaseModel):
    """A public source outside the knowledge base, with the date it was last checked."""

    model_config = _Strict
    title: str = Field(min_length=1)
    url: str
    as_of: date

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if not re.fullmatch(r"https?://\S+", value):
            raise ValueError("a web address starts with http:// or https:// and has no spaces")
        return value


SourceEntry = SectionSource | RefSource | PublicSource
_SHAPES: tuple[tuple[str, type[BaseModel]], ...] = (
    ("section", SectionSource),
    ("ref", RefSource),
    ("url", PublicSource),
    ("title", PublicSource),
)


class Abbreviation(BaseModel):
    """An abbreviation or piece of jargon a glossary page explains, as the app and the reports
    spell it out on first use: "WSP (werkgeversservicepunt)" (keuzehulp/knowledge/abbreviations.py)."""

    model_config = _Strict
    term: str = Field(min_length=1, max_length=40, pattern=r"^\S+$")
    meaning: str = Field(min_length=1, max_length=80)


class FrontMatter(BaseModel):
    """The keys a page may have at the top. Sources are checked one by one (see _sources)."""

    model_config = _Strict
    title: str = Field(min_length=1)
    kind: Kind
    section: SectionId | None = None
    sources: list[Any]
    related: list[str] = []
    summary: str | None = None
    municipalities: list[str] = []
    identifier: str | None = None
    aliases: list[str] = []  # glossary only: other names and synonyms the search also knows
    abbreviations: list[Abbreviation] = []  # glossary and route pages only
    checked: date | None = None  # when the page's facts were last checked; required on a fact page

    @field_validator("title", "summary", "identifier")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("sources")
    @classmethod
    def _at_least_one(cls, value: list[Any]) -> list[Any]:
        if not value:
            raise ValueError("name at least one source (a section q1..q5, a source page or a public source)")
        return value


ALLOWED_KEYS = tuple(FrontMatter.model_fields)


@dataclass
class ParsedPage:
    """A page whose front matter is valid; cross-page checks still to do."""

    id: str
    file: str
    front: FrontMatter
    sources: list[SourceEntry]
    body: str
    body_line: int  # file line of the body's first line
    related_lines: list[int]
    source_lines: list[int]
    links: list[tuple[str, int]] = field(default_factory=list)  # (target, file line)
    abbreviation_lines: list[int] = field(default_factory=list)  # file line of each abbreviation
    checked_line: int | None = None  # file line of `checked:`, if the page has one


_FENCE = "---"


def split_front_matter(text: str, file: str) -> tuple[str, str, int, list[Problem]]:
    """(front matter YAML, body, body's first file line, problems)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != _FENCE:
        hint = "a page starts with a line '---', then title/kind/sources, then a closing '---'"
        return "", "", 1, [Problem(file, 1, f"missing front matter ({hint})")]
    for index in range(1, len(lines)):
        if lines[index].strip() == _FENCE:
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2, []
    return "", "", 1, [Problem(file, 1, "front matter is not closed: add a line '---' after it")]


def parse_page(page_id: str, file: str, text: str) -> tuple[ParsedPage | None, list[Problem]]:
    front_text, body, body_line, problems = split_front_matter(text, file)
    if problems:
        return None, problems
    data, problems = load_yaml_text(front_text, file, line_offset=1)
    if problems:
        return None, problems
    if not isinstance(data, LineDict):
        return None, [Problem(file, 2, "front matter must be key: value pairs (title, kind, sources, ...)")]
    problems = _check_keys(data, file)
    try:
        front = FrontMatter.model_validate(data)
    except ValidationError as exc:
        errors = [e for e in _validation(exc, data, file) if not e.message.endswith("unknown key")]
        return None, problems + errors
    if problems:
        return None, problems
    sources, problems = _sources(data["sources"], file)
    problems += _check_folder(page_id, front, file, data)
    if problems:
        return None, problems
    page = ParsedPage(
        id=page_id,
        file=file,
        front=front,
        sources=sources,
        body=body,
        body_line=body_line,
        related_lines=list(getattr(data.get("related"), "lines", [])),
        source_lines=list(data["sources"].lines),
        abbreviation_lines=list(getattr(data.get("abbreviations"), "lines", [])),
        checked_line=data.lines.get("checked"),
    )
    page.links = internal_links(body, body_line)
    return page, []


def _validation(exc: ValidationError, data: Any, file: str, prefix: tuple[Any, ...] = ()) -> list[Problem]:
    # Our own validators say what to do; pydantic's "Value error, " prefix adds nothing.
    return [
        Problem(p.file, p.line, p.message.replace("Value error, ", ""))
        for p in validation_problems(exc, data, file, prefix)
    ]


def _check_keys(data: LineDict, file: str) -> list[Problem]:
    allowed = ", ".join(ALLOWED_KEYS)
    return [
        Problem(file, data.lines[key], f"{key}: unknown key (allowed keys: {allowed})")
        for key in data
        if key not in ALLOWED_KEYS
    ]


def _sources(entries: LineList, file: str) -> tuple[list[SourceEntry], list[Problem]]:
    sources: list[SourceEntry] = []
    problems: list[Problem] = []
    for index, entry in enumerate(entries):
        line = entries.lines[index]
        model = None
        if isinstance(entry, dict):
            model = next((m for key, m in _SHAPES if key in entry), None)
        if model is None:
            problems.append(
                Problem(
                    file,
                    line,
                    f"sources[{index}]: not a known kind of source; write 'section: q1'..'q5', "
                    "'ref: knowledge/sources/....md', or 'title', 'url' and 'as_of' of a public source",
                )
            )
            continue
        try:
            sources.append(model.model_validate(entry))
        except ValidationError as exc:
            problems += _validation(exc, entry, file, prefix=("sources", index))
    return sources, problems


def _check_folder(page_id: str, front: FrontMatter, file: str, data: LineDict) -> list[Problem]:
    from keuzehulp.contract.schema import ELEMENT_SECTIONS  # local: only pages in elements/ need it

    parts = page_id.split("/")
    folder = parts[1] if len(parts) > 2 else ""
    problems = []
    expected = FOLDER_KINDS.get(folder)
    if expected and front.kind not in expected:
        problems.append(
            Problem(
                file,
                data.lines["kind"],
                f"kind: '{front.kind}' does not fit folder '{folder}' (use '{expected[0]}')",
            )
        )
    problems += _check_aliases(front, file, data)
    if front.kind == "fact" and front.checked is None:
        problems.append(Problem(file, data.lines["kind"],
                                "checked: a fact page says when its facts were last checked: "
                                "add a line 'checked: YYYY-MM-DD' (the date you last checked them)"))
    if front.abbreviations and front.kind not in ("glossary", "route"):
        problems.append(Problem(file, data.lines["abbreviations"],
                                "abbreviations: only a glossary or route page explains abbreviations"))
    stem = parts[-1].removesuffix(".md")
    want = None
    if folder == "elements":
        want = ELEMENT_SECTIONS.get(stem)
    elif folder == "questions" and re.fullmatch(r"q[1-5]", stem):
        want = stem
    if want and front.section != want:
        line = data.lines.get("section", data.lines["kind"])
        problems.append(Problem(file, line, f"section: this page belongs to '{want}', not '{front.section}'"))
    return problems


def _check_aliases(front: FrontMatter, file: str, data: LineDict) -> list[Problem]:
    """Aliases (other names the Kennisbank search knows) belong to glossary pages; each one
    says something and is named once."""
    if not front.aliases:
        return []
    if front.kind != "glossary":
        return [Problem(file, data.lines["aliases"], "aliases: only a glossary page (kind: glossary) has aliases")]
    lines = list(getattr(data["aliases"], "lines", [])) or [data.lines["aliases"]] * len(front.aliases)
    problems, seen = [], {}
    for index, (alias, line) in enumerate(zip(front.aliases, lines, strict=False)):
        name = " ".join(alias.casefold().split())
        if not name:
            problems.append(Problem(file, line, f"aliases[{index}]: must not be empty"))
        elif name in seen:
            problems.append(Problem(file, line, f"aliases[{index}]: '{alias}' is named twice (first at line {seen[name]})"))
        else:
            seen[name] = line
    return problems


EXTERNAL_LINK = re.compile(r"^(https?:|mailto:|#)")
LINK_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


def internal_links(body: str, body_line: int) -> list[tuple[str, int]]:
    """Every link target in the body that is not a web address or anchor, with its file line."""
    links = []
    body_lines = body.splitlines()
    for token in LINK_PARSER.parse(body):
        if token.type != "inline" or not token.children:
            continue
        start = token.map[0] if token.map else 0
        end = token.map[1] if token.map else len(body_lines)
        for child in token.children:
            if child.type != "link_open":
                continue
            href = str(child.attrs.get("href", ""))
            if EXTERNAL_LINK.match(href):
                continue
            offset = next((i for i in range(start, end) if href in body_lines[i]), start)
            links.append((href.split("#")[0], body_line + offset))
    return links
