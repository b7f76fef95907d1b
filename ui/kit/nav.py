"""The route through the app: one entry per page, in the order the sidebar shows them.

Other features append their pages here (e.g. "Vergelijken", "Presenteren"); entries with a
`step` are wizard steps and appear in the stepper with their answered state.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class NavPage:
    path: str  # relative to app.py
    title: str  # Dutch, shown in the sidebar and as browser tab title
    icon: str  # Material icon, e.g. ":material/home:"
    step: str | None = None  # "start", "q1".."q5" for wizard steps; None for other pages
    # What draws the page: "module:function"; a question step's function gets the step id.
    render: str = ""
    # Leave None: the address is then the file name (/q2_organisatie). Streamlit also scans the
    # pages/ folder itself, and a deep link to any other address first shows "Page not found"
    # (streamlit/streamlit#9992).
    url_path: str | None = None
    # A participant's page (Stemmen; Regio invullen): no sidebar, not in the route.
    participant: bool = False


PAGES: list[NavPage] = [
    NavPage("pages/start.py", "Start", ":material/home:", "start", render="ui.wizard.start:render_start"),
    NavPage("pages/q1_waarom.py", "1 Waarom duaal", ":material/lightbulb:", "q1", render="ui.wizard.step:render_step"),
    NavPage("pages/q2_organisatie.py", "2 Organisatie", ":material/account_tree:", "q2", render="ui.wizard.step:render_step"),
    NavPage("pages/q3_begeleiding.py", "3 Begeleiding", ":material/support_agent:", "q3", render="ui.wizard.step:render_step"),
    NavPage("pages/q4_taal.py", "4 Taal en praktijk", ":material/record_voice_over:", "q4", render="ui.wizard.step:render_step"),
    NavPage("pages/q5_participatie.py", "5 Participatieplek", ":material/work:", "q5", render="ui.wizard.step:render_step"),
    NavPage("pages/advies.py", "Advies", ":material/summarize:", None, render="ui.wizard.advies:render_advies"),
    NavPage("pages/inkoop.py", "Inkoop", ":material/shopping_cart:", None, render="ui.procurement.page:procurement_page"),
    NavPage("pages/kosten.py", "Kosten en doorlooptijd", ":material/euro:", None, render="ui.costs.page:costs_page"),
    NavPage("pages/vergelijken.py", "Vergelijken", ":material/compare_arrows:", None, render="ui.present.scenarios:comparison_page"),
    NavPage("pages/presentatie.py", "Presenteren", ":material/slideshow:", None, render="ui.present.slides:presentation_page"),
    NavPage("pages/regio.py", "Regio", ":material/hub:", None, render="ui.region.page:region_page"),
    NavPage("pages/workshop.py", "Workshop", ":material/groups:", None, render="ui.workshop.live:workshop_page"),
    NavPage("pages/kennisbank.py", "Kennisbank", ":material/menu_book:", None, render="ui.kennis.kennisbank:render_kennisbank"),
    NavPage("pages/stemmen.py", "Stemmen", ":material/how_to_vote:", None, participant=True,
            render="ui.workshop.stemmen:stemmen_page"),
    NavPage("pages/regio_invullen.py", "Regio invullen", ":material/edit_note:", None, participant=True,
            render="ui.region.reps:representative_page"),
]


# The st.Page objects ui/shell/entry.py registered in the script run on this thread (each run of a session
# runs on its script thread). A link given one of them is not resolved on disk again:
# st.page_link with a file path does a realpath() per link, a tenth of a page's rerun.
_run = threading.local()


def remember_pages(pages: dict[str, Any]) -> None:
    """Called by ui/shell/entry.py with {path: st.Page} for this run."""
    _run.pages = pages


def link_target(path: str) -> Any:
    """What st.page_link and st.switch_page get for the page at `path`: this run's st.Page, or
    the path itself when ui/shell/entry.py has not run on this thread (a page drawn on its own in a test)."""
    pages = getattr(_run, "pages", None)
    return pages.get(path, path) if pages else path


def is_participant_page(title: str) -> bool:
    """Whether the page about to run is a participant's (drawn without the sidebar)."""
    return any(p.participant for p in PAGES if p.title == title)

QUESTION_STEPS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "q5")
READ_STEPS: tuple[str, ...] = ("q1",)  # steps with nothing to answer: marked read on a visit
ANSWER_STEPS: tuple[str, ...] = tuple(s for s in QUESTION_STEPS if s not in READ_STEPS)


def step_pages() -> list[NavPage]:
    """The wizard steps in order: Start, then the five questions."""
    return [p for p in PAGES if p.step is not None]


def page_for_step(step: str) -> NavPage:
    return next(p for p in PAGES if p.step == step)


def page_by_path(path: str) -> NavPage:
    return next(p for p in PAGES if p.path == path)


def visit(title: str) -> None:
    """Called by ui/shell/entry.py for the page about to run: vraag 1 has nothing to answer; a visit reads it."""
    from ui.session.state import mark_read

    page = next((p for p in PAGES if p.title == title), None)
    if page is not None and page.step in READ_STEPS:
        mark_read(page.step)


def neighbours(step: str) -> tuple[NavPage | None, NavPage | None]:
    """The page before and after a wizard step (after q5 comes the advice)."""
    steps = step_pages()
    index = next(i for i, p in enumerate(steps) if p.step == step)
    before = steps[index - 1] if index > 0 else None
    after = steps[index + 1] if index + 1 < len(steps) else page_by_path("pages/advies.py")
    return before, after


def run_page(file: str) -> None:
    """Draw the page of one file in pages/ (each holds only `run_page(__file__)`).

    First the entry-point guard, before any of the page's own modules is imported, so the
    first request of a fresh server restarts through app.py at once (streamlit_adapter)."""
    from importlib import import_module

    from ui.kit.streamlit_adapter import ensure_entrypoint

    ensure_entrypoint()
    from ui.kit.firstuse import start_page

    start_page()  # abbreviations are spelled out once per page run
    page = page_by_path(f"pages/{Path(file).name}")
    module, _, function = page.render.partition(":")
    draw = getattr(import_module(module), function)
    if page.step is not None and page.step != "start":
        draw(page.step)
    else:
        draw()
