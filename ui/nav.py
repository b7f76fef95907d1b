"""The route through the app: one entry per page, in the order the sidebar shows them.

Other features append their pages here (e.g. "Vergelijken", "Presenteren"); entries with a
`step` are wizard steps and appear in the stepper with their answered state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavPage:
    path: str  # relative to app.py
    title: str  # Dutch, shown in the sidebar and as browser tab title
    icon: str  # Material icon, e.g. ":material/home:"
    step: str | None = None  # "start", "q1".."q5" for wizard steps; None for other pages
    url_path: str | None = None  # defaults to the file name


PAGES: list[NavPage] = [
    NavPage("pages/start.py", "Start", ":material/home:", "start", "start"),
    NavPage("pages/q1_waarom.py", "1 Waarom duaal", ":material/lightbulb:", "q1", "waarom"),
    NavPage("pages/q2_organisatie.py", "2 Organisatie", ":material/account_tree:", "q2", "organisatie"),
    NavPage("pages/q3_begeleiding.py", "3 Begeleiding", ":material/support_agent:", "q3", "begeleiding"),
    NavPage("pages/q4_taal.py", "4 Taal en praktijk", ":material/record_voice_over:", "q4", "taal"),
    NavPage("pages/q5_participatie.py", "5 Participatieplek", ":material/work:", "q5", "participatie"),
    NavPage("pages/advies.py", "Advies", ":material/task_alt:", None, "advies"),
    NavPage("pages/vergelijken.py", "Vergelijken", ":material/compare_arrows:", None, "vergelijken"),
    NavPage("pages/presentatie.py", "Presenteren", ":material/slideshow:", None, "presenteren"),
    NavPage("pages/kennisbank.py", "Kennisbank", ":material/menu_book:", None, "kennisbank"),
]

QUESTION_STEPS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "q5")


def step_pages() -> list[NavPage]:
    """The wizard steps in order: Start, then the five questions."""
    return [p for p in PAGES if p.step is not None]


def page_for_step(step: str) -> NavPage:
    return next(p for p in PAGES if p.step == step)


def page_by_path(path: str) -> NavPage:
    return next(p for p in PAGES if p.path == path)


def neighbours(step: str) -> tuple[NavPage | None, NavPage | None]:
    """The page before and after a wizard step (after q5 comes the advice)."""
    steps = step_pages()
    index = next(i for i, p in enumerate(steps) if p.step == step)
    before = steps[index - 1] if index > 0 else None
    after = steps[index + 1] if index + 1 < len(steps) else page_by_path("pages/advies.py")
    return before, after
