"""Section headings of a page: the first level below its title.

Streamlit's st.subheader is an h3, and a page that goes from its title (h1) straight to h3
skips a level for screen readers (axe: heading-order). A section heading is an h2 drawn at the
subheader's size, so the pages look as they did (ui/kit/streamlit_layout.page_css sizes it).
"""

from __future__ import annotations

import streamlit as st

KEY_PREFIX = "section-"  # page_css sizes the h2 inside containers whose key starts with this


def section_heading(text: str, *, key: str) -> None:
    """An h2 at the size of a subheader. `text` is Markdown (escape user text first); `key`
    unique on the page."""
    with st.container(key=f"{KEY_PREFIX}{key}"):
        st.header(text, anchor=False)
