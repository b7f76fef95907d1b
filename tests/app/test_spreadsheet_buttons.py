"""The spreadsheet download (issue 24) is offered where a team needs it while the workshop runs:
on Kosten, Vergelijken (with two scenarios) and Workshop (once a workshop runs)."""

from __future__ import annotations

from wizard_helpers import open_page

from keuzehulp.contract.schema import Profile, Scenario
from ui.session.state import SESSION_KEY

LABEL = "Spreadsheet (Excel)"


def _labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.proto.label for b in app.get("download_button")]


def test_kosten_offers_the_spreadsheet(app) -> None:  # type: ignore[no-untyped-def]
    open_page(app, "pages/kosten.py")
    assert LABEL in _labels(app)


def test_vergelijken_offers_it_beside_word_pdf_and_markdown(app) -> None:  # type: ignore[no-untyped-def]
    session = app.session_state[SESSION_KEY]
    scenarios = [Scenario(name="Alleen", profile=Profile()),
                 Scenario(name="Met de regio", profile=Profile(regional_cooperation="existing", regional_intake=120))]
    app.session_state[SESSION_KEY] = session.model_copy(update={"scenarios": scenarios})
    open_page(app, "pages/vergelijken.py")
    labels = _labels(app)
    assert {"Download de vergelijking (Word)", "Download de vergelijking (PDF)",
            "Download de vergelijking (Markdown)", LABEL} <= set(labels)


def test_workshop_offers_it_once_a_workshop_runs(app) -> None:  # type: ignore[no-untyped-def]
    open_page(app, "pages/workshop.py")
    assert LABEL not in _labels(app)
    app.button(key="workshop_start").click().run()
    assert LABEL in _labels(app)
