"""A vote reaches the facilitator's open results without the page asking for it (issue 24).

The store side (keuzehulp/workshop/notify.py), on SQLite and PostgreSQL: a Feed tells a watching
page when its workshop changes. A vote cast in this process wakes it at once; a vote cast by
another process reaches it by PostgreSQL NOTIFY (with the Feed's own asking switched off, so the
message alone can bring it) or, on SQLite, by the Feed's small read. An unchanged workshop and a
refused vote tell nobody; a page that was told and has since read the change is not run again;
a watcher whose page is gone is dropped.

The app side (FragmentRun in ui/kit/streamlit_adapter.py, which leans on Streamlit's internals):
a real server and the facilitator's tab over Streamlit's WebSocket protocol. A phone's vote makes
the server run the results fragment by itself, and the facilitator's own click runs nothing
extra. (Across two servers on PostgreSQL: tests/test_workshop_two_servers.py.)
"""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import time

import pytest

from keuzehulp.store import make_engine, migrate
from keuzehulp.workshop import notify, repo
from keuzehulp.workshop.ballot import VoteError, validate
from tests.browser.server import ROOT, Server
from tests.stream_tab import Tab

CLIENT = "192.0.2.20"
NEVER = 3600.0  # the Feed's own asking switched off: only a wake-up or a message can tell it
WAIT = 30.0  # generous: this is about whether it arrives, bench/votes.py measures how fast


class Page:
    """A watching page as the Feed sees it: records each time it is told of a change."""

    def __init__(self) -> None:
        self.told: queue.Queue = queue.Queue()
        self.gone = False

    def alive(self) -> bool:
        return not self.gone

    def changed(self, needed) -> None:
        self.told.put(needed)


@pytest.fixture
def store(store_url):
    engine = make_engine(store_url)
    migrate(engine)
    yield engine
    engine.dispose()


def feed_for(engine, **asking) -> notify.Feed:
    return notify.Feed(engine, lambda code: repo.changes(engine, code), **asking)


def vote(option: str = "in_house"):
    return validate("decision:delivery", option, "")


def test_a_vote_in_this_process_tells_the_watching_page(store):
    opened = repo.create_workshop(store)
    info = repo.join(store, opened.code, CLIENT, participant="p1")
    feed, page = feed_for(store, poll=NEVER, safety=NEVER), Page()
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))
        repo.cast(store, info.id, "p1", CLIENT, [vote()])
        needed = page.told.get(timeout=WAIT)
        assert needed() is True  # no run of the page has read the vote yet
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))  # the page's run
        assert needed() is False  # ... now one has: the run asked for is left out
        assert page.told.empty()
    finally:
        feed.close()


def test_the_facilitators_own_change_tells_the_page_too(store):
    opened = repo.create_workshop(store)
    feed, page = feed_for(store, poll=NEVER, safety=NEVER), Page()
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))
        repo.set_closed(store, opened.code, opened.secret, True)
        assert page.told.get(timeout=WAIT)() is True
    finally:
        feed.close()


def test_nothing_changed_and_a_refused_vote_tell_nobody(store):
    opened = repo.create_workshop(store)
    info = repo.join(store, opened.code, CLIENT, participant="p1")
    repo.set_closed(store, opened.code, opened.secret, True)
    feed, page = feed_for(store, poll=0.05, safety=0.05), Page()  # asks the store all the time
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))
        with pytest.raises(VoteError):
            repo.cast(store, info.id, "p1", CLIENT, [vote()])
        feed.wake()
        time.sleep(1.0)
        assert page.told.empty()
        assert feed.watching(opened.code) == 1
    finally:
        feed.close()


def test_a_page_that_is_gone_is_dropped(store):
    opened = repo.create_workshop(store)
    feed, page = feed_for(store, poll=0.05, safety=0.05), Page()
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))
        page.gone = True
        deadline = time.monotonic() + WAIT
        while feed.watching(opened.code) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert feed.watching(opened.code) == 0
        repo.set_closed(store, opened.code, opened.secret, True)
        time.sleep(0.5)
        assert page.told.empty()
    finally:
        feed.close()


