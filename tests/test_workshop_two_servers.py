"""Several app servers, one store: two Streamlit servers on two ports share one throwaway
PostgreSQL; a vote cast through one appears in the results the other serves (the app keeps
nothing that must be shared in process memory), and reaches the results there without their
page asking. Real WebSocket sessions, as browser tabs."""

from __future__ import annotations

import re

from tests.browser.server import Server
from tests.stream_tab import Tab


def test_a_vote_through_one_server_shows_in_the_results_of_the_other(postgres_url, monkeypatch, tmp_path):
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", postgres_url)  # both servers inherit it
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))  # and nothing lands in a SQLite file
    first, second = Server("app.py"), Server("app.py")
    try:
        with Tab(first.url) as host:
            host.rerun("workshop")
            host.rerun("workshop", widgets={host.widget("workshop_start"): True})
            host.rerun("workshop")
            host.rerun("workshop", widgets={host.widget("workshop_show"): True})  # hidden while open
            code = next(m.group(1) for t in host.texts() if (m := re.search(r"stemmen\?code=([A-Z0-9]{8})", t)))
            assert not any("deelnemers" in t and t.startswith("**1") for t in host.texts())
            with Tab(second.url) as phone:
                query = f"code={code}&p=two-servers-participant-01"
                phone.rerun("stemmen", query)
                phone.rerun("stemmen", query, {phone.widget("-vote_delivery"): "Zelf uitvoeren",
                                               phone.widget("-reason_delivery"): "via de tweede server",
                                               phone.widget("FormSubmitter:form_delivery-Stem opslaan"): True})
                assert any(t.startswith("Opgeslagen: Zelf uitvoeren") for t in phone.texts()), phone.texts()
            # Without asking (no timer in this tab): the first server heard of the vote by
            # PostgreSQL NOTIFY and ran the results again by itself (issue 24).
            assert host.listen(30.0) is not None, "the vote did not reach the other server's page"
            assert any("` 1 · Zelf uitvoeren" in t for t in host.texts()), host.texts()
            host.rerun("workshop")
            shown = "\n".join(host.texts())
            assert "**1 deelnemer**" in shown
            assert "via de tweede server" in shown
            assert "` 1 · Zelf uitvoeren" in shown
        assert (tmp_path / "keuzehulp.sqlite").exists() is False
    finally:
        first.stop()
        second.stop()
