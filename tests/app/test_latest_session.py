"""Downloads read the newest session when clicked: text applied by the rerun the click caused
is in the file, and without such a rerun the download does not hang."""

from __future__ import annotations

import threading

from keuzehulp.contract.schema import Profile, Session
from ui.session.state import Latest


def test_download_waits_for_the_rerun_that_stores_the_typed_text():
    holder = Latest(Session())
    typed = Session(profile=Profile(municipality="Deventer"))
    threading.Timer(0.05, holder.run_began, args=(typed,)).start()
    assert holder.newest(wait=5).profile.municipality == "Deventer"


def test_download_without_a_pending_rerun_uses_what_is_stored():
    holder = Latest(Session())
    holder.put(Session(profile=Profile(municipality="Epe")))
    assert holder.newest(wait=0.01).profile.municipality == "Epe"
