"""The shell's tools that every page uses: the page list and links (nav), the one module on
Streamlit's internals (streamlit_adapter, with its CSS on Streamlit's test ids in
streamlit_layout), expanders drawn only once opened (lazy), long-lived
objects frozen for cheap clicks (memory), and terms spelled out on first use per page run
(firstuse).

May import: ui.session and the engine (keuzehulp). Never a page family or the shell.
"""
