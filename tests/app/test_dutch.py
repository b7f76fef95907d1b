"""The constant scripts of ui/streamlit_adapter.py: Streamlit's own words in Dutch, and a new
page starting at the top."""

from __future__ import annotations

import re

import pytest

from ui.streamlit_adapter import PAGE_CHANGE_SCRIPT, SCRIPT


@pytest.mark.parametrize("script", [SCRIPT, PAGE_CHANGE_SCRIPT], ids=["dutch", "page-change"])
def test_script_survives_streamlits_sanitiser(script):
    """DOMPurify drops a whole <script> whose text has '<' before a letter, '/' or '!'."""
    body = script.removeprefix("<script>").removesuffix("</script>")
    assert re.findall(r"<[/\w!]", body) == []
