"""A bare Streamlit page for comparison: the same kinds and numbers of elements as one of our
pages, with no logic behind them (no advice, no state, no content loading).

The element counts come as JSON, {"markdown": 40, "radio": 3, ...}: from the environment
variable BARE_SPEC (AppTest) or the query parameter `spec` (browser). Unknown kinds count as
Markdown. A radio keyed "value" is always there, for the click benchmark.
"""

import json
import os

import streamlit as st

spec = json.loads(st.query_params.get("spec", os.environ.get("BARE_SPEC", '{"markdown": 50}')))
st.radio("Keuze", ["Eerste", "Tweede"], key="value", horizontal=True)
blocks = spec.pop("block", 0)
index = 0


def place():
    """Every n-th element goes into a bordered container, as our cards do."""
    global blocks
    if blocks > 0:
        blocks -= 1
        return st.container(border=True)
    return st.container()


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
            else:
                st.markdown(f"Regel {index}: een gewone alinea **tekst**.")
