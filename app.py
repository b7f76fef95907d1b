"""Keuzehulp duaal inburgeren: the entry script. Each run is ui/shell/entry.py's run()."""

from ui.kit.streamlit_adapter import ensure_entrypoint

ensure_entrypoint()  # before the app's own modules load: a fresh server's first run restarts at once

from ui.shell.entry import run  # noqa: E402

run()
