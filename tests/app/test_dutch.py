"""The constant scripts of ui/kit/streamlit_adapter.py: Streamlit's own words in Dutch, and a new
page starting at the top."""

from __future__ import annotations

import re

import pytest
from ui.kit.streamlit_adapter import PAGE_CHANGE_SCRIPT, SCRIPT


@pytest.mark.parametrize("script", [SCRIPT, PAGE_CHANGE_SCRIPT], ids=["dutch", "page-change"])
def test_script_survives_streamlits_sanitiser(script):
    """DOMPurify drops a whole <script> whose text has '<' before a letter, '/' or '!'."""
    body = script.removeprefix("<script>").removesuffix("</script>")
    assert re.findall(r"<[/\w!]", body) == []


def test_a_translation_table_is_only_asked_for_its_own_keys():
    """`"toString" in sentences` is true for any JavaScript object: a scenario named toString or
    constructor in a list would have been 'translated' into the text of a function."""
    assert not re.search(r"\bin (labels|sentences|toolbar|placeholders|words)\b", SCRIPT)
    assert not re.search(r"(?<!: )\b(sentences|words)\[value\](?! :)", SCRIPT)
    assert "hasOwnProperty" in SCRIPT
