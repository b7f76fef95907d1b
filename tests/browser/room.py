"""A workshop room for browser tests: an app server with its own empty store, reachable the way
`make workshop` makes it (KEUZEHULP_PUBLIC_URL, so the QR code shows), and a facilitator's
session with everything a slide can show (a live workshop with votes and reasons in, two
scenarios, the team's choices and notes) written to that store the way autosave writes it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from keuzehulp.contract.schema import (
    CostSettings,
    Profile,
    Scenario,
    Session,
    TeamDecision,
    TeamInput,
    WorkshopVotes,
)
from keuzehulp.store import Store, new_key
from keuzehulp.workshop import repo
from keuzehulp.workshop.ballot import Vote, decision_question, element_question

from .server import Server, free_port

PROFILE = Profile(municipality="Lochem", annual_intake=25, regional_cooperation="existing", regional_intake=40)
# Three phones: decisions with reasons (one signed), and a priority per element.
BALLOTS = [
    ("phone-1", "", [("delivery", "in_house", "Wij hebben de klantmanagers al"),
                     ("training_format", "group", ""), ("matching", "demand_led", "")]),
    ("phone-2", "Kim, teamleider", [("delivery", "in_house", ""),
                                    ("training_format", "shared_purchase", "Samen met Brummen inkopen"),
                                    ("matching", "segmented", "")]),
    ("phone-3", "", [("delivery", "mixed", "Liever gemengd"), ("training_format", "group", ""),
                     ("matching", "demand_led", "")]),
]
ELEMENT_VOTES = {"phone-1": "essential", "phone-2": "recommended", "phone-3": "essential"}


@dataclass
class Room:
    server: Server
    store: Store

    @property
    def url(self) -> str:
        return self.server.url


def open_room(data_dir: Path) -> Room:
    """Start the server on an empty SQLite store in `data_dir`; the test process opens the same
    store (migrated before the server starts, so the two never migrate at once)."""
    saved = dict(os.environ)
    os.environ.pop("KEUZEHULP_DATABASE_URL", None)
    os.environ["KEUZEHULP_DATA_DIR"] = str(data_dir)
    port = free_port()
    os.environ["KEUZEHULP_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    try:
        store = Store.open()
        server = Server("app.py", port=port)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return Room(server, store)


def facilitator_session(room: Room, shown: bool = True) -> str:
    """A facilitator's saved session with a live workshop and three phones' votes in; its key."""
    from keuzehulp.contract.ids import ELEMENT_IDS

    engine = room.store.engine
    opened = repo.create_workshop(engine, "priority")
    for phone, author, decisions in BALLOTS:
        info = repo.join(engine, opened.code, client="127.0.0.1", participant=phone)
        ballot = [Vote(decision_question(d), value, reason) for d, value, reason in decisions]
        ballot += [Vote(element_question(e), ELEMENT_VOTES[phone]) for e in ELEMENT_IDS]
        repo.cast(engine, info.id, phone, "127.0.0.1", ballot, author=author)
    repo.set_show_results(engine, opened.code, opened.secret, shown)
    team = TeamInput(
        decisions={"delivery": TeamDecision(choice="mixed", reason="Past bij onze capaciteit."),
                   "training_format": TeamDecision(choice="shared_purchase")},
        notes={"q1": "Eerst de werkgevers in de regio spreken."})
    session = Session(profile=PROFILE, team=team,
                      scenarios=[Scenario(name="Alleen", profile=PROFILE.model_copy(
                                     update={"regional_cooperation": "none"})),
                                 Scenario(name="Met de regio", profile=PROFILE)],
                      workshop=WorkshopVotes(code=opened.code, secret=opened.secret, element_mode="priority"),
                      # Two prices below their reference: the slide 'Wat koopt u in?' warns twice.
                      costs=CostSettings(amounts={"language_price_onderwijs": 12000, "language_price_b1": 9000}))
    key = new_key()
    room.store.create_session(key, session.model_dump_json())
    return key


# Rules that fail a slide: axe's serious and critical findings, and a skipped heading level
# (moderate for axe, but a screen reader's list of headings is how a slide is found).
SLIDE_RULES = {"heading-order"}


def axe_findings(page, also: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """axe-core on the whole page as it is now: serious and critical findings, plus the rules in
    `also`. axe is loaded into the page once (a Streamlit rerun keeps the window), not per run."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(Axe().axe_script)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
            for v in results["violations"] if v["impact"] in ("serious", "critical") or v["id"] in also]
