"""Flood limits behind a proxy count the address the proxy saw, not one the visitor typed."""

import pytest
from ui.workshop.store import forwarded_client


@pytest.mark.parametrize(("header", "expected"), [
    ("203.0.113.7", "203.0.113.7"),
    # A visitor who sends its own X-Forwarded-For: nginx appends the real address last.
    ("1.2.3.4, 203.0.113.7", "203.0.113.7"),
    ("spoofed, also-spoofed,  198.51.100.2 ", "198.51.100.2"),
    ("", ""),
    (None, ""),
])
def test_the_last_forwarded_entry_is_the_visitor(header, expected):
    assert forwarded_client(header) == expected


def test_a_huge_header_is_cut_short():
    assert len(forwarded_client("x" * 10_000)) == 64