CAST_ELSEWHERE = """
import sys
from keuzehulp.store import make_engine
from keuzehulp.workshop import repo
from keuzehulp.workshop.ballot import validate
engine = make_engine(sys.argv[1])
info = repo.join(engine, sys.argv[2], "192.0.2.21", participant="elsewhere")
repo.cast(engine, info.id, "elsewhere", "192.0.2.21", [validate("decision:delivery", "mixed", "")])
"""


def test_a_vote_from_another_process_tells_the_watching_page(store, store_url):
    """PostgreSQL: by NOTIFY alone (the Feed never asks by itself here). SQLite has no message
    between processes: the Feed's small read finds it."""
    opened = repo.create_workshop(store)
    postgres = store.dialect.name == "postgresql"
    feed, page = feed_for(store, poll=NEVER if postgres else 0.1, safety=NEVER), Page()
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(store, opened.code))
        deadline = time.monotonic() + WAIT
        while postgres and not feed.listening and time.monotonic() < deadline:
            time.sleep(0.05)
        assert feed.listening is postgres
        while not page.told.empty():  # told once when the listener connected, if at all
            page.told.get()
        subprocess.run([sys.executable, "-c", CAST_ELSEWHERE, store_url, opened.code], cwd=ROOT,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True, timeout=120)
        assert page.told.get(timeout=WAIT)() is True
    finally:
        feed.close()


def test_on_sqlite_the_feed_reads_the_store_only_after_the_file_changed(tmp_path):
    """Four looks a second cost no query while nobody writes (the file's size and time)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'keuzehulp.sqlite'}")
    migrate(engine)
    opened = repo.create_workshop(engine)
    asked: list[str] = []

    def check(code: str):
        asked.append(code)
        return repo.changes(engine, code)

    feed, page = notify.Feed(engine, check, poll=0.02), Page()
    try:
        feed.watch(opened.code, "tab-1", page, repo.changes(engine, opened.code))
        time.sleep(1.0)  # some 50 looks
        assert len(asked) <= 2  # the first look, and one if the file was still settling
        before = len(asked)
        subprocess.run([sys.executable, "-c", CAST_ELSEWHERE, str(engine.url), opened.code], cwd=ROOT,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True, timeout=120)
        assert page.told.get(timeout=WAIT)() is True
        assert len(asked) > before
    finally:
        feed.close()
        engine.dispose()


def shown_count(tab: Tab, option: str) -> int | None:
    for text in tab.texts():
        if m := re.search(rf"` (\d+) · {re.escape(option)}", text):
            return int(m.group(1))
    return None


def test_a_phone_vote_reruns_the_facilitators_results_by_itself(tmp_path, monkeypatch):
    """One server on SQLite: the facilitator's tab never asks (no timer here), yet the server
    runs its results again when a phone votes; its own click runs nothing extra."""
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))
    server = Server("app.py")
    try:
        with Tab(server.url) as host, Tab(server.url) as phone:
            host.rerun("workshop")
            host.rerun("workshop", widgets={host.widget("workshop_start"): True})
            host.rerun("workshop")
            host.rerun("workshop", widgets={host.widget("workshop_show"): True})  # hidden while open
            code = next(m.group(1) for t in host.texts() if (m := re.search(r"stemmen\?code=([A-Z0-9]{8})", t)))
            assert shown_count(host, "Zelf uitvoeren") == 0
            assert host.listen(2.0) is None  # its own click ("Uitslag nu tonen"): no run after it

            query = f"code={code}&p=push-participant-000001"
            phone.rerun("stemmen", query)
            phone.click("stemmen", query, {phone.widget("-vote_delivery"): "Zelf uitvoeren",
                                           phone.widget("FormSubmitter:form_delivery-Stem opslaan"): True})
            assert any(t.startswith("Opgeslagen: Zelf uitvoeren") for t in phone.texts()), phone.texts()
            pushed = host.listen(WAIT)
            assert pushed is not None, "the facilitator's results were not run again"
            assert shown_count(host, "Zelf uitvoeren") == 1
            assert any("**1 deelnemer**" in t for t in host.texts())

            # The page is whole afterwards: the facilitator's next runs of it work as before.
            host.rerun("workshop")
            assert any(f"stemmen?code={code}" in t for t in host.texts())
            host.rerun("workshop", widgets={host.widget("workshop_hide"): True})
            assert any("verborgen zolang de stemming open is" in t for t in host.texts())
    finally:
        server.stop()
