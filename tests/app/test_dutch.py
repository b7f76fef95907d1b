"""The constant CSS and script that say Streamlit's own words in Dutch (ui/dutch.py)."""

from __future__ import annotations

import re

from keuzehulp.schema import Profile
from ui.dutch import SCRIPT
from ui.widgets import number_range_css


def test_script_survives_streamlits_sanitiser():
    """DOMPurify drops a whole <script> whose text has '<' before a letter, '/' or '!'."""
    body = SCRIPT.removeprefix("<script>").removesuffix("</script>")
    assert re.findall(r"<[/\w!]", body) == []


def test_every_number_question_has_its_dutch_range_line():
    css = number_range_css()
    numbers = [name for name, info in Profile.model_fields.items() if info.annotation is int]
    assert numbers
    for name in numbers:
        assert f".st-key-{name}:has(input[aria-invalid='true'])::after" in css, name
    assert "10.000" in css and "100.000" in css  # thousands the Dutch way
