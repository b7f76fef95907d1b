"""Helpers for the AppTest suite: pages by path, widgets set by their field key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keuzehulp.contract.fields import field_specs
from keuzehulp.contract.labels import labels
from streamlit.testing.v1 import AppTest
from ui.kit.nav import step_pages

APP = Path(__file__).resolve().parents[2] / "app.py"
STEP_PAGES = {page.step: page.path for page in step_pages()}  # start, q1..q5 in route order


def fresh_app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def open_page(at: AppTest, path: str) -> AppTest:
    at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def set_field(at: AppTest, name: str, value: Any) -> None:
    """Set one profile field's widget the way a user would, by its key (= field name)."""
    widget = field_specs()[name].widget  # the field's declaration says how it is asked
    if widget == "number":
        at.text_input(key=name).input(str(value))  # a text box read the Dutch way (ui/widgets)
    else:
        element = {"text": at.text_input, "multiselect": at.multiselect, "toggle": at.toggle,
                   "radio": at.radio}[widget](key=name)
        element.input(value) if widget == "text" else element.set_value(value)


def fill_in(at: AppTest, answers: dict[str, Any]) -> AppTest:
    """Walk the steps in order and answer every given field on its own step."""
    for step, path in STEP_PAGES.items():
        names = [n for n in labels().fields_for_step(step) if n in answers]
        open_page(at, path)
        for name in names:
            set_field(at, name, answers[name])
            at.run()
            assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at: AppTest) -> str:
    """Everything a user reads on the page (markdown, captions, titles, alerts, metrics)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning",
                 "success", "info"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [t.label for t in at.tabs] + [e.label for e in at.expander]
    return "\n".join(parts)


def open_expander(at: AppTest, key: str) -> AppTest:
    """Open an expander whose contents are drawn only once opened (ui/kit/lazy.py), as a click on
    its title would, and run the page."""
    at.session_state[key] = True
    return at.run()
