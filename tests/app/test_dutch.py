"""The constant CSS and script that say Streamlit's own words in Dutch (ui/streamlit_adapter.py)."""

from __future__ import annotations

import re

from ui.streamlit_adapter import SCRIPT


def test_script_survives_streamlits_sanitiser():
    """DOMPurify drops a whole <script> whose text has '<' before a letter, '/' or '!'."""
    body = SCRIPT.removeprefix("<script>").removesuffix("</script>")
    assert re.findall(r"<[/\w!]", body) == []
