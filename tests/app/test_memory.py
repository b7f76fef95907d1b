"""After its first run the app has moved its long-lived content out of the garbage collector's
way, so the full collection Streamlit runs after every click (runner.postScriptGC) stays short.
Measured in bench/pages.py (click -> update); here: that it happened, and to what."""

from __future__ import annotations

import gc

from keuzehulp.rules.register import knowledge_base
from keuzehulp.rules.ruleset import rules
from wizard_helpers import fresh_app


def walked_by_collection() -> set[int]:
    """Ids of the objects a full collection walks (the permanent generation is not among them)."""
    return {id(obj) for obj in gc.get_objects()}


def test_first_run_freezes_content_so_each_click_collects_little():
    at = fresh_app().run()
    assert not at.exception
    assert gc.get_freeze_count() > 50_000  # Streamlit, the engine, Altair, report writers
    walked = walked_by_collection()
    kb = knowledge_base()
    assert gc.is_tracked(kb) and gc.is_tracked(rules())  # else the checks below say nothing
    assert id(kb) not in walked
    assert id(next(iter(kb.items.values()))) not in walked
    assert id(rules()) not in walked


def test_what_is_frozen_is_found_not_listed():
    """Every content loader of the app's modules is called before the freeze, without a list:
    a new `@lru_cache` loader (or a new page module) is picked up by itself."""
    from ui.kit import memory

    modules = memory._modules()
    names = {m.__name__ for m in modules}
    assert {"ui.wizard.chart", "keuzehulp.report.as_docx", "keuzehulp.report.as_pdf"} <= names  # imported on a click
    import pkgutil

    import ui
    assert {f"ui.{m.name}" for m in pkgutil.iter_modules(ui.__path__)} <= names  # every page module
    found = {f"{f.__module__}.{f.__name__}" for f in memory.loaders(modules)}
    assert {"keuzehulp.contract.labels.labels", "keuzehulp.rules.ruleset.rules", "keuzehulp.knowledge.base.knowledge_base",
            "keuzehulp.report.texts.texts", "keuzehulp.contract.fields.field_specs"} <= found
    assert "keuzehulp.rules.engine.advise" not in found  # takes an argument: no loader
