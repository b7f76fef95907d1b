"""A bare Streamlit page for comparison: the same kinds and numbers of elements as one of our
pages, with no logic behind them (no advice, no state, no content loading).

The element counts come as JSON, {"markdown": 40, "radio": 3, ...}: from the environment
variable BARE_SPEC (AppTest) or the query parameter `spec` (browser). Unknown kinds count as
Markdown. A radio keyed "value" is always there, for the click benchmark.

Layout blocks are drawn as what they are on our page: "expander" as expanders, "tab" as tab
panels (in groups of three), "column" as pairs of columns, "block" as bordered containers; each
holds one element. "text_chars" is the text volume of our Markdown and captions, spread evenly
over the bare page's Markdown and captions (a bare page of one-line paragraphs would be unfair).
"""

import json
import os
from contextlib import nullcontext

import streamlit as st

spec = json.loads(st.query_params.get("spec", os.environ.get("BARE_SPEC", '{"markdown": 50}')))
st.radio("Keuze", ["Eerste", "Tweede"], key="value", horizontal=True)
blocks = spec.pop("block", 0)
expanders = spec.pop("expander", 0)
tab_panels = spec.pop("tab", 0)
column_count = spec.pop("column", 0)
text_chars = spec.pop("text_chars", 0)
texts = spec.get("markdown", 0) + spec.get("caption", 0)
chars_each = max(40, text_chars // texts) if texts else 40
pending: list = []  # open tab panels or columns, each takes one element
index = 0

FILLER = ("een gewone zin in het advies die iets zegt over de situatie van de gemeente "
          "en wat de handreiking daarover schrijft. ")


def text(index: int) -> str:
    """Markdown of about chars_each characters: bullets of ~150 characters, one bold word."""
    body = f"Regel {index}: **tekst** " + FILLER * (chars_each // len(FILLER) + 1)
    body = body[:chars_each]
    return "\n".join(f"- {body[i:i + 150]}" for i in range(0, len(body), 150))


def place():
    """Where the next element goes: an expander, tab panel, column or bordered container while
    our page has those, else the main area."""
    global blocks, expanders, tab_panels, column_count
    if pending:
        return pending.pop(0)
    if expanders > 0:
        expanders -= 1
        return st.expander(f"Meer {index}")
    if tab_panels > 0:
        size = min(3, tab_panels)
        tab_panels -= size
        pending.extend(st.tabs([f"Tab {index}.{n}" for n in range(size)]))
        return pending.pop(0)
    if column_count > 0:
        size = min(2, column_count)
        column_count -= size
        pending.extend(st.columns(size))
        return pending.pop(0)
    if blocks > 0:
        blocks -= 1
        return st.container(border=True)
    return nullcontext()  # no wrapper: our page has no more blocks than it counts


for kind, count in sorted(spec.items()):
    for _ in range(count):
        index += 1
        key = f"w{index}"
        with place():
            if kind == "radio":
                st.radio(f"Vraag {index}", ["a", "b", "c"], key=key, horizontal=True)
            elif kind in ("toggle", "checkbox"):
                st.toggle(f"Vraag {index}", key=key)
            elif kind == "number_input":
                st.number_input(f"Vraag {index}", min_value=0, max_value=100, key=key)
            elif kind in ("text_input", "text_area"):
                st.text_input(f"Vraag {index}", key=key)
            elif kind == "multiselect":
                st.multiselect(f"Vraag {index}", ["a", "b", "c"], key=key)
            elif kind == "selectbox":
                st.selectbox(f"Vraag {index}", ["a", "b", "c"], key=key)
            elif kind in ("button", "page_link"):
                st.button(f"Knop {index}", key=key)
            elif kind == "download_button":
                st.download_button(f"Download {index}", data=b"x", on_click="ignore", key=key)
            elif kind == "file_uploader":
                st.file_uploader(f"Bestand {index}", key=key)
            elif kind == "metric":
                st.metric(f"Getal {index}", index)
            elif kind == "caption":
                st.caption(text(index))
            elif kind == "markdown":
                st.markdown(text(index))
            else:  # title, subheader, divider, html, ...: one short line
                st.markdown(f"Regel {index}: een gewone alinea **tekst**.")
