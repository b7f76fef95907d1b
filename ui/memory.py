"""Keep the garbage collection Streamlit runs after every click cheap.

Streamlit calls `gc.collect(2)` after each script run (config `runner.postScriptGC`), which
walks every object the process holds. With Streamlit, the engine, the knowledge base, Altair
and the report writers loaded that is some 140,000 long-lived objects, and the collection took
60-115 ms of every click: longer than the rerun itself, and the answer waits behind it.

Those objects live as long as the process, so once they are all loaded we move them to the
permanent generation (`gc.freeze`). After that each collection only walks what sessions made
since.

That still grew with the number of open sessions (every session's objects, at every click), so
the forced collection is off as well (`runner.postScriptGC = false` in .streamlit/config.toml
and deploy/serve.py). Python's own generational collector still frees cycles; its full
collections come only when the older objects have grown by a quarter, so their cost per click
stays flat. bench/load.py measures CPU per click and RSS from 5 to 80 sessions.
"""

from __future__ import annotations

import gc
import logging
import threading

LOG = logging.getLogger(__name__)
_lock = threading.Lock()
_frozen = False


def _load_long_lived() -> None:
    """Import and load everything the process keeps for its whole life."""
    import altair  # noqa: F401  (the group chart)

    from keuzehulp.engine import advise
    from keuzehulp.labels import labels
    from keuzehulp.report import render  # noqa: F401  (python-docx, fpdf2: on a download)
    from keuzehulp.report.texts import texts
    from keuzehulp.rules import rules
    from keuzehulp.schema import Profile

    from . import chart, kennis  # noqa: F401

    labels()
    rules()
    texts()
    kennis.kb()
    advise(Profile())  # fills the engine's own caches (flip phrases, derived specs)


def freeze_long_lived() -> None:
    """Once per process: load the long-lived objects, collect, then freeze what is left.

    Never raises: a content error is the pages' to report, and without the freeze the app is
    only slower."""
    global _frozen
    if _frozen:
        return
    with _lock:
        if _frozen:
            return
        try:
            _load_long_lived()
        except Exception:  # the page that needs it shows the Dutch message
            LOG.exception("loading content before the freeze failed")
        gc.collect()  # no garbage goes into the permanent generation
        gc.freeze()
        _frozen = True
