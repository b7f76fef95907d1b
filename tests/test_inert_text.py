"""User text on screen: one helper (markdown.inert_markdown) makes it literal for Streamlit's
Markdown; the browser test (tests/browser/test_hostile_browser.py) checks what is drawn."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.dutch.markdown import WORD_JOINER, inert_markdown, strip_invisible

ROOT = Path(__file__).resolve().parent.parent
TEXTS, _problems = load_yaml_file(ROOT / "tests" / "hostile" / "texts.yaml")
assert not _problems, _problems


def _read(markdown: str) -> str:
    """What a reader sees once CommonMark resolves the backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.mark.parametrize("case", TEXTS, ids=[c["text"] for c in TEXTS])
def test_hostile_text_reads_exactly_as_typed(case: dict) -> None:
    """As typed, less the invisible characters (tests/test_invisible_text.py)."""
    assert _read(inert_markdown(case["text"])) == " ".join(strip_invisible(case["text"]).split())


@pytest.mark.parametrize("case", TEXTS, ids=[c["text"] for c in TEXTS])
def test_no_pattern_streamlit_matches_survives(case: dict) -> None:
    """What Streamlit finds in the resolved text: www./http(s)://, e-mail, :shortcode:, $."""
    out = inert_markdown(case["text"])
    resolved = re.sub(r"\\(.)", r"\1", out)  # the text node after escapes, joiners kept
    assert not re.search(r"www\.|[a-z]+://|@[\w-]|:[\w/+-]+:|:\w+\[", resolved, re.I), resolved
    assert not re.search(r"(?<!\\)[$<>\[\]()*_`#|&!~]", out), out  # every markup sign escaped


def test_a_text_on_several_lines_stays_one_line() -> None:
    assert inert_markdown("een\n\n# twee\n- drie") == "een \\# twee \\- drie"


def test_screens_use_the_one_helper_for_user_text() -> None:
    """ui/ and pages/ never use escape_markdown (the downloads' helper, which lets Streamlit
    turn addresses into links and $..$ into maths): user text on screen goes through
    inert_markdown only."""
    offenders = []
    for path in [*ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "escape_markdown" or (
                    isinstance(node, ast.alias) and node.name == "escape_markdown"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno if hasattr(node, 'lineno') else '?'}")
    assert offenders == []
