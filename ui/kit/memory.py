"""Keep the garbage collection Streamlit runs after every click cheap.

Streamlit calls `gc.collect(2)` after each script run (config `runner.postScriptGC`), which
walks every object the process holds. With Streamlit, the engine, the knowledge base, Altair
and the report writers loaded that is some 140,000 long-lived objects, and the collection took
60-115 ms of every click: longer than the rerun itself, and the answer waits behind it.

Those objects live as long as the process, so once they are all loaded we move them to the
permanent generation (`gc.freeze`). What to load is found, not listed: every module of ui/ is
imported (with the engine modules it uses) and every content loader among them (a
module-level `@lru_cache` function without arguments) is called, so a new page, module or
loader is frozen too. After that each collection only walks what sessions made since.

That still grew with the number of open sessions (every session's objects, at every click), so
the forced collection is off as well (`runner.postScriptGC = false` in .streamlit/config.toml
and deploy/serve.py). Python's own generational collector still frees cycles; its full
collections come only when the older objects have grown by a quarter, so their cost per click
stays flat. bench/load.py measures CPU per click and RSS from 5 to 80 sessions.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import logging
import pkgutil
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

LOG = logging.getLogger(__name__)
_lock = threading.Lock()
_frozen = False


def _modules() -> list[ModuleType]:
    """Every module of the app layer (ui/), imported with all it uses (the engine, Altair,
    python-docx, ...: pages import some of them only on a click), and every module of ours
    that is loaded then. The engine's modules the app never uses (the CLI, the store before
    the app uses it) stay out of the app's memory."""
    package = importlib.import_module("ui")
    for info in pkgutil.walk_packages(package.__path__, "ui."):
        importlib.import_module(info.name)
    return [module for name, module in sorted(sys.modules.items())
            if name.split(".")[0] in ("ui", "keuzehulp") and module is not None]


def loaders(modules: list[ModuleType]) -> list[Callable[[], Any]]:
    """The content loaders: module-level `@lru_cache` functions that take no argument. By the
    project's convention these load something once per process (labels(), rules(), ...)."""
    out = []
    for module in modules:
        for obj in vars(module).values():
            if (callable(obj) and hasattr(obj, "cache_info") and getattr(obj, "__module__", "") == module.__name__
                    and not any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                                for p in inspect.signature(obj).parameters.values())):
                out.append(obj)
    return out


def _load_long_lived() -> None:
    """Import every module of the app and call every content loader: no hand-kept list."""
    for load in loaders(_modules()):
        load()


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
