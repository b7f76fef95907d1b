"""Helpers for the AppTest suite: pages by path, widgets set by their field key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from keuzehulp.labels import labels
from keuzehulp.schema import Profile

APP = Path(__file__).resolve().parents[2] / "app.py"
STEP_PAGES = {
    "start": "pages/start.py",
    "q1": "pages/q1_waarom.py",
    "q2": "pages/q2_organisatie.py",
    "q3": "pages/q3_begeleiding.py",
    "q4": "pages/q4_taal.py",
    "q5": "pages/q5_participatie.py",
}


def fresh_app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def open_page(at: AppTest, path: str) -> AppTest:
    at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def set_field(at: AppTest, name: str, value: Any) -> None:
    """Set one profile field's widget the way a user would, by its key (= field name)."""
    annotation = Profile.model_fields[name].annotation
    if name == "municipality":
        at.text_input(key=name).input(value)
    elif name == "partners":
        at.multiselect(key=name).set_value(value)
    elif annotation is bool:
        at.toggle(key=name).set_value(value)
    elif annotation is int:
        at.text_input(key=name).input(str(value))  # a text box read the Dutch way (ui/widgets)
    else:
        at.radio(key=name).set_value(value)


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
