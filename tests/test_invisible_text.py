"""Invisible characters and bare addresses in what users type (issue 22, finding 10).

Bidirectional controls (U+202E turns "Annagnp.exe" into something that reads backwards) and
zero-width characters are removed from all user text where it enters, by one function
(keuzehulp.dutch.markdown.strip_invisible): the schema's text fields, a vote's reason and name, and
the screen and download helpers. The Markdown download escapes bare web and e-mail addresses,
so a viewer that links them (markdown-it's linkify, as in VS Code; GitHub) shows text."""

from __future__ import annotations

import json
import re
import typing
from io import BytesIO

import pytest
from docx import Document
from markdown_it import MarkdownIt
from pydantic import BaseModel
from pypdf import PdfReader

from keuzehulp.contract import schema
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.dutch.markdown import WORD_JOINER, escape_markdown, inert_markdown, strip_invisible
from keuzehulp.report import render, render_comparison
from keuzehulp.report.compare import compare
from keuzehulp.rules.engine import advise
from keuzehulp.workshop.ballot import clean_author, validate
from tests.test_inert_text import ROOT

CASES, _problems = load_yaml_file(ROOT / "tests" / "hostile" / "invisible.yaml")
assert not _problems, _problems
IDS = [c["name"] for c in CASES]
# Every character the cases remove (what no output may hold).
INVISIBLE = sorted({ch for c in CASES for ch in c["text"] if ch not in c["visible"]})
SPOOF = "Anna\u202egnp.exe\u200b \u2066x\u2069\ufeff"  # reads as "Anna" + "exe.png" reversed


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_one_function_removes_exactly_the_invisible(case: dict) -> None:
    assert strip_invisible(case["text"]) == case["visible"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_screen_and_download_helpers_show_only_the_visible(case: dict) -> None:
    on_screen = inert_markdown(case["text"]).replace(WORD_JOINER, "")  # our own joiners stay
    assert re.sub(r"\\(.)", r"\1", on_screen) == case["visible"]
    assert re.sub(r"\\(.)", r"\1", escape_markdown(case["text"])) == case["visible"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_vote_reason_and_name_are_stored_without_them(case: dict) -> None:
    assert validate("decision:delivery", "in_house", case["text"]).reason == case["visible"]
    assert clean_author(case["text"]) == case["visible"]


def _models(model: type[BaseModel], seen: set[type]) -> set[type[BaseModel]]:
    """The model and every model reachable from its fields."""
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                _models(tp, seen)
            stack += list(typing.get_args(tp))
    return seen


def _plain(tp: object) -> object:
    """The type without Annotated[...] wrappers (pydantic keeps them inside Optional, dict)."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _text_fields() -> list[tuple[type[BaseModel], str]]:
    """Every field of the session's models that holds text: str, str | None, dict[..., str]."""
    out = []
    for model in sorted(_models(schema.Session, set()), key=lambda m: m.__name__):
        for name, field in model.model_fields.items():
            tp = field.annotation
            args = [_plain(a) for a in typing.get_args(tp)]
            if tp is str or (typing.get_origin(tp) in (typing.Union, type(str | None)) and str in args) \
                    or (typing.get_origin(tp) is dict and args[-1] is str):
                out.append((model, name))
    return out


TEXT_FIELDS = _text_fields()
# What each model needs besides the field under test to be valid.
REQUIRED = {"VoteReason": {"text": "x"}, "Scenario": {"name": "x", "profile": {}}}


def test_the_session_has_the_text_fields_this_test_walks() -> None:
    names = {f"{m.__name__}.{n}" for m, n in TEXT_FIELDS}
    assert {"Profile.municipality", "Participant.name", "TeamDecision.reason", "TeamAction.owner",
            "VoteReason.text", "VoteReason.author", "Scenario.name", "Session.active_scenario",
            "TeamInput.notes"} <= names


@pytest.mark.parametrize("model, name", TEXT_FIELDS, ids=[f"{m.__name__}.{n}" for m, n in TEXT_FIELDS])
def test_every_text_field_of_a_session_drops_them_as_it_is_read(model: type[BaseModel], name: str) -> None:
    is_dict = typing.get_origin(model.model_fields[name].annotation) is dict
    data = {**REQUIRED.get(model.__name__, {}), name: {"q1": SPOOF} if is_dict else SPOOF}
    value = getattr(model.model_validate(data), name)
    assert (value["q1"] if is_dict else value) == strip_invisible(SPOOF) == "Annagnp.exe x"


def _hostile_session() -> schema.Session:
    """An uploaded session with invisible characters and bare addresses in every user text."""
    addr = "zie https://evil.example/a, www.evil.nl, evil.nl of post@evil.nl"
    body = {
        "kind": "keuzehulp-sessie",
        "profile": {"municipality": "Lo\u202echem"},
        "scenarios": [{"name": "Plan\u200b A evil.nl post@evil.nl", "profile": {"annual_intake": 80}}],
        "team": {
            "participants": [{"name": "An\u202ena " + addr, "role": "\u2066wethouder\u2069"}],
            "decisions": {"delivery": {"choice": "mixed", "reason": "Om\u200bdat " + addr}},
            "notes": {"q1": "Noti\ufeffe " + addr},
            "actions": {"aftercare": {"action": "Bel\u200d " + addr, "owner": "Bo\u202db"}},
        },
        "workshop": {"code": "KM7R4XHC", "participants": 1, "questions": {"decision:delivery": {
            "counts": {"in_house": 1}, "voters": 1,
            "reasons": [{"value": "in_house", "text": "Re\u202eden " + addr, "author": "Ca\u200brla"}]}}},
    }
    return parse_session(json.dumps(body))


def _text_of(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        doc = Document(BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx", "pdf"])
def test_no_download_holds_an_invisible_character(fmt: str) -> None:
    session = _hostile_session()
    text = _text_of(fmt, render(fmt, advise(session.profile), session))
    if fmt == "json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    assert not [f"U+{ord(ch):04X}" for ch in INVISIBLE if ch in text]
    assert "Lochem" in text and "Omdat" in text


def _linked(markdown: str) -> list[str]:
    """The addresses a linkifying viewer makes of the Markdown (markdown-it with linkify on,
    fuzzy links and e-mail included, as VS Code's preview does)."""
    md = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table"])
    return re.findall(r'href="([^"]*)"', md.render(markdown))


def test_bare_addresses_a_user_typed_are_no_links_in_the_markdown_download() -> None:
    session = _hostile_session()
    download = render("md", advise(session.profile), session).decode("utf-8")
    assert "evil" in download
    assert [href for href in _linked(download) if "evil" in href] == []
    # read back by a viewer, the text is what was typed
    assert "Omdat zie https://evil.example/a, www.evil.nl, evil.nl of post@evil.nl" in \
        re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(download))


def test_bare_addresses_are_no_links_in_the_scenario_comparison_download() -> None:
    session = _hostile_session()
    profile = session.scenarios[0].profile
    both = compare([("post@evil.nl", session.profile), (session.scenarios[0].name, profile)], session.team)
    download = render_comparison("md", both).decode("utf-8")
    assert "evil" in download
    assert [href for href in _linked(download) if "evil" in href] == []


def test_the_linkifying_viewer_of_these_tests_does_link_bare_addresses() -> None:
    """The check above can fail: the same viewer links each address when it is left bare."""
    hrefs = _linked("zie https://evil.example/a, www.evil.nl, evil.nl of post@evil.nl")
    assert hrefs == ["https://evil.example/a", "http://www.evil.nl", "http://evil.nl", "mailto:post@evil.nl"]
